/**
 * Operation protection (`/v3.0/OS-SECURITYPOLICY/domains/{domain_id}/protect-policy`,
 * docs/reference/huawei-iam-api.md §6.1) through the SDK, plus the raw 400s the SDK's models cannot produce.
 */
import { describe, expect, it } from 'vitest';
import { v3As } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import { expectHuaweiError } from './support/http-expect';
import { FORBIDDEN, sdkView } from './support/huawei-errors';
import { raw } from './support/raw';
import { showProtectPolicy, updateProtectPolicy } from './support/requests';
import { wire } from './support/sdk';
import { expectSdkError } from './support/sdk-error';

const path = (domainId: string) => `/v3.0/OS-SECURITYPOLICY/domains/${domainId}/protect-policy`;
const ALLOW_KEYS = ['manage_accesskey', 'manage_email', 'manage_mobile', 'manage_password'];

describe.each(STORE_MODES)('protect policy [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('shows the full GET shape, with operation protection as the tenant was created', async () => {
    const off = await emu().tenant();
    const shown = wire(
      await v3As(emu().url, off, off.admin).showDomainProtectPolicy(
        showProtectPolicy(off.domain.id),
      ),
    );
    expect(shown).toEqual({
      httpStatusCode: 200,
      protect_policy: {
        operation_protection: false,
        allow_user: expect.any(Object),
        mobile: expect.any(String),
        email: expect.any(String),
        admin_check: 'off',
        scene: expect.any(String),
      },
    });
    expect(Object.keys(shown.protect_policy.allow_user).sort()).toEqual(ALLOW_KEYS);
    const on = await emu().tenant({ operation_protection: true });
    const shownOn = wire(
      await v3As(emu().url, on, on.admin).showDomainProtectPolicy(showProtectPolicy(on.domain.id)),
    );
    expect(shownOn.protect_policy.operation_protection).toBe(true);
  });

  it('updates with PUT (200, the PUT shape without mobile/email) and reads back the change', async () => {
    const t = await emu().tenant();
    const admin = v3As(emu().url, t, t.admin);
    const allow = {
      manage_accesskey: false,
      manage_email: true,
      manage_mobile: false,
      manage_password: true,
    };
    const updated = wire(
      await admin.updateDomainProtectPolicy(
        updateProtectPolicy(t.domain.id, true, allow, { adminCheck: 'off' }),
      ),
    );
    expect(updated).toEqual({
      httpStatusCode: 200,
      protect_policy: {
        operation_protection: true,
        allow_user: allow,
        admin_check: 'off',
        scene: expect.any(String),
      },
    });
    const shown = wire(await admin.showDomainProtectPolicy(showProtectPolicy(t.domain.id)));
    expect(shown.protect_policy).toMatchObject({
      operation_protection: true,
      allow_user: allow,
      admin_check: 'off',
    });

    const partial = wire(
      await admin.updateDomainProtectPolicy(updateProtectPolicy(t.domain.id, false)),
    );
    expect(partial.protect_policy).toMatchObject({
      operation_protection: false,
      allow_user: allow,
    });
  });

  it('refuses the update to an IAM user and to another account, changing nothing', async () => {
    const t = await emu().tenant();
    const other = await emu().tenant();
    await expectSdkError(
      v3As(emu().url, t, t.iam_user).updateDomainProtectPolicy(
        updateProtectPolicy(t.domain.id, true),
      ),
      sdkView(FORBIDDEN),
    );
    const intruder = v3As(emu().url, other, other.admin);
    await expectSdkError(
      intruder.updateDomainProtectPolicy(updateProtectPolicy(t.domain.id, true)),
      sdkView(FORBIDDEN),
    );
    await expectSdkError(
      intruder.showDomainProtectPolicy(showProtectPolicy(t.domain.id)),
      sdkView(FORBIDDEN),
    );
    const shown = wire(
      await v3As(emu().url, t, t.admin).showDomainProtectPolicy(showProtectPolicy(t.domain.id)),
    );
    expect(shown.protect_policy.operation_protection).toBe(false);
  });

  it('answers 400 IAM.0072 when operation_protection is missing and IAM.0073 for a bad admin_check', async () => {
    const t = await emu().tenant();
    const put = (body: object) =>
      raw(emu().url, {
        method: 'PUT',
        path: path(t.domain.id),
        body,
        sign: { key: t.admin.access_key, domainId: t.domain.id },
      });
    const missing = await put({ protect_policy: { allow_user: { manage_accesskey: true } } });
    expectHuaweiError(missing, 400, {
      error_code: 'IAM.0072',
      error_msg: expect.stringMatching(/^'operation_protection' is a required property\./),
    });
    const invalid = await put({
      protect_policy: { operation_protection: true, admin_check: 'maybe' },
    });
    expectHuaweiError(invalid, 400, {
      error_code: 'IAM.0073',
      error_msg: expect.stringMatching(
        /^Invalid input for field 'admin_check'\. The value is 'maybe'\./,
      ),
    });
    const shown = wire(
      await v3As(emu().url, t, t.admin).showDomainProtectPolicy(showProtectPolicy(t.domain.id)),
    );
    expect(shown.protect_policy.operation_protection).toBe(false);
  });
});
