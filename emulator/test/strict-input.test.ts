/**
 * Strict input on the emulated Huawei API (issue "Every bad input gets a clear error and changes
 * nothing"): every route declares the query parameters it takes, so an unknown, repeated, empty
 * or malformed one is a 400 in the route's error shape with a hint (never a silent default); what
 * the official SDK sends is still accepted. And the v5 create call validates its body.
 */
import { describe, expect, it } from 'vitest';
import { useEmulator, type Emulator } from './support/emulator';
import { asAdmin, CREDENTIALS, snapshot } from './support/admin-snapshot';
import { raw, type RawCall, type RawResult } from './support/raw';

interface Expected {
  /** The error id the journal records. */
  id: string;
  status?: number;
  /** Keystone `error.code` or `error_code`. */
  code: string | number;
  /** The message names this parameter. */
  names: string;
}

/** `hinted`: the hint is also in the X-Iam-Testbed-Hint header and the journal (query errors). */
function expectRefused(
  emu: Emulator,
  res: RawResult,
  e: Expected,
  where: string,
  hinted = true,
): void {
  expect(res.status, `${where}: ${res.text}`).toBe(e.status ?? 400);
  const body = res.json as {
    error?: { code: number; message: string };
    error_code?: string;
    error_msg?: string;
    request_id?: string;
  };
  const code = body.error?.code ?? body.error_code;
  const message = body.error?.message ?? body.error_msg ?? '';
  expect(code, where).toBe(e.code);
  expect(message, where).toContain(e.names);
  if (body.error_code !== undefined && body.request_id !== undefined)
    expect(body.request_id, where).toBe(res.requestId);
  expect(emu.journal(res.requestId ?? '')?.error_id, where).toBe(e.id);
  if (hinted) {
    expect(emu.journal(res.requestId ?? '')?.hint, where).toMatch(/\S/);
    expect(res.headers['x-iam-testbed-hint'], where).toMatch(/\S/);
  }
}

