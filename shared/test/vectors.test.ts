import { describe, expect, test } from 'vitest';
import { hexSha256, signRequest, verifySignature, type SignedRequest } from '../src/index.js';
import {
  GO_CRED,
  GO_DATE,
  GO_VECTOR_1,
  GO_VECTOR_2,
  NODE_DATE,
  NODE_EXAMPLE_A,
  NODE_EXAMPLE_B,
  NODE_EXAMPLE_C,
} from '../testing/index.js';

const UTF8 = new TextEncoder();

/** Turns a signed request into what a Node server would see. */
function received(signed: SignedRequest, body?: string) {
  const u = new URL(signed.url, 'http://placeholder.invalid');
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return {
    method: signed.method,
    path: u.pathname,
    rawQuery: u.search.slice(1),
    headers,
    body: UTF8.encode(body ?? ''),
  };
}

describe('Go SDK vectors (docs/reference/huawei-iam-api.md §8.3)', () => {
  test('vector 1: GET with a query, only x-sdk-date signed', async () => {
    const signed = await signRequest(GO_VECTOR_1.request, GO_CRED, {
      date: GO_DATE,
      signedHeaders: ['x-sdk-date'],
    });
    expect(signed.canonicalRequest).toBe(GO_VECTOR_1.canonicalRequest);
    expect(signed.authorization).toBe(GO_VECTOR_1.authorization);
    expect(signed.headers['Authorization']).toBe(GO_VECTOR_1.authorization);
    expect(signed.headers['X-Sdk-Date']).toBe('20060102T150405Z');
  });

  test('vector 1 with the date given as a header instead of an option', async () => {
    const signed = await signRequest(
      { ...GO_VECTOR_1.request, headers: { 'X-Sdk-Date': '20060102T150405Z' } },
      GO_CRED,
      { signedHeaders: ['x-sdk-date'] },
    );
    expect(signed.authorization).toBe(GO_VECTOR_1.authorization);
  });

  test('vector 2: POST whose body ends in a newline that is hashed', async () => {
    const signed = await signRequest(GO_VECTOR_2.request, GO_CRED, {
      date: GO_DATE,
      signedHeaders: ['x-sdk-date'],
    });
    expect(signed.signature).toBe(GO_VECTOR_2.signature);
    expect(signed.canonicalRequest.split('\n').slice(0, 3)).toEqual([
      'POST',
      '/path/',
      'key=value',
    ]);
  });

  test('both Go vectors verify', async () => {
    const s1 = await signRequest(GO_VECTOR_1.request, GO_CRED, {
      date: GO_DATE,
      signedHeaders: ['x-sdk-date'],
    });
    const s2 = await signRequest(GO_VECTOR_2.request, GO_CRED, {
      date: GO_DATE,
      signedHeaders: ['x-sdk-date'],
    });
    const r1 = await verifySignature(received(s1), GO_CRED.sk, { now: GO_DATE });
    const r2 = await verifySignature(received(s2, GO_VECTOR_2.request.body), GO_CRED.sk, {
      now: GO_DATE,
    });
    expect(r1).toMatchObject({
      ok: true,
      access: 'AccessKey',
      canonicalRequest: GO_VECTOR_1.canonicalRequest,
    });
    expect(r2.ok).toBe(true);
  });
});

describe('Node SDK worked examples (docs/reference/sdk-wire.md §7.4)', () => {
  test('A: GET with a query, no body', async () => {
    const signed = await signRequest(NODE_EXAMPLE_A.request, NODE_EXAMPLE_A.cred, {
      date: NODE_DATE,
    });
    expect(signed.canonicalRequest).toBe(NODE_EXAMPLE_A.canonicalRequest);
    expect(await hexSha256(signed.canonicalRequest)).toBe(NODE_EXAMPLE_A.canonicalRequestSha256);
    expect(signed.stringToSign).toBe(NODE_EXAMPLE_A.stringToSign);
    expect(signed.signature).toBe(NODE_EXAMPLE_A.signature);
    expect(signed.authorization).toBe(NODE_EXAMPLE_A.authorization);
    expect(signed.headers).toEqual({
      'Content-Type': 'application/json',
      'X-Domain-Id': '0123456789abcdef0123456789abcdef',
      'X-Sdk-Date': '20240102T030405Z',
      host: 'iam.myhuaweicloud.com',
      Authorization: NODE_EXAMPLE_A.authorization,
    });
  });

  test('B: POST with a JSON body', async () => {
    const signed = await signRequest(NODE_EXAMPLE_B.request, NODE_EXAMPLE_B.cred, {
      date: NODE_DATE,
    });
    expect(await hexSha256(NODE_EXAMPLE_B.request.body)).toBe(NODE_EXAMPLE_B.bodySha256);
    expect(signed.canonicalRequest).toBe(NODE_EXAMPLE_B.canonicalRequest);
    expect(await hexSha256(signed.canonicalRequest)).toBe(NODE_EXAMPLE_B.canonicalRequestSha256);
    expect(signed.signature).toBe(NODE_EXAMPLE_B.signature);
  });

  test('C: temporary key, query needing encoding', async () => {
    const signed = await signRequest(NODE_EXAMPLE_C.request, NODE_EXAMPLE_C.cred, {
      date: NODE_DATE,
    });
    expect(signed.canonicalRequest).toBe(NODE_EXAMPLE_C.canonicalRequest);
    expect(await hexSha256(signed.canonicalRequest)).toBe(NODE_EXAMPLE_C.canonicalRequestSha256);
    expect(signed.signature).toBe(NODE_EXAMPLE_C.signature);
    expect(signed.headers['X-Security-Token']).toBe(NODE_EXAMPLE_C.cred.securityToken);
  });

  test.each([
    ['A', NODE_EXAMPLE_A],
    ['B', NODE_EXAMPLE_B],
    ['C', NODE_EXAMPLE_C],
  ] as const)('%s verifies from the signed request', async (_name, example) => {
    const signed = await signRequest(example.request, example.cred, { date: NODE_DATE });
    const body = 'body' in example.request ? example.request.body : undefined;
    const result = await verifySignature(received(signed, body), example.cred.sk, {
      now: NODE_DATE,
    });
    expect(result).toMatchObject({
      ok: true,
      access: example.cred.ak,
      canonicalRequest: example.canonicalRequest,
    });
  });

  test("C verifies from the exact wire form the Node SDK sent (unsorted, raw !*'())", async () => {
    const c = NODE_EXAMPLE_C;
    const authorization = `SDK-HMAC-SHA256 Access=${c.cred.ak}, SignedHeaders=content-type;host;x-domain-id;x-sdk-date;x-security-token, Signature=${c.signature}`;
    const result = await verifySignature(
      {
        method: 'GET',
        path: c.wirePath,
        rawQuery: c.wireQuery,
        headers: {
          'content-type': 'application/json',
          host: 'iam.myhuaweicloud.com',
          'x-domain-id': '0123456789abcdef0123456789abcdef',
          'x-sdk-date': '20240102T030405Z',
          'x-security-token': c.cred.securityToken,
          authorization,
          'user-agent': 'huaweicloud-usdk-nodejs/3.0',
        },
        body: new Uint8Array(),
      },
      c.cred.sk,
      { now: NODE_DATE },
    );
    expect(result).toMatchObject({ ok: true, canonicalRequest: c.canonicalRequest });
  });
});
