import { expect, test } from 'vitest';
import {
  formatAuthorization,
  parseAuthorization,
  type SignatureFailureReason,
} from '../src/index.js';

const SIG = '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624';
const GOOD = `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=${SIG}`;

test('parses a well-formed header', () => {
  expect(parseAuthorization(GOOD)).toEqual({
    ok: true,
    access: 'AccessKey',
    signedHeaders: ['host', 'x-sdk-date'],
    signature: SIG,
  });
});

test('formatAuthorization is the inverse of parseAuthorization', () => {
  expect(formatAuthorization('AccessKey', ['host', 'x-sdk-date'], SIG)).toBe(GOOD);
});

test('accepts signed headers in any order', () => {
  const parsed = parseAuthorization(
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date;host, Signature=${SIG}`,
  );
  expect(parsed).toMatchObject({ ok: true, signedHeaders: ['x-sdk-date', 'host'] });
});

test.each<[string, string | undefined, SignatureFailureReason]>([
  ['absent', undefined, 'missing-authorization'],
  ['empty', '', 'missing-authorization'],
  [
    'another algorithm',
    `SDK-HMAC-SM3 Access=AK, SignedHeaders=x-sdk-date, Signature=${SIG}`,
    'unsupported-algorithm',
  ],
  ['a bearer token', 'Bearer abc', 'unsupported-algorithm'],
  [
    'algorithm in lower case',
    `sdk-hmac-sha256 Access=AK, SignedHeaders=x-sdk-date, Signature=${SIG}`,
    'unsupported-algorithm',
  ],
  ['only the algorithm', 'SDK-HMAC-SHA256', 'malformed-authorization'],
  [
    'comma before Access',
    `SDK-HMAC-SHA256, Access=AK, SignedHeaders=x-sdk-date, Signature=${SIG}`,
    'malformed-authorization',
  ],
  [
    'two spaces after the algorithm',
    `SDK-HMAC-SHA256  Access=AK, SignedHeaders=x-sdk-date, Signature=${SIG}`,
    'malformed-authorization',
  ],
  [
    'no space after commas',
    `SDK-HMAC-SHA256 Access=AK,SignedHeaders=x-sdk-date,Signature=${SIG}`,
    'malformed-authorization',
  ],
  [
    'parts reordered',
    `SDK-HMAC-SHA256 SignedHeaders=x-sdk-date, Access=AK, Signature=${SIG}`,
    'malformed-authorization',
  ],
  [
    'empty access',
    `SDK-HMAC-SHA256 Access=, SignedHeaders=x-sdk-date, Signature=${SIG}`,
    'malformed-authorization',
  ],
  [
    'missing Signature',
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date',
    'malformed-authorization',
  ],
  [
    'trailing junk',
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=${SIG}, Extra=1`,
    'malformed-authorization',
  ],
  [
    'upper-case signed header',
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=Host;x-sdk-date, Signature=${SIG}`,
    'invalid-signed-headers',
  ],
  [
    'duplicate signed header',
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;host;x-sdk-date, Signature=${SIG}`,
    'invalid-signed-headers',
  ],
  [
    'empty signed header name',
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;x-sdk-date, Signature=${SIG}`,
    'invalid-signed-headers',
  ],
  [
    'upper-case hex signature',
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=${SIG.toUpperCase()}`,
    'malformed-signature',
  ],
  [
    'short signature',
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=${SIG.slice(1)}`,
    'malformed-signature',
  ],
  [
    'non-hex signature',
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=${'g'.repeat(64)}`,
    'malformed-signature',
  ],
])('rejects %s', (_name, header, reason) => {
  const parsed = parseAuthorization(header);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) {
    expect(parsed.failure.reason).toBe(reason);
    expect(parsed.failure.message.length).toBeGreaterThan(20);
  }
});
