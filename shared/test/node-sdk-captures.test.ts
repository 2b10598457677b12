/**
 * Requests the official Node SDK (@huaweicloud/huaweicloud-sdk-core 3.1.211) really signed, captured
 * on the wire by the probe (docs/reference/sdk-wire.md; regenerate with fixtures/extract-node-sdk-captures.mjs).
 * Our verifier must accept every one the probe's independent verifier accepted, and reject the two
 * it rejected (trailing-slash endpoint, request re-sent after a 302).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseAuthorization, parseSdkDate, verifySignature } from '../src/index.js';

interface Capture {
  title: string;
  method: string;
  path: string;
  rawQuery: string;
  headers: Record<string, string>;
  body: string;
  probeVerdict: 'VERIFIED' | 'MISMATCH';
  needsNodeSdkPathRule?: boolean;
}

const captures: Capture[] = JSON.parse(
  readFileSync(new URL('./fixtures/node-sdk-captures.json', import.meta.url), 'utf8'),
);
const SECRETS: Record<string, string> = {
  HPUAPROBEAK0000000001: 'probeSecretKey0000000000000000000000000001',
  HSTAPROBETMPAK000001: 'probeTempSecretKey00000000000000000000002',
};

test('the fixture holds the captured corpus', () => {
  expect(captures.length).toBe(64);
  expect(captures.filter((c) => c.headers['x-security-token']).length).toBeGreaterThan(10);
  expect(captures.filter((c) => c.body !== '').length).toBeGreaterThan(10);
});

test.each(captures.map((c, i) => [`${i} ${c.title}`, c] as const))('%s', async (_name, capture) => {
  const auth = parseAuthorization(capture.headers.authorization);
  if (!auth.ok) throw new Error(auth.failure.message);
  const req = { ...capture, body: new TextEncoder().encode(capture.body) };
  const now = parseSdkDate(capture.headers['x-sdk-date']!)!;
  const rule = capture.needsNodeSdkPathRule ? 'node-sdk' : 'rfc3986';
  const result = await verifySignature(req, SECRETS[auth.access]!, { now, uriRule: rule });
  expect(result.ok ? 'VERIFIED' : 'MISMATCH').toBe(capture.probeVerdict);
  if (!result.ok) expect(result.failure.reason).toBe('signature-mismatch');
  if (capture.probeVerdict === 'VERIFIED' && !capture.needsNodeSdkPathRule) {
    // plain IDs canonicalise the same under both path rules
    expect(
      (await verifySignature(req, SECRETS[auth.access]!, { now, uriRule: 'node-sdk' })).ok,
    ).toBe(true);
  }
  if (capture.needsNodeSdkPathRule) {
    // the simple rule cannot reproduce these exotic path parameters (docs/reference/sdk-wire.md §7.3(4))
    expect((await verifySignature(req, SECRETS[auth.access]!, { now })).ok).toBe(false);
  }
});
