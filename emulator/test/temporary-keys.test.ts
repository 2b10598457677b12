/**
 * Temporary keys (`POST /v3.0/OS-CREDENTIAL/securitytokens`, docs/reference/huawei-iam-api.md §2): every way of
 * minting them, their use with both credential classes, duration bounds, expiry on the injected
 * clock, token/AK binding and the session-policy limit.
 */
import { describe, expect, it } from 'vitest';
import { basicCred, globalCred, v3, v3As, v5, type KeyPair } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import { expectApigwError } from './support/http-expect';
import { APIGW_AUTH, apigwMsg, durationInvalid } from './support/huawei-errors';
import { raw } from './support/raw';
import { listKeys, policyOf, tempKeyByToken, v5List } from './support/requests';
import { wire } from './support/sdk';
import { regionProject } from './support/tenant';
import { expectSdkError } from './support/sdk-error';
import {
  HUAWEI_TIME_RE,
  SECRET_KEY_SHAPE,
  SECURITY_TOKEN_SHAPE,
  TEMP_ACCESS_KEY_SHAPE,
  ms,
} from './support/shapes';
import { tokenFor } from './support/tokens';

const SECURITYTOKENS = '/v3.0/OS-CREDENTIAL/securitytokens';

describe.each(STORE_MODES)('temporary keys [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('mints 201 through the SDK (signed, token.id in the body too), lasting the default 900 s, usable with Global, Basic and v5 clients', async () => {
    const t = await emu().tenant();
    const token = await tokenFor(emu().url, t, t.iam_user);
    const minted = wire(
      await v3As(emu().url, t, t.iam_user).createTemporaryAccessKeyByToken(
        tempKeyByToken({ tokenId: token.id }),
      ),
    );
    expect(minted).toEqual({
      httpStatusCode: 201,
      credential: {
        access: expect.stringMatching(TEMP_ACCESS_KEY_SHAPE),
        secret: expect.stringMatching(SECRET_KEY_SHAPE),
        securitytoken: expect.stringMatching(SECURITY_TOKEN_SHAPE),
        expires_at: expect.stringMatching(HUAWEI_TIME_RE),
      },
    });
    const key: KeyPair = minted.credential;
    expect(ms(minted.credential.expires_at)).toBe(emu().clock.now() + 900_000);

    const viaGlobal = wire(
      await v3(emu().url, globalCred(key, t.domain.id)).listPermanentAccessKeys(listKeys()),
    );
    expect(viaGlobal.credentials.map((c: { access: string }) => c.access)).toEqual([
      t.iam_user.access_key.access,
    ]);
    const project = regionProject(t);
    const viaBasic = wire(
      await v3(emu().url, basicCred(key, project.id)).listPermanentAccessKeys(listKeys()),
    );
    expect(viaBasic.httpStatusCode).toBe(200);
    const viaV5 = wire(
      await v5(emu().url, globalCred(key, t.domain.id)).listAccessKeysV5(v5List(t.iam_user.id)),
    );
    expect(viaV5.httpStatusCode).toBe(200);
  });

  it("mints for the AK/SK signer's own identity when no token is given", async () => {
    const t = await emu().tenant();
    const minted = wire(
      await v3As(emu().url, t, t.iam_user).createTemporaryAccessKeyByToken(
        tempKeyByToken({ duration: 3600 }),
      ),
    );
    expect(minted.httpStatusCode).toBe(201);
    expect(ms(minted.credential.expires_at)).toBe(emu().clock.now() + 3_600_000);
    const own = wire(
      await v3(emu().url, globalCred(minted.credential, t.domain.id)).listPermanentAccessKeys(
        listKeys(),
      ),
    );
    expect(own.credentials[0].user_id).toBe(t.iam_user.id);
  });

  it('mints from an X-Auth-Token header, or from token.id in the body, with no signature at all', async () => {
    const t = await emu().tenant();
    const adminToken = await tokenFor(emu().url, t, t.admin);
    const userToken = await tokenFor(emu().url, t, t.iam_user);
    const viaHeader = await raw(emu().url, {
      method: 'POST',
      path: SECURITYTOKENS,
      headers: { 'X-Auth-Token': adminToken.id },
      body: { auth: { identity: { methods: ['token'], token: { duration_seconds: 1800 } } } },
    });
    expect(viaHeader.status, viaHeader.text).toBe(201);
    expect(ms(viaHeader.json.credential.expires_at)).toBe(emu().clock.now() + 1_800_000);
    const viaBody = await raw(emu().url, {
      method: 'POST',
      path: SECURITYTOKENS,
      body: { auth: { identity: { methods: ['token'], token: { id: userToken.id } } } },
    });
    expect(viaBody.status, viaBody.text).toBe(201);
    expect(ms(viaBody.json.credential.expires_at)).toBe(emu().clock.now() + 900_000);

    const asAdmin = wire(
      await v3(
        emu().url,
        globalCred(viaHeader.json.credential, t.domain.id),
      ).listPermanentAccessKeys(listKeys()),
    );
    expect(asAdmin.credentials[0].user_id).toBe(t.admin.id);
    const asUser = wire(
      await v3(emu().url, globalCred(viaBody.json.credential, t.domain.id)).listPermanentAccessKeys(
        listKeys(),
      ),
    );
    expect(asUser.credentials[0].user_id).toBe(t.iam_user.id);
  });

  it('accepts duration_seconds 900 and 86400 and refuses 899 and 86401 with one consistent 400', async () => {
    const t = await emu().tenant();
    const user = v3As(emu().url, t, t.iam_user);
    for (const ok of [900, 86_400]) {
      const minted = wire(
        await user.createTemporaryAccessKeyByToken(tempKeyByToken({ duration: ok })),
      );
      expect(ms(minted.credential.expires_at)).toBe(emu().clock.now() + ok * 1000);
    }
    await expectSdkError(
      user.createTemporaryAccessKeyByToken(tempKeyByToken({ duration: 899 })),
      durationInvalid(899),
    );
    await expectSdkError(
      user.createTemporaryAccessKeyByToken(tempKeyByToken({ duration: 86_401 })),
      durationInvalid(86401),
    );
    await expectSdkError(
      user.createTemporaryAccessKeyByToken(tempKeyByToken({ duration: 0 })),
      durationInvalid(0),
    );
  });

  it('refuses a session policy over 2048 characters with 400 and accepts a short one', async () => {
    const t = await emu().tenant();
    const user = v3As(emu().url, t, t.iam_user);
    const ok = wire(
      await user.createTemporaryAccessKeyByToken(
        tempKeyByToken({ policy: policyOf(['obs:object:GetObject']) }),
      ),
    );
    expect(ok.httpStatusCode).toBe(201);
    const long = policyOf(Array.from({ length: 120 }, (_, i) => `obs:object:GetObject${i}`));
    expect(JSON.stringify(long).length).toBeGreaterThan(2048);
    await expectSdkError(user.createTemporaryAccessKeyByToken(tempKeyByToken({ policy: long })), {
      status: 400,
      code: 400,
      msg: `Invalid input for field 'policy'. The policy has ${JSON.stringify(long).length} characters; at most 2048 are allowed.`,
    });

    // The session policy is kept with the key and shown in the request journal (issue 4).
    const policy = {
      Version: '1.1',
      Statement: [
        { Effect: 'Allow', Action: ['obs:object:GetObject'], Resource: ['obs:*:*:object:*'] },
      ],
    };
    const res = await raw(emu().url, {
      method: 'POST',
      path: SECURITYTOKENS,
      body: {
        auth: { identity: { methods: ['token'], token: { duration_seconds: 900 }, policy } },
      },
      sign: { key: t.iam_user.access_key, domainId: t.domain.id },
    });
    expect(res.status, res.text).toBe(201);
    expect(emu().journal(res.requestId ?? '')).toMatchObject({
      session_policy: policy,
      temporary_access_key: res.json.credential.access,
    });
  });

  it('works until expires_at on the injected clock, then fails with the token-expired 401', async () => {
    const t = await emu().tenant();
    const minted = wire(
      await v3As(emu().url, t, t.iam_user).createTemporaryAccessKeyByToken(tempKeyByToken({})),
    );
    const client = v3(emu().url, globalCred(minted.credential, t.domain.id));
    emu().clock.advance(899);
    expect(wire(await client.listPermanentAccessKeys(listKeys())).httpStatusCode).toBe(200);
    emu().clock.advance(2);
    await expectSdkError(client.listPermanentAccessKeys(listKeys()), {
      status: 401,
      code: APIGW_AUTH,
      msg: apigwMsg.tokenExpired(minted.credential.expires_at),
    });
  });

  it('refuses a security token that belongs to another temporary AK, or none at all', async () => {
    const t = await emu().tenant();
    const user = v3As(emu().url, t, t.iam_user);
    const one = wire(await user.createTemporaryAccessKeyByToken(tempKeyByToken({}))).credential;
    const two = wire(await user.createTemporaryAccessKeyByToken(tempKeyByToken({}))).credential;
    const swapped = { access: one.access, secret: one.secret, securitytoken: two.securitytoken };
    await expectSdkError(
      v3(emu().url, globalCred(swapped, t.domain.id)).listPermanentAccessKeys(listKeys()),
      {
        status: 401,
        code: APIGW_AUTH,
        msg: apigwMsg.badToken,
      },
    );

    const noToken = await raw(emu().url, {
      method: 'GET',
      path: '/v3.0/OS-CREDENTIAL/credentials',
      sign: { key: { access: one.access, secret: one.secret }, domainId: t.domain.id },
    });
    expectApigwError(noToken, 401, APIGW_AUTH, apigwMsg.securityTokenMissing);
  });

  it('never lets a temporary key outlive the token that minted it (capped, as docs/deviations.md says)', async () => {
    const t = await emu().tenant();
    const token = await tokenFor(emu().url, t, t.iam_user);
    const tokenExpiry = ms(token.body.token.expires_at);
    emu().clock.set(tokenExpiry - 600_000);
    const res = await raw(emu().url, {
      method: 'POST',
      path: SECURITYTOKENS,
      headers: { 'X-Auth-Token': token.id },
      body: { auth: { identity: { methods: ['token'], token: { duration_seconds: 3600 } } } },
    });
    expect(res.status, res.text).toBe(201);
    expect(ms(res.json.credential.expires_at)).toBe(tokenExpiry);
  });
});
