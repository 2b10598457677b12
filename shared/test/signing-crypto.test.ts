/**
 * An injected SigningCrypto (here a synchronous one over node:crypto, as the emulator injects) is
 * what signing and verification use, and gives the same signatures as the WebCrypto default.
 */
import { createHash, createHmac } from 'node:crypto';
import { expect, test } from 'vitest';
import {
  signRequest,
  verifySignature,
  WEB_SIGNING_CRYPTO,
  type SigningCrypto,
  type SignedRequest,
} from '../src/index.js';
import { GO_CRED, GO_DATE, GO_VECTOR_2, NODE_DATE, NODE_EXAMPLE_B } from '../testing/index.js';

const UTF8 = new TextEncoder();

function countingNodeCrypto(): SigningCrypto & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    sha256Hex: (data) => (calls.push('sha256'), createHash('sha256').update(data).digest('hex')),
    hmacSha256Hex: (key, data) => (
      calls.push('hmac'),
      createHmac('sha256', key).update(data).digest('hex')
    ),
  };
}

function received(signed: SignedRequest, body: string) {
  const u = new URL(signed.url, 'http://placeholder.invalid');
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return {
    method: signed.method,
    path: u.pathname,
    rawQuery: u.search.slice(1),
    headers,
    body: UTF8.encode(body),
  };
}

test('signing with an injected implementation reproduces the published vectors and uses it', async () => {
  const crypto = countingNodeCrypto();
  const go = await signRequest(GO_VECTOR_2.request, GO_CRED, {
    date: GO_DATE,
    signedHeaders: ['x-sdk-date'],
    crypto,
  });
  expect(go.signature).toBe(GO_VECTOR_2.signature);
  const node = await signRequest(NODE_EXAMPLE_B.request, NODE_EXAMPLE_B.cred, {
    date: NODE_DATE,
    crypto,
  });
  expect(node.signature).toBe(NODE_EXAMPLE_B.signature);
  expect(crypto.calls).toEqual(['sha256', 'sha256', 'hmac', 'sha256', 'sha256', 'hmac']);
});

test('verification with an injected implementation accepts a good signature and rejects a tampered body', async () => {
  const signed = await signRequest(NODE_EXAMPLE_B.request, NODE_EXAMPLE_B.cred, {
    date: NODE_DATE,
    crypto: WEB_SIGNING_CRYPTO,
  });
  const crypto = countingNodeCrypto();
  const good = await verifySignature(
    received(signed, NODE_EXAMPLE_B.request.body),
    NODE_EXAMPLE_B.cred.sk,
    { now: NODE_DATE, crypto },
  );
  expect(good.ok).toBe(true);
  expect(crypto.calls).toEqual(['sha256', 'sha256', 'hmac']);
  const bad = await verifySignature(
    received(signed, `${NODE_EXAMPLE_B.request.body} `),
    NODE_EXAMPLE_B.cred.sk,
    { now: NODE_DATE, crypto },
  );
  expect(bad).toMatchObject({ ok: false, failure: { reason: 'signature-mismatch' } });
});
