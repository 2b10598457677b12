/**
 * The OIDC federation flow (issue 4 "Tokens"; docs/reference/sdk-wire.md §2): the SDK's
 * `withIdpId().withIdTokenFile()` credential works offline against the emulator, and the raw
 * exchange behaves like Huawei's (`X-Subject-Token`, a JSON token body, refusals as 4xx).
 */
import { describe, expect, it } from 'vitest';
import { globalCred, oidcCred, v3, v5 } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import { expectHuaweiError } from './support/http-expect';
import { KEYSTONE_UNAUTHORIZED, keystoneNotFound, sdkView } from './support/huawei-errors';
import { raw } from './support/raw';
import { listKeys, tempKeyByToken, v5List } from './support/requests';
import { iam, wire } from './support/sdk';
import { sdkError } from './support/sdk-error';
import { ms } from './support/shapes';
import type { Tenant } from './support/tenant';

const exchangePath = (idp: string) =>
  `/v3/OS-FEDERATION/identity_providers/${idp}/protocols/oidc/auth`;

function exchange(url: string, idp: string, idToken: string) {
  return raw(url, {
    method: 'POST',
    path: exchangePath(idp),
    headers: { Authorization: `Bearer ${idToken}` },
    body: '{}',
  });
}

describe.each(STORE_MODES)('OIDC federation [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('runs the SDK OIDC credential flow end to end: v3 and v5 calls signed with the derived temporary key', async () => {
    const t = await emu().tenant();
    const client = v3(emu().url, oidcCred(emu().url, t));
    const keys = wire(await client.listPermanentAccessKeys(listKeys()));
    expect(keys).toEqual({ httpStatusCode: 200, credentials: [] });
    const projects = wire(
      await client.keystoneListAuthProjects(new iam.KeystoneListAuthProjectsRequest()),
    );
    expect(projects.httpStatusCode).toBe(200);
    const minted = wire(
      await client.createTemporaryAccessKeyByToken(tempKeyByToken({ duration: 900 })),
    );
    expect(minted.httpStatusCode).toBe(201);
    const v5keys = wire(
      await v5(emu().url, oidcCred(emu().url, t)).listAccessKeysV5(v5List(t.federated_user.id)),
    );
    expect(v5keys.access_keys).toEqual([]);
  });

  it('exchanges an issued id token for an unscoped federated token with a JSON body and X-Subject-Token', async () => {
    const t = await emu().tenant();
    const res = await exchange(emu().url, t.federated_user.idp_id, t.federated_user.id_token);
    expect(res.status, res.text).toBe(201);
    expect(res.requestId).toMatch(/\S/);
    const subject = res.headers['x-subject-token'];
    expect(subject).toMatch(/\S{16,}/);
    expect(res.json.token).toMatchObject({
      methods: expect.arrayContaining(['mapped']),
      user: {
        id: t.federated_user.id,
        name: t.federated_user.name,
        domain: { id: t.domain.id, name: t.domain.name },
      },
    });
    expect(res.json.token.project).toBeUndefined();
    expect(ms(res.json.token.issued_at)).toBe(emu().clock.now());

    // What the SDK does next (docs/reference/sdk-wire.md §2): a temporary key for the subject token, lasting 6 h.
    const temp = await raw(emu().url, {
      method: 'POST',
      path: '/v3.0/OS-CREDENTIAL/securitytokens',
      headers: { 'x-auth-token': String(subject) },
      body: { auth: { identity: { methods: ['token'], token: { duration_seconds: 21600 } } } },
    });
    expect(temp.status, temp.text).toBe(201);
    expect(ms(temp.json.credential.expires_at)).toBe(emu().clock.now() + 21_600_000);
    const own = wire(
      await v3(emu().url, globalCred(temp.json.credential, t.domain.id)).listPermanentAccessKeys(
        listKeys(),
      ),
    );
    expect(own.credentials).toEqual([]);
  });

  it("refuses a forged id token, another account's id token, and an unknown identity provider", async () => {
    const a = await emu().tenant();
    const b = await emu().tenant();
    const forged = await exchange(
      emu().url,
      a.federated_user.idp_id,
      `${a.federated_user.id_token.slice(0, -4)}AAAA`,
    );
    expectHuaweiError(forged, KEYSTONE_UNAUTHORIZED.status, KEYSTONE_UNAUTHORIZED.body);
    const crossed = await exchange(emu().url, a.federated_user.idp_id, b.federated_user.id_token);
    expectHuaweiError(crossed, KEYSTONE_UNAUTHORIZED.status, KEYSTONE_UNAUTHORIZED.body);
    const unknown = await exchange(emu().url, 'no_such_idp', a.federated_user.id_token);
    const notFound = keystoneNotFound('identity_provider', 'no_such_idp');
    expectHuaweiError(unknown, notFound.status, notFound.body);
    const none = await raw(emu().url, {
      method: 'POST',
      path: exchangePath(a.federated_user.idp_id),
      body: '{}',
    });
    expectHuaweiError(none, KEYSTONE_UNAUTHORIZED.status, KEYSTONE_UNAUTHORIZED.body);
  });

  it('surfaces a refused exchange in the SDK as an error, not a hang or a crash', async () => {
    const t: Tenant = await emu().tenant();
    const client = v3(emu().url, oidcCred(emu().url, t, 'not.a.valid-id-token'));
    const err = await sdkError(client.listPermanentAccessKeys(listKeys()));
    // The SDK wraps the exchange's Keystone 401 in its own message (docs/reference/sdk-wire.md §1.13).
    expect(err.name).toMatch(/Exception$/);
    expect(err.message).toContain('Failed to update federal auth token by ID token');
    expect(err.message).toContain(sdkView(KEYSTONE_UNAUTHORIZED).msg);
  });
});
