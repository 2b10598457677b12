import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mintTemporaryKey, type MintRequest } from '../lib/keys/mint';
import { ExtensionError } from '../lib/messages/errors';
import { PERMANENT, securityTokensHandler, TEMPORARY, type Received } from './helpers/fake-iam';

const EMULATOR = 'http://127.0.0.1:4566';
const NOW = Date.UTC(2030, 0, 2, 3, 4, 5);
const server = setupServer();
const deps = {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  now: () => NOW,
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function request(
  auth: MintRequest['auth'],
  endpoint = EMULATOR,
  durationSeconds = 3600,
): MintRequest {
  return { endpoint, durationSeconds, auth };
}

async function rejection(p: Promise<unknown>): Promise<ExtensionError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtensionError);
  return err as ExtensionError;
}

describe('mintTemporaryKey with a permanent AK/SK', () => {
  it('sends a correctly signed POST /v3.0/OS-CREDENTIAL/securitytokens and holds the key it gets', async () => {
    const log: Received[] = [];
    server.use(
      securityTokensHandler(EMULATOR, log, {
        expiresAt: '2030-01-02T04:04:05.000000Z',
        now: new Date(NOW),
      }),
    );
    const key = await mintTemporaryKey(
      request({
        kind: 'aksk',
        ak: PERMANENT.ak,
        sk: PERMANENT.sk,
        domainId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      }),
      deps,
    );

    const [sent] = log;
    expect(sent?.verification).toMatchObject({
      ok: true,
      access: PERMANENT.ak,
      signedHeaders: ['content-type', 'host', 'x-domain-id', 'x-sdk-date'],
    });
    expect(sent?.headers['x-sdk-date']).toBe('20300102T030405Z');
    expect(sent?.headers['x-auth-token']).toBeUndefined();
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      auth: { identity: { methods: ['token'], token: { duration_seconds: 3600 } } },
    });
    expect(key).toEqual({
      access: TEMPORARY.access,
      secret: TEMPORARY.secret,
      securityToken: TEMPORARY.securitytoken,
      expiresAt: Date.UTC(2030, 0, 2, 4, 4, 5),
      obtainedAt: NOW,
      expiryKnown: true,
      source: 'minted',
      endpoint: EMULATOR,
    });
  });

  it('a wrong secret key fails the signature check and surfaces IAM’s code without the secret', async () => {
    server.use(
      securityTokensHandler(EMULATOR, [], {
        expiresAt: '2030-01-02T04:04:05Z',
        now: new Date(NOW),
      }),
    );
    const err = await rejection(
      mintTemporaryKey(
        request({
          kind: 'aksk',
          ak: PERMANENT.ak,
          sk: 'EmuWrongSecret000000000000000000000000001',
        }),
        deps,
      ),
    );
    expect(err.code).toBe('IAM_REJECTED');
    expect(err.message).toContain('401 APIGW.0301');
    expect(err.message).not.toContain('EmuWrongSecret');
  });

  it('keeps the remaining lifetime the server means when its clock differs from ours', async () => {
    // The emulator's clock was advanced by a day: its Date header and expires_at are a day ahead.
    server.use(
      securityTokensHandler(EMULATOR, [], {
        expiresAt: '2030-01-03T03:19:05Z',
        serverDate: 'Thu, 03 Jan 2030 03:04:05 GMT',
        now: new Date(NOW),
      }),
    );
    const key = await mintTemporaryKey(request({ kind: 'aksk', ...PERMANENT }), deps);
    expect(key.expiresAt).toBe(NOW + 15 * 60_000);
  });
});

describe('mintTemporaryKey with a token, and its refusals', () => {
  it('sends X-Auth-Token and no signature', async () => {
    const log: Received[] = [];
    server.use(
      securityTokensHandler('https://iam.myhuaweicloud.com', log, {
        expiresAt: '2030-01-02T03:19:05Z',
      }),
    );
    const key = await mintTemporaryKey(
      request({ kind: 'token', token: 'MIIUserToken' }, 'https://iam.myhuaweicloud.com/', 900),
      deps,
    );
    expect(log[0]?.headers.authorization).toBeUndefined();
    expect(log[0]?.url.pathname).toBe('/v3.0/OS-CREDENTIAL/securitytokens');
    expect(key.endpoint).toBe('https://iam.myhuaweicloud.com');
  });

  it.each([899, 86_401, 1000.5])('refuses a duration of %s seconds', async (seconds) => {
    const err = await rejection(
      mintTemporaryKey(request({ kind: 'token', token: 'x' }, EMULATOR, seconds), deps),
    );
    expect(err.code).toBe('INVALID_INPUT');
  });

  it.each([
    'http://iam.example.com',
    'ftp://127.0.0.1',
    'not a url',
    'https://user:pw@iam.myhuaweicloud.com',
  ])('refuses the endpoint %s', async (endpoint) => {
    const err = await rejection(
      mintTemporaryKey(request({ kind: 'aksk', ...PERMANENT }, endpoint), deps),
    );
    expect(err.code).toBe('ENDPOINT_NOT_ALLOWED');
  });

  it('rejects a 201 whose credential has the wrong shape', async () => {
    server.use(
      http.post(`${EMULATOR}/v3.0/OS-CREDENTIAL/securitytokens`, () =>
        HttpResponse.json(
          { credential: { access: 'x', secret: 'y', securitytoken: 'z', expires_at: 'soon' } },
          { status: 201 },
        ),
      ),
    );
    const err = await rejection(mintTemporaryKey(request({ kind: 'token', token: 'x' }), deps));
    expect(err.code).toBe('BAD_RESPONSE');
  });

  it('says which host it could not reach', async () => {
    server.use(
      http.post(`${EMULATOR}/v3.0/OS-CREDENTIAL/securitytokens`, () => HttpResponse.error()),
    );
    const err = await rejection(mintTemporaryKey(request({ kind: 'token', token: 'x' }), deps));
    expect(err).toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('http://127.0.0.1:4566'),
    });
  });
});
