/**
 * Bad input over raw HTTP (issue 4 "Bad input"): malformed JSON, wrong types, missing and unknown
 * fields, bodies over 12 MB, bad IDs in paths and unsupported methods each get a clear 4xx in
 * Huawei's shape, and none of them changes anything.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { STORE_MODES, useEmulator } from './support/emulator';
import { expectApigwError, expectClear4xx, expectHuaweiError } from './support/http-expect';
import { asAdmin, CREDENTIALS, snapshot } from './support/admin-snapshot';
import { raw } from './support/raw';

const keystone400 = (message: RegExp) => ({
  error: { code: 400, message: expect.stringMatching(message), title: 'Bad Request' },
});

describe.each(STORE_MODES)('bad input [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('answers malformed JSON, wrong types, missing and unknown fields with Keystone 400s and creates nothing', async () => {
    const t = await emu().tenant();
    const before = await snapshot(emu(), t);
    const post = (body: string | object) =>
      asAdmin(emu(), t, { method: 'POST', path: CREDENTIALS, body });
    expectHuaweiError(await post('{"credential":'), 400, keystone400(/^Request body is invalid\./));
    expectHuaweiError(await post('[]'), 400, keystone400(/\S/));
    expectHuaweiError(
      await post({ credential: { user_id: 123 } }),
      400,
      keystone400(/^Invalid input for field '(credential\.)?user_id'\. The value is '123'\./),
    );
    expectHuaweiError(
      await post({ credential: {} }),
      400,
      keystone400(/^'(credential\.)?user_id' is a required property\./),
    );
    expectHuaweiError(await post({}), 400, keystone400(/^'credential' is a required property\./));
    expectHuaweiError(
      await post({ credential: { user_id: t.iam_user.id, colour: 'red' } }),
      400,
      keystone400(/^Additional properties are not allowed \('colour' was unexpected\)/),
    );
    expectHuaweiError(
      await post({ credential: { user_id: t.iam_user.id, description: 7 } }),
      400,
      keystone400(/'(credential\.)?description'/),
    );
    expect(await snapshot(emu(), t)).toEqual(before);
  });

  it('refuses bad updates and bad temporary-key requests the same way', async () => {
    const t = await emu().tenant();
    const before = await snapshot(emu(), t);
    const ak = t.iam_user.access_key.access;
    const put = (body: object) =>
      asAdmin(emu(), t, { method: 'PUT', path: `${CREDENTIALS}/${ak}`, body });
    expectHuaweiError(
      await put({ credential: { status: 'paused' } }),
      400,
      keystone400(/^Invalid input for field '(credential\.)?status'\. The value is 'paused'\./),
    );
    expectClear4xx(await put({ credential: {} }), 400);
    expectClear4xx(await put({ credential: { status: true } }), 400);
    const sts = (body: object) =>
      asAdmin(emu(), t, { method: 'POST', path: '/v3.0/OS-CREDENTIAL/securitytokens', body });
    expectClear4xx(await sts({ auth: { identity: { methods: ['password'] } } }), 400);
    expectClear4xx(
      await sts({ auth: { identity: { methods: ['token'], token: { duration_seconds: '900' } } } }),
      400,
    );
    expectClear4xx(await sts({ auth: {} }), 400);
    expect(await snapshot(emu(), t)).toEqual(before);
  });

  it('answers a body over 12 MB with 413 APIGW.0201', async () => {
    const t = await emu().tenant();
    const before = await snapshot(emu(), t);
    const huge = JSON.stringify({
      credential: { user_id: t.iam_user.id, description: 'x'.repeat(13 * 1024 * 1024) },
    });
    const res = await asAdmin(emu(), t, { method: 'POST', path: CREDENTIALS, body: huge });
    expectApigwError(res, 413, 'APIGW.0201', 'Request entity too large.');
    // The size check comes first, even before authentication and routing.
    const unsigned = await raw(emu().url, { method: 'PUT', path: '/anything', body: huge });
    expectApigwError(unsigned, 413, 'APIGW.0201', 'Request entity too large.');
    expect(await snapshot(emu(), t)).toEqual(before);
  });

  it('refuses a compressed body with 415 instead of inflating it before the signature check', async () => {
    const t = await emu().tenant();
    const before = await snapshot(emu(), t);
    // Signed over the gzip bytes as sent: a server that inflated first would hash other bytes.
    const body = gzipSync(JSON.stringify({ credential: { user_id: t.iam_user.id } }));
    const res = await asAdmin(emu(), t, {
      method: 'POST',
      path: CREDENTIALS,
      body,
      headers: { 'Content-Encoding': 'gzip' },
    });
    expectApigwError(
      res,
      415,
      'IAMTB.0415',
      'Content-Encoding gzip is not supported: send the body uncompressed.',
    );
    expect(res.headers['x-iam-testbed-hint']).toMatch(/exact bytes/);
    expect(await snapshot(emu(), t)).toEqual(before);
  });

  it('answers malformed IDs in paths with a 400 naming the parameter, and unknown ones with a 404', async () => {
    const t = await emu().tenant();
    const before = await snapshot(emu(), t);
    // Malformed path IDs are 400s that name the parameter (docs/deviations.md "HTTP surface").
    const invalid = (key: string) =>
      new RegExp(`^Invalid input for field '${key}'\\. The value is '.*'\\. Expected `);
    const keystone = (key: string) => keystone400(invalid(key));
    const flat = (code: string, key: string) => ({
      error_code: code,
      error_msg: expect.stringMatching(invalid(key)),
    });
    const malformed: Array<[string, string, object]> = [
      ['GET', `${CREDENTIALS}/not-an-access-key`, keystone('access_key')],
      ['DELETE', `${CREDENTIALS}/%00%00`, keystone('access_key')],
      ['GET', '/v3/users/123', keystone('user_id')],
      ['GET', '/v3.0/OS-SECURITYPOLICY/domains/xyz/protect-policy', flat('IAM.0073', 'domain_id')],
      ['GET', '/v3.0/OS-USER/users/%20', flat('IAM.0073', 'user_id')],
      [
        'GET',
        '/v5/users/not-a-user/access-keys',
        { ...flat('IAM.0073', 'user_id'), request_id: expect.any(String) },
      ],
      [
        'GET',
        `/v5/users/${t.iam_user.id}/access-keys/bad!key/last-used`,
        { ...flat('IAM.0073', 'access_key'), request_id: expect.any(String) },
      ],
    ];
    for (const [method, path, body] of malformed) {
      expectHuaweiError(await asAdmin(emu(), t, { method, path }), 400, body);
    }
    const unknown = 'Z'.repeat(20);
    const put = await asAdmin(emu(), t, {
      method: 'PUT',
      path: `${CREDENTIALS}/${unknown}`,
      body: { credential: { status: 'inactive' } },
    });
    expectHuaweiError(put, 404, {
      error: { code: 404, message: `Could not find credential: ${unknown}.`, title: 'Not Found' },
    });
    expect(await snapshot(emu(), t)).toEqual(before);
  });

  it('answers unsupported methods and unknown paths with APIGW.0101, changing nothing', async () => {
    const t = await emu().tenant();
    const before = await snapshot(emu(), t);
    for (const [method, path] of [
      ['PATCH', CREDENTIALS],
      ['DELETE', CREDENTIALS],
      ['POST', `${CREDENTIALS}/${t.iam_user.access_key.access}`],
    ] as const) {
      const res = await asAdmin(emu(), t, { method, path });
      expectApigwError(
        res,
        405,
        'APIGW.0101',
        /^The API does not exist or has not been published in the environment\./,
      );
      expect(res.headers['allow']).toEqual(expect.any(String));
    }
    const unknown = await asAdmin(emu(), t, { method: 'GET', path: '/v3/no-such-api' });
    expectApigwError(
      unknown,
      404,
      'APIGW.0101',
      'The API does not exist or has not been published in the environment.',
    );
    // Routing comes before authentication (docs/errors.md "Order of checks").
    const unsigned = await raw(emu().url, { method: 'GET', path: '/v3/no-such-api' });
    expectApigwError(
      unsigned,
      404,
      'APIGW.0101',
      'The API does not exist or has not been published in the environment.',
    );
    expect(await snapshot(emu(), t)).toEqual(before);
  });
});
