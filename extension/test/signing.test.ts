// The shared library's own vectors (docs/reference/sdk-wire.md §7.4) and its independent node:crypto signer,
// reproduced here through the extension's path.
import {
  NODE_DATE,
  NODE_EXAMPLE_A,
  NODE_EXAMPLE_B,
  NODE_EXAMPLE_C,
  oracleSignature,
} from '@iam-testbed/shared/testing';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../lib/background/router';
import { putKey } from '../lib/keys/key-store';
import { signUserRequest, type UserRequest } from '../lib/signing/user-request';
import { receive, type Received } from './helpers/fake-iam';
import { POPUP, routerDeps } from './helpers/senders';

function asUserRequest(v: {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
}): UserRequest {
  return {
    method: v.request.method as UserRequest['method'],
    url: v.request.url,
    headers: Object.entries(v.request.headers),
    body: v.request.body ?? '',
  };
}

describe('signUserRequest reproduces the shared vectors', () => {
  it('C: a temporary key (X-Security-Token signed) and a query that needs encoding', async () => {
    const { ak, sk, securityToken } = NODE_EXAMPLE_C.cred;
    const signed = await signUserRequest(
      asUserRequest(NODE_EXAMPLE_C),
      { ak, sk, securityToken },
      NODE_DATE,
    );
    expect(signed.canonicalRequest).toBe(NODE_EXAMPLE_C.canonicalRequest);
    expect(signed.signature).toBe(NODE_EXAMPLE_C.signature);
    expect(signed.headers['X-Security-Token']).toBe(securityToken);
  });

  it.each([
    ['A: GET with a query', NODE_EXAMPLE_A],
    ['B: POST with a body', NODE_EXAMPLE_B],
  ])('%s', async (_, vector) => {
    const signed = await signUserRequest(asUserRequest(vector), vector.cred, NODE_DATE);
    expect(signed.canonicalRequest).toBe(vector.canonicalRequest);
    expect(signed.signature).toBe(vector.signature);
  });

  it('agrees with the independent signer on a request typed in the popup', async () => {
    const { ak, sk, securityToken } = NODE_EXAMPLE_C.cred;
    const req: UserRequest = {
      method: 'POST',
      url: 'http://127.0.0.1:8790/v3/projects?b=2&a=1',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Domain-Id', 'd'.repeat(32)],
      ],
      body: '{"project":{"name":"cn-north-4_dev"}}',
    };
    const signed = await signUserRequest(req, { ak, sk, securityToken }, NODE_DATE);
    const headers = Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const signedHeaders = ['content-type', 'host', 'x-domain-id', 'x-sdk-date', 'x-security-token'];
    expect(signed.authorization).toContain(`SignedHeaders=${signedHeaders.join(';')},`);
    const oracle = oracleSignature(
      {
        method: 'POST',
        path: '/v3/projects',
        rawQuery: 'b=2&a=1',
        headers,
        signedHeaders,
        body: new TextEncoder().encode(req.body),
      },
      sk,
    );
    expect(signed.signature).toBe(oracle);
  });

  it('replaces stale auth headers the user pasted instead of signing them', async () => {
    const req = asUserRequest(NODE_EXAMPLE_C);
    req.headers.push(
      ['authorization', 'SDK-HMAC-SHA256 Access=OLD, SignedHeaders=x-sdk-date, Signature=00'],
      ['X-Sdk-Date', '20000101T000000Z'],
      ['x-security-token', 'old'],
    );
    const { ak, sk, securityToken } = NODE_EXAMPLE_C.cred;
    const signed = await signUserRequest(req, { ak, sk, securityToken }, NODE_DATE);
    expect(signed.signature).toBe(NODE_EXAMPLE_C.signature);
  });

  it('refuses to sign for a plain-http host other than loopback: the same rule as IAM endpoints', async () => {
    const { ak, sk, securityToken } = NODE_EXAMPLE_C.cred;
    for (const url of [
      'http://example.com/v3/auth/projects',
      'http://10.0.0.5:8790/v3/auth/projects',
      'http://iam.myhuaweicloud.com/v3/auth/projects',
    ]) {
      const req: UserRequest = { method: 'GET', url, headers: [], body: '' };
      await expect(
        signUserRequest(req, { ak, sk, securityToken }, NODE_DATE),
      ).rejects.toMatchObject({
        code: 'ENDPOINT_NOT_ALLOWED',
        message: expect.stringContaining('https'),
      });
    }
    for (const url of [
      'http://127.0.0.1:8790/v3/auth/projects',
      'http://localhost:9/x',
      'https://iam.myhuaweicloud.com/v3/auth/projects',
    ]) {
      await expect(
        signUserRequest(
          { method: 'GET', url, headers: [], body: '' },
          { ak, sk, securityToken },
          NODE_DATE,
        ),
      ).resolves.toMatchObject({ url });
    }
  });

  it('refuses a GET with a body and a header given twice, saying how to fix it', async () => {
    const cred = NODE_EXAMPLE_A.cred;
    await expect(
      signUserRequest({ ...asUserRequest(NODE_EXAMPLE_A), body: '{}' }, cred, NODE_DATE),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const twice: UserRequest = {
      ...asUserRequest(NODE_EXAMPLE_A),
      headers: [
        ['X-Domain-Id', 'a'],
        ['x-domain-id', 'b'],
      ],
    };
    await expect(signUserRequest(twice, cred, NODE_DATE)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('twice'),
    });
  });
});

