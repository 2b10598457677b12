/**
 * Keystone tokens (docs/reference/huawei-iam-api.md §3): password tokens unscoped and scoped, `X-Subject-Token`,
 * `nocatalog`, the token method, validation, and tokens as `X-Auth-Token` until they expire.
 */
import { describe, expect, it } from 'vitest';
import { v3As } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import { expectApigwError, expectHuaweiError } from './support/http-expect';
import {
  APIGW_AUTH,
  KEYSTONE_FORBIDDEN,
  KEYSTONE_UNAUTHORIZED,
  TOKEN_MUST_BE_UPDATED,
  apigwMsg,
  keystoneNotFound,
  sdkView,
} from './support/huawei-errors';
import { raw } from './support/raw';
import { passwordToken, scopedTokenFromToken, validateToken } from './support/requests';
import { wire } from './support/sdk';
import { regionProject } from './support/tenant';
import { expectSdkError } from './support/sdk-error';
import { ms } from './support/shapes';
import { tokenFor } from './support/tokens';

const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/;

describe.each(STORE_MODES)('tokens [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('issues an unscoped password token: 201, X-Subject-Token, user and 24 h validity from the clock', async () => {
    const t = await emu().tenant();
    const { id, body } = await tokenFor(emu().url, t, t.iam_user);
    expect(body.httpStatusCode).toBe(201);
    expect(id.length).toBeGreaterThan(16);
    expect(body.token).toMatchObject({
      methods: ['password'],
      user: {
        id: t.iam_user.id,
        name: t.iam_user.name,
        domain: { id: t.domain.id, name: t.domain.name },
        password_expires_at: expect.any(String),
      },
      issued_at: expect.stringMatching(ISO),
      expires_at: expect.stringMatching(ISO),
      catalog: expect.any(Array),
      roles: expect.any(Array),
    });
    expect(ms(body.token.issued_at)).toBe(emu().clock.now());
    expect(ms(body.token.expires_at)).toBe(emu().clock.now() + DAY_MS);
    expect(body.token.project).toBeUndefined();
    expect(body.token.domain).toBeUndefined();
  });

  it('scopes a token to a project by name or to the domain, and drops the catalog for nocatalog', async () => {
    const t = await emu().tenant();
    const project = regionProject(t);
    const scoped = await tokenFor(emu().url, t, t.admin, { project: { name: project.name } });
    expect(scoped.body.token.project).toEqual({
      id: project.id,
      name: project.name,
      domain: { id: t.domain.id, name: t.domain.name },
    });
    expect(scoped.body.token.domain).toBeUndefined();

    const domain = await tokenFor(emu().url, t, t.admin, { domain: { name: t.domain.name } });
    expect(domain.body.token.domain).toEqual({ id: t.domain.id, name: t.domain.name });
    expect(domain.body.token.project).toBeUndefined();

    const bare = await tokenFor(emu().url, t, t.admin, { project: { id: project.id } }, true);
    expect(bare.body.token.project.id).toBe(project.id);
    expect(bare.body.token).not.toHaveProperty('catalog');
  });

  it('refuses a wrong password, an unknown project and a foreign domain scope with Keystone 401s', async () => {
    const t = await emu().tenant();
    const client = v3As(emu().url, t, t.iam_user);
    await expectSdkError(
      client.keystoneCreateUserTokenByPassword(
        passwordToken(t.domain.name, t.iam_user.name, 'wrong-Passw0rd'),
      ),
      sdkView(KEYSTONE_UNAUTHORIZED),
    );
    await expectSdkError(
      client.keystoneCreateUserTokenByPassword(
        passwordToken(t.domain.name, t.iam_user.name, t.iam_user.password, {
          project: { name: 'xx-nowhere-1' },
        }),
      ),
      sdkView(KEYSTONE_UNAUTHORIZED),
    );
    const other = await emu().tenant();
    await expectSdkError(
      client.keystoneCreateUserTokenByPassword(
        passwordToken(t.domain.name, t.iam_user.name, t.iam_user.password, {
          domain: { name: other.domain.name },
        }),
      ),
      sdkView(KEYSTONE_UNAUTHORIZED),
    );
  });

  it('exchanges a token for a project-scoped one with methods ["token"]', async () => {
    const t = await emu().tenant();
    const project = regionProject(t);
    const first = await tokenFor(emu().url, t, t.iam_user);
    const res = wire(
      await v3As(emu().url, t, t.iam_user).keystoneCreateScopedToken(
        scopedTokenFromToken(first.id, project.id),
      ),
    );
    expect(res.httpStatusCode).toBe(201);
    expect(res['X-Subject-Token']).toMatch(/\S{16,}/);
    expect(res.token).toMatchObject({
      methods: ['token'],
      user: { id: t.iam_user.id },
      project: { id: project.id, name: project.name },
    });
  });

  it('validates a token with GET /v3/auth/tokens (X-Subject-Token) and honours nocatalog', async () => {
    const t = await emu().tenant();
    const issued = await tokenFor(emu().url, t, t.iam_user);
    const admin = v3As(emu().url, t, t.admin);
    const checked = wire(await admin.keystoneValidateToken(validateToken(issued.id)));
    expect(checked.httpStatusCode).toBe(200);
    expect(checked['X-Subject-Token']).toBe(issued.id);
    expect(checked.token).toEqual(issued.body.token);
    const bare = wire(await admin.keystoneValidateToken(validateToken(issued.id, true)));
    expect(bare.token).not.toHaveProperty('catalog');
    expect(bare.token.user.id).toBe(t.iam_user.id);

    // The emulator shows only the first 8 characters of a token it cannot find (docs/errors.md).
    const unknown = 'not-a-token-at-all-0000';
    await expectSdkError(
      admin.keystoneValidateToken(validateToken(unknown)),
      sdkView(keystoneNotFound('token', `${unknown.slice(0, 8)}...`)),
    );
    const other = await emu().tenant();
    await expectSdkError(
      v3As(emu().url, other, other.admin).keystoneValidateToken(validateToken(issued.id)),
      sdkView(keystoneNotFound('token', `${issued.id.slice(0, 8)}...`)),
    );
    await expectSdkError(
      v3As(emu().url, t, t.iam_user).keystoneValidateToken(
        validateToken((await tokenFor(emu().url, t, t.admin)).id),
      ),
      sdkView(KEYSTONE_FORBIDDEN),
    );
  });

  it('accepts a token as X-Auth-Token until it expires on the injected clock', async () => {
    const t = await emu().tenant();
    const { id } = await tokenFor(emu().url, t, t.iam_user);
    const call = () =>
      raw(emu().url, {
        method: 'GET',
        path: '/v3.0/OS-CREDENTIAL/credentials',
        headers: { 'X-Auth-Token': id },
      });
    const ok = await call();
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.credentials[0].user_id).toBe(t.iam_user.id);
    emu().clock.advance(DAY_MS / 1000 + 1);
    const expired = await call();
    expectHuaweiError(expired, TOKEN_MUST_BE_UPDATED.status, {
      ...TOKEN_MUST_BE_UPDATED.body,
      request_id: expired.requestId,
    });
    const bogus = await raw(emu().url, {
      method: 'GET',
      path: '/v3.0/OS-CREDENTIAL/credentials',
      headers: { 'X-Auth-Token': 'MIIbogus' },
    });
    expectApigwError(bogus, 401, APIGW_AUTH, apigwMsg.badToken);
  });
});
