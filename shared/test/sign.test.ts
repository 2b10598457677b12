import { describe, expect, test } from 'vitest';
import {
  EMPTY_BODY_SHA256,
  hexSha256,
  SigningError,
  signRequest,
  verifySignature,
} from '../src/index.js';
import { asReceived } from './helpers.js';
import { oracleSignature } from '../testing/index.js';

const CRED = { ak: 'EMUP0000000000000001', sk: 'Emu0000000000000000000000000000000000001' };
const DATE = new Date('2024-01-02T03:04:05Z');
const OPTS = { date: DATE };

async function expectOracleAgrees(signed: Awaited<ReturnType<typeof signRequest>>, body?: string) {
  const rec = asReceived(signed, body);
  const signedHeaders = signed.authorization.split('SignedHeaders=')[1]!.split(',')[0]!.split(';');
  expect(oracleSignature({ ...rec, signedHeaders }, CRED.sk)).toBe(signed.signature);
  expect((await verifySignature(rec, CRED.sk, { now: DATE })).ok).toBe(true);
}

describe('signRequest', () => {
  test('GET with a query needing encoding', async () => {
    const signed = await signRequest(
      {
        method: 'get',
        url: 'http://127.0.0.1:8080/v3/projects?name=%E5%8C%97%E4%BA%AC+1&z=&a=(x)',
      },
      CRED,
      OPTS,
    );
    expect(signed.method).toBe('GET');
    expect(signed.headers.host).toBe('127.0.0.1:8080');
    expect(signed.canonicalRequest.split('\n').slice(0, 3)).toEqual([
      'GET',
      '/v3/projects/',
      'a=%28x%29&name=%E5%8C%97%E4%BA%AC%2B1&z=',
    ]);
    await expectOracleAgrees(signed);
  });

  test('POST with a body hashes its exact bytes', async () => {
    const body = '{"credential":{"user_id":"u1","description":"é"}}';
    const signed = await signRequest(
      {
        method: 'POST',
        url: '/v3.0/OS-CREDENTIAL/credentials',
        headers: { 'Content-Type': 'application/json', host: 'localhost:1' },
        body,
      },
      CRED,
      OPTS,
    );
    expect(signed.canonicalRequest.endsWith('\n' + (await hexSha256(body)))).toBe(true);
    const asBytes = await signRequest(
      {
        method: 'POST',
        url: '/v3.0/OS-CREDENTIAL/credentials',
        headers: { 'Content-Type': 'application/json', host: 'localhost:1' },
        body: new TextEncoder().encode(body),
      },
      CRED,
      OPTS,
    );
    expect(asBytes.signature).toBe(signed.signature);
    await expectOracleAgrees(signed, body);
  });

  test('an empty body hashes to the empty-string SHA-256', async () => {
    const signed = await signRequest(
      { method: 'POST', url: '/v5/users/u/access-keys', headers: { host: 'h' }, body: '' },
      CRED,
      OPTS,
    );
    expect(signed.canonicalRequest.endsWith('\n' + EMPTY_BODY_SHA256)).toBe(true);
  });

  test('a temporary key adds and signs X-Security-Token', async () => {
    const signed = await signRequest(
      { method: 'GET', url: 'https://iam.myhuaweicloud.com/v3/auth/projects' },
      { ...CRED, securityToken: 'EMUSTStok' },
      OPTS,
    );
    expect(signed.headers['X-Security-Token']).toBe('EMUSTStok');
    expect(signed.authorization).toContain('SignedHeaders=host;x-sdk-date;x-security-token,');
    expect(signed.canonicalRequest).toContain('\nx-security-token:EMUSTStok\n');
    await expectOracleAgrees(signed);
  });

  test('a path with characters needing encoding', async () => {
    const signed = await signRequest(
      { method: 'GET', url: "https://h.example/v1/a b/é/x!y'z" },
      CRED,
      OPTS,
    );
    // WHATWG URL (what fetch sends) escapes space and é in a path; the canonical form also escapes ! and '
    expect(signed.url).toBe("https://h.example/v1/a%20b/%C3%A9/x!y'z");
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/v1/a%20b/%C3%A9/x%21y%27z/');
    await expectOracleAgrees(signed);
  });

  test('X-Sdk-Content-Sha256 is used literally instead of the body hash', async () => {
    const signed = await signRequest(
      {
        method: 'PUT',
        url: '/upload',
        headers: { host: 'h', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
        body: 'binary',
      },
      CRED,
      OPTS,
    );
    expect(signed.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
    const rec = asReceived(signed, 'a different body');
    expect((await verifySignature(rec, CRED.sk, { now: DATE })).ok).toBe(true);
  });

  test('an explicit host header wins over the URL host; a default port is dropped like fetch does', async () => {
    const a = await signRequest(
      {
        method: 'GET',
        url: 'https://iam.myhuaweicloud.com:443/v3/x',
        headers: { Host: 'proxy:9' },
      },
      CRED,
      OPTS,
    );
    expect(a.headers).toMatchObject({ host: 'proxy:9' });
    expect(a.headers).not.toHaveProperty('Host');
    const b = await signRequest(
      { method: 'GET', url: 'https://iam.myhuaweicloud.com:443/v3/x' },
      CRED,
      OPTS,
    );
    expect(b.headers.host).toBe('iam.myhuaweicloud.com');
  });

  test('a path-only URL without a host header signs no host', async () => {
    const signed = await signRequest({ method: 'GET', url: '/v3/x?b=1#frag' }, CRED, OPTS);
    expect(signed.url).toBe('/v3/x?b=1');
    expect(signed.authorization).toContain('SignedHeaders=x-sdk-date,');
  });

  test('signs every given header by default but never Authorization', async () => {
    const signed = await signRequest(
      {
        method: 'GET',
        url: 'http://h/x',
        headers: { Authorization: 'old', 'X-Domain-Id': 'd', 'Content-Type': 'application/json' },
      },
      CRED,
      OPTS,
    );
    expect(signed.authorization).toContain(
      'SignedHeaders=content-type;host;x-domain-id;x-sdk-date,',
    );
    expect(signed.headers.Authorization).toBe(signed.authorization);
    expect(Object.keys(signed.headers).filter((k) => k.toLowerCase() === 'authorization')).toEqual([
      'Authorization',
    ]);
  });

  test('opts.date wins over a given X-Sdk-Date header, which wins over now', async () => {
    const a = await signRequest(
      { method: 'GET', url: 'http://h/', headers: { 'x-sdk-date': '20000101T000000Z' } },
      CRED,
      OPTS,
    );
    expect(a.headers['X-Sdk-Date']).toBe('20240102T030405Z');
    expect(a.headers).not.toHaveProperty('x-sdk-date');
    const b = await signRequest(
      { method: 'GET', url: 'http://h/', headers: { 'x-sdk-date': '20000101T000000Z' } },
      CRED,
    );
    expect(b.headers['X-Sdk-Date']).toBe('20000101T000000Z');
  });

  test.each([
    ['invalid-url', { method: 'GET', url: 'relative/path' }, CRED, {}],
    ['invalid-credential', { method: 'GET', url: '/' }, { ak: '', sk: 'x' }, {}],
    ['invalid-credential', { method: 'GET', url: '/' }, { ak: 'A K', sk: 'x' }, {}],
    ['invalid-credential', { method: 'GET', url: '/' }, { ak: 'AK', sk: '' }, {}],
    [
      'duplicate-header',
      { method: 'GET', url: '/', headers: { 'X-A': '1', 'x-a': '2' } },
      CRED,
      {},
    ],
    [
      'signed-header-missing',
      { method: 'GET', url: '/' },
      CRED,
      { signedHeaders: ['x-sdk-date', 'x-domain-id'] },
    ],
  ] as const)('throws SigningError %s', async (code, req, cred, opts) => {
    const err = await signRequest(req, cred, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SigningError);
    expect((err as SigningError).code).toBe(code);
  });
});
