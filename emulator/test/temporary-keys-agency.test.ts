/**
 * Temporary keys through an agency (`methods:["assume_role"]`, docs/reference/huawei-iam-api.md §2.2). Every
 * emulated account has the agency `iam-testbed-agency` trusting itself (docs/deviations.md).
 */
import { describe, expect, it } from 'vitest';
import { globalCred, v3, v3As } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import { FORBIDDEN, durationInvalid, sdkView } from './support/huawei-errors';
import { listKeys, tempKeyByAgency } from './support/requests';
import { wire } from './support/sdk';
import { expectSdkError } from './support/sdk-error';
import { ms } from './support/shapes';

const AGENCY = 'iam-testbed-agency';

describe.each(STORE_MODES)('temporary keys by agency [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('mints 201 for a trusted user and the key acts in the delegating account', async () => {
    const t = await emu().tenant();
    const minted = wire(
      await v3As(emu().url, t, t.iam_user).createTemporaryAccessKeyByAgency(
        tempKeyByAgency(AGENCY, t.domain.id, 3600),
      ),
    );
    expect(minted.httpStatusCode).toBe(201);
    expect(ms(minted.credential.expires_at)).toBe(emu().clock.now() + 3_600_000);
    const acting = v3(emu().url, globalCred(minted.credential, t.domain.id));
    const keys = wire(await acting.listPermanentAccessKeys(listKeys(t.admin.id)));
    expect(keys.credentials.map((c: { access: string }) => c.access)).toEqual([
      t.admin.access_key.access,
    ]);
  });

  it('defaults to 900 s and shares the duration rule of the token method', async () => {
    const t = await emu().tenant();
    const user = v3As(emu().url, t, t.iam_user);
    const minted = wire(
      await user.createTemporaryAccessKeyByAgency(tempKeyByAgency(AGENCY, t.domain.id)),
    );
    expect(ms(minted.credential.expires_at)).toBe(emu().clock.now() + 900_000);
    await expectSdkError(
      user.createTemporaryAccessKeyByAgency(tempKeyByAgency(AGENCY, t.domain.id, 86_401)),
      durationInvalid(86401),
    );
  });

  it('refuses an agency that does not trust the caller, an unknown agency, and chaining from an agency key', async () => {
    const a = await emu().tenant();
    const b = await emu().tenant();
    await expectSdkError(
      v3As(emu().url, b, b.iam_user).createTemporaryAccessKeyByAgency(
        tempKeyByAgency(AGENCY, a.domain.id),
      ),
      sdkView(FORBIDDEN),
    );
    await expectSdkError(
      v3As(emu().url, a, a.iam_user).createTemporaryAccessKeyByAgency(
        tempKeyByAgency('no-such-agency', a.domain.id),
      ),
      {
        status: 404,
        code: 404,
        msg: 'Could not find agency: no-such-agency.',
      },
    );
    const minted = wire(
      await v3As(emu().url, a, a.iam_user).createTemporaryAccessKeyByAgency(
        tempKeyByAgency(AGENCY, a.domain.id),
      ),
    );
    const chained = v3(emu().url, globalCred(minted.credential, a.domain.id));
    await expectSdkError(
      chained.createTemporaryAccessKeyByAgency(tempKeyByAgency(AGENCY, a.domain.id)),
      sdkView(FORBIDDEN),
    );
  });
});