describe('strict query parameters on the Huawei API', () => {
  const emu = useEmulator('memory');

  it('refuses unknown, repeated, empty and malformed parameters in the route family shape, and changes nothing', async () => {
    const t = await emu().tenant();
    const before = await snapshot(emu(), t);
    const ak = t.iam_user.access_key.access;
    const v5 = `/v5/users/${t.iam_user.id}/access-keys`;
    const policyPath = `/v3.0/OS-SECURITYPOLICY/domains/${t.domain.id}/protect-policy`;
    const unknownK = (names: string): Expected => ({
      id: 'KEYSTONE_QUERY_UNKNOWN',
      code: 400,
      names,
    });
    const invalidK = (names: string): Expected => ({ id: 'KEYSTONE_INVALID', code: 400, names });
    const cases: Array<[Omit<RawCall, 'sign'>, Expected]> = [
      [{ method: 'GET', path: `${CREDENTIALS}?user_id=` }, invalidK("'user_id'")],
      [{ method: 'GET', path: `${CREDENTIALS}?user_id` }, invalidK("'user_id'")],
      [
        { method: 'GET', path: `${CREDENTIALS}?user_id=${t.iam_user.id}&user_id=${t.admin.id}` },
        invalidK("'user_id'"),
      ],
      [{ method: 'GET', path: `${CREDENTIALS}?user_id=nothex` }, invalidK("'user_id'")],
      [{ method: 'GET', path: `${CREDENTIALS}?userid=${t.iam_user.id}` }, unknownK('userid')],
      [{ method: 'GET', path: `${CREDENTIALS}?user_id[]=${t.iam_user.id}` }, unknownK('user_id[]')],
      [
        {
          method: 'POST',
          path: `${CREDENTIALS}?dry_run=true`,
          body: { credential: { user_id: t.admin.id } },
        },
        unknownK('dry_run'),
      ],
      [
        {
          method: 'PUT',
          path: `${CREDENTIALS}/${ak}?x=1`,
          body: { credential: { status: 'inactive' } },
        },
        unknownK('x'),
      ],
      [{ method: 'DELETE', path: `${CREDENTIALS}/${ak}?force=true` }, unknownK('force')],
      [{ method: 'GET', path: '/v3/projects?enabled=yes' }, invalidK("'enabled'")],
      [{ method: 'GET', path: '/v3/projects?page=1&per_page=0' }, invalidK("'per_page'")],
      [{ method: 'GET', path: '/v3/projects?page=1&per_page=5001' }, invalidK("'per_page'")],
      [{ method: 'GET', path: '/v3/projects?name=' }, invalidK("'name'")],
      [{ method: 'GET', path: '/v3/projects?name=a&name=b' }, invalidK("'name'")],
      [{ method: 'GET', path: '/v3/projects?region=cn-north-4' }, unknownK('region')],
      [{ method: 'GET', path: '/v3/auth/projects?x=1' }, unknownK('x')],
      [{ method: 'GET', path: '/v3/auth/domains?x=1' }, unknownK('x')],
      [{ method: 'GET', path: '/v3/regions?x=1' }, unknownK('x')],
      [{ method: 'GET', path: `/v3/users/${t.iam_user.id}?x=1` }, unknownK('x')],
      [
        { method: 'GET', path: `/v3.0/OS-USER/users/${t.iam_user.id}?x=1` },
        { id: 'IAM_QUERY_UNKNOWN', code: 'IAM.0007', names: 'x' },
      ],
      [
        {
          method: 'PUT',
          path: `${policyPath}?x=1`,
          body: { protect_policy: { operation_protection: true } },
        },
        { id: 'IAM_QUERY_UNKNOWN', code: 'IAM.0007', names: 'x' },
      ],
      [
        { method: 'GET', path: `${policyPath}?x=` },
        { id: 'IAM_QUERY_UNKNOWN', code: 'IAM.0007', names: 'x' },
      ],
      [
        { method: 'GET', path: `${v5}?limit=0` },
        { id: 'V5_INVALID', code: 'IAM.0073', names: "'limit'" },
      ],
      [
        { method: 'GET', path: `${v5}?limit=abc` },
        { id: 'V5_INVALID', code: 'IAM.0073', names: "'limit'" },
      ],
      [
        { method: 'GET', path: `${v5}?marker=` },
        { id: 'V5_INVALID', code: 'IAM.0073', names: "'marker'" },
      ],
      [
        { method: 'GET', path: `${v5}?path_prefix=/` },
        { id: 'V5_QUERY_UNKNOWN', code: 'IAM.0007', names: 'path_prefix' },
      ],
      [
        { method: 'POST', path: `${v5}?x=1` },
        { id: 'V5_QUERY_UNKNOWN', code: 'IAM.0007', names: 'x' },
      ],
      [
        {
          method: 'POST',
          path: '/v3.0/OS-CREDENTIAL/securitytokens?x=1',
          body: { auth: { identity: { methods: ['token'] } } },
        },
        unknownK('x'),
      ],
    ];
    for (const [req, expected] of cases) {
      expectRefused(emu(), await asAdmin(emu(), t, req), expected, `${req.method} ${req.path}`);
    }
    expect(await snapshot(emu(), t)).toEqual(before);
  });

  it('refuses them on the unsigned token calls too, and issues no token', async () => {
    const t = await emu().tenant();
    const body = {
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: t.admin.name,
              password: t.admin.password,
              domain: { name: t.domain.name },
            },
          },
        },
      },
    };
    const empty = await raw(emu().url, {
      method: 'POST',
      path: '/v3/auth/tokens?nocatalog=',
      body,
    });
    expectRefused(
      emu(),
      empty,
      { id: 'KEYSTONE_INVALID', code: 400, names: "'nocatalog'" },
      'nocatalog=',
    );
    expect(empty.headers['x-subject-token']).toBeUndefined();
    const undecodable = await raw(emu().url, {
      method: 'POST',
      path: '/v3/auth/tokens?nocatalog=%E0%A4%A',
      body,
    });
    expectRefused(
      emu(),
      undecodable,
      { id: 'KEYSTONE_INVALID', code: 400, names: "'nocatalog'" },
      'nocatalog=%E0%A4%A',
    );
    const unknown = await raw(emu().url, {
      method: 'POST',
      path: '/v3/auth/tokens?catalog=false',
      body,
    });
    expectRefused(
      emu(),
      unknown,
      { id: 'KEYSTONE_QUERY_UNKNOWN', code: 400, names: 'catalog' },
      'catalog=false',
    );
  });

  it('checks authentication first: an unsigned call with a bad parameter is a 401', async () => {
    const res = await raw(emu().url, { method: 'GET', path: `${CREDENTIALS}?bogus=1` });
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('APIGW.0301');
  });

  it('accepts every parameter the official SDK sends', async () => {
    const t = await emu().tenant();
    const region = t.projects.find((p) => p.name === p.region);
    const ok: Array<Omit<RawCall, 'sign'>> = [
      { method: 'GET', path: `${CREDENTIALS}?user_id=${t.iam_user.id}` },
      {
        method: 'GET',
        path: `/v3/projects?domain_id=${t.domain.id}&name=${region?.name}&enabled=true&page=1&per_page=50`,
      },
      { method: 'GET', path: `/v3/projects?parent_id=${t.domain.id}&is_domain=false` },
      { method: 'GET', path: `/v5/users/${t.iam_user.id}/access-keys?limit=10` },
      {
        method: 'GET',
        path: `/v5/users/${t.iam_user.id}/access-keys?limit=1&marker=${t.iam_user.access_key.access}`,
      },
    ];
    for (const req of ok) {
      const res = await asAdmin(emu(), t, req);
      expect(res.status, `${req.path}: ${res.text}`).toBe(200);
    }
    const body = {
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: t.admin.name,
              password: t.admin.password,
              domain: { name: t.domain.name },
            },
          },
        },
      },
    };
    const issued = await raw(emu().url, {
      method: 'POST',
      path: '/v3/auth/tokens?nocatalog=true',
      body,
    });
    expect(issued.status, issued.text).toBe(201);
    expect(issued.json.token.catalog).toBeUndefined();
    const token = String(issued.headers['x-subject-token']);
    const validated = await raw(emu().url, {
      method: 'GET',
      path: '/v3/auth/tokens?nocatalog=1',
      headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
    });
    expect(validated.status, validated.text).toBe(200);
  });
});