describe('the sign message: sign with a held key, optionally send', () => {
  const NOW = Date.UTC(2030, 0, 2, 3, 4, 5);
  const KEY = {
    access: 'EMUTHELDKEY000000001',
    secret: 'EmuHeldSecret000000000000000000000000001',
    securityToken: 'EMUSTS' + 'h'.repeat(60),
    expiresAt: NOW + 3_600_000,
    obtainedAt: NOW,
    expiryKnown: true,
    source: 'minted' as const,
  };
  const server = setupServer();
  const log: Received[] = [];
  const deps = routerDeps(NOW);
  const projects = (
    send: boolean,
    headers: Array<[string, string]> = [['Content-Type', 'application/json']],
  ) => ({
    type: 'sign',
    access: KEY.access,
    send,
    request: { method: 'GET', url: 'http://127.0.0.1:4566/v3/auth/projects', headers, body: '' },
  });

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  afterEach(() => {
    server.resetHandlers();
    log.length = 0;
  });
  beforeEach(async () => {
    fakeBrowser.reset();
    await putKey(KEY, NOW);
  });

  it('returns canonical request, string to sign and headers without sending', async () => {
    const res = await handleMessage(projects(false), POPUP, deps);
    expect(res).toMatchObject({
      ok: true,
      method: 'GET',
      url: 'http://127.0.0.1:4566/v3/auth/projects',
    });
    if (!res.ok || !('canonicalRequest' in res)) throw new Error('expected a sign result');
    expect(res.canonicalRequest.split('\n').slice(0, 3)).toEqual(['GET', '/v3/auth/projects/', '']);
    expect(res.stringToSign.startsWith('SDK-HMAC-SHA256\n20300102T030405Z\n')).toBe(true);
    expect(new Map(res.headers).get('X-Security-Token')).toBe(KEY.securityToken);
    expect(res.response).toBeUndefined();
  });

  it('sends it: the server verifies the signature, and the response comes back whole', async () => {
    server.use(
      http.get('http://127.0.0.1:4566/v3/auth/projects', async ({ request }) => {
        log.push(await receive(request, { [KEY.access]: KEY.secret }, new Date(NOW)));
        return HttpResponse.json(
          { projects: [{ id: '1'.repeat(32), name: 'cn-north-4' }] },
          { headers: { 'X-Request-Id': 'r1' } },
        );
      }),
    );
    const res = await handleMessage(projects(true), POPUP, deps);
    expect(log[0]?.verification).toMatchObject({
      ok: true,
      signedHeaders: ['content-type', 'host', 'x-sdk-date', 'x-security-token'],
    });
    expect(res).toMatchObject({ ok: true, response: { status: 200, truncated: false } });
    if (!res.ok || !('response' in res) || !res.response) throw new Error('expected a response');
    expect(JSON.parse(res.response.body)).toEqual({
      projects: [{ id: '1'.repeat(32), name: 'cn-north-4' }],
    });
    expect(new Map(res.response.headers).get('x-request-id')).toBe('r1');
  });

  it('drops the key when the server says its security token has expired', async () => {
    server.use(
      http.get('http://127.0.0.1:4566/v3/auth/projects', () =>
        HttpResponse.json(
          { error_code: 'IAM.1108', error_msg: 'The securitytoken has expired.' },
          { status: 400 },
        ),
      ),
    );
    const res = await handleMessage(projects(true), POPUP, deps);
    expect(res).toMatchObject({ ok: true, keyExpired: true, response: { status: 400 } });
    expect(await handleMessage({ type: 'keys/list' }, POPUP, deps)).toEqual({ ok: true, keys: [] });
    expect(await handleMessage(projects(false), POPUP, deps)).toMatchObject({
      ok: false,
      error: { code: 'KEY_NOT_FOUND' },
    });
  });

  it('never sends a held key to a plain-http host that is not loopback', async () => {
    let calls = 0;
    const guarded = routerDeps(NOW, { fetch: async () => (calls++, new Response('{}')) });
    const message = {
      ...projects(true),
      request: { ...projects(true).request, url: 'http://example.com/v3/auth/projects' },
    };
    expect(await handleMessage(message, POPUP, guarded)).toMatchObject({
      ok: false,
      error: { code: 'ENDPOINT_NOT_ALLOWED' },
    });
    expect(calls).toBe(0);
  });

  it('keeps the key on other errors, and refuses to follow redirects', async () => {
    server.use(
      http.get('http://127.0.0.1:4566/v3/auth/projects', () =>
        HttpResponse.json(
          { error_code: 'IAM.0002', error_msg: 'You are not authorized' },
          { status: 403 },
        ),
      ),
    );
    expect(await handleMessage(projects(true), POPUP, deps)).toMatchObject({
      ok: true,
      response: { status: 403 },
    });
    expect(await handleMessage({ type: 'keys/list' }, POPUP, deps)).toMatchObject({
      keys: [{ access: KEY.access }],
    });

    server.resetHandlers(
      http.get(
        'http://127.0.0.1:4566/v3/auth/projects',
        () => new HttpResponse(null, { status: 302, headers: { Location: '/elsewhere' } }),
      ),
    );
    expect(await handleMessage(projects(true), POPUP, deps)).toMatchObject({
      ok: false,
      error: { code: 'REDIRECT_REFUSED' },
    });
  });
});
