/**
 * Every response carries a distinct `X-Request-Id` (issue 4 "Rules"; docs/reference/sdk-wire.md §6): successes
 * of every status, SDK-visible errors, gateway errors and the control plane.
 */
import { describe, expect, it } from 'vitest';
import { v3As } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import { raw, type RawCall } from './support/raw';
import { createKey, showKey } from './support/requests';
import { sdkError } from './support/sdk-error';

describe.each(STORE_MODES)('X-Request-Id [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('is on every response, success or failure, and differs between requests', async () => {
    const t = await emu().tenant();
    const sign = { key: t.admin.access_key, domainId: t.domain.id };
    const created = await raw(emu().url, {
      method: 'POST',
      path: '/v3.0/OS-CREDENTIAL/credentials',
      body: { credential: { user_id: t.iam_user.id } },
      sign,
    });
    expect(created.status).toBe(201);
    const ak = created.json.credential.access as string;
    const calls: Array<[number, RawCall]> = [
      [200, { method: 'GET', path: `/v3.0/OS-CREDENTIAL/credentials/${ak}`, sign }],
      [204, { method: 'DELETE', path: `/v3.0/OS-CREDENTIAL/credentials/${ak}`, sign }],
      [404, { method: 'GET', path: `/v3.0/OS-CREDENTIAL/credentials/${ak}`, sign }],
      [401, { method: 'GET', path: '/v3/projects' }],
      [404, { method: 'GET', path: '/nothing-here', sign }],
      [400, { method: 'POST', path: '/v3.0/OS-CREDENTIAL/credentials', body: '{', sign }],
      [200, { method: 'GET', path: '/_emulator/health' }],
      [200, { method: 'HEAD', path: '/_emulator/health' }],
    ];
    const ids = [created.requestId];
    for (const [status, req] of calls) {
      const res = await raw(emu().url, req);
      expect(res.status, `${req.method} ${req.path}: ${res.text}`).toBe(status);
      expect(res.requestId, `${req.method} ${req.path}`).toMatch(/^[0-9a-f]{32}$/);
      ids.push(res.requestId);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reaches SDK users on errors as exception.requestId', async () => {
    const t = await emu().tenant();
    const admin = v3As(emu().url, t, t.admin);
    const missing = await sdkError(admin.showPermanentAccessKey(showKey('HSTNOSUCHKEY00000000')));
    const quota = await admin
      .createPermanentAccessKey(createKey(t.iam_user.id))
      .then(() => sdkError(admin.createPermanentAccessKey(createKey(t.iam_user.id))));
    expect(missing.requestId).toMatch(/\S/);
    expect(quota.requestId).toMatch(/\S/);
    expect(missing.requestId).not.toBe(quota.requestId);
  });
});