describe('v5 create access key validates its body', () => {
  const emu = useEmulator('memory');

  it('refuses malformed JSON, non-objects and unknown fields, and creates nothing', async () => {
    const t = await emu().tenant();
    const path = `/v5/users/${t.iam_user.id}/access-keys`;
    const before = await snapshot(emu(), t);
    const bodyInvalid = {
      id: 'V5_BODY_INVALID',
      code: 'IAM.0011',
      names: 'Request body is invalid.',
    };
    const cases: Array<[RawCall['body'], Record<string, string> | undefined, Expected]> = [
      ['{', undefined, bodyInvalid],
      ['[]', undefined, bodyInvalid],
      ['"key"', undefined, bodyInvalid],
      ['null', undefined, bodyInvalid],
      ['7', undefined, bodyInvalid],
      ['status=active', { 'content-type': 'application/x-www-form-urlencoded' }, bodyInvalid],
      [
        { description: 'mine' },
        undefined,
        { id: 'V5_UNKNOWN_FIELD', code: 'IAM.0011', names: "Field 'description' is not allowed" },
      ],
      [
        { status: 'active' },
        undefined,
        { id: 'V5_UNKNOWN_FIELD', code: 'IAM.0011', names: "Field 'status' is not allowed" },
      ],
    ];
    for (const [body, headers, expected] of cases) {
      const res = await asAdmin(emu(), t, { method: 'POST', path, body, headers });
      expectRefused(emu(), res, expected, JSON.stringify(body), false);
    }
    expect(await snapshot(emu(), t)).toEqual(before);
  });

  it('accepts no body (what the SDK sends) and an empty object', async () => {
    const t = await emu().tenant();
    const path = `/v5/users/${t.iam_user.id}/access-keys`;
    for (const body of [undefined, '{}', ' {} ']) {
      const res = await asAdmin(emu(), t, { method: 'POST', path, body });
      expect(res.status, `${String(body)}: ${res.text}`).toBe(201);
      const created = res.json.access_key.access_key_id as string;
      expect(
        (await asAdmin(emu(), t, { method: 'DELETE', path: `${path}/${created}` })).status,
      ).toBe(204);
    }
  });
});
