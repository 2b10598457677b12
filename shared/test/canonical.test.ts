import { expect, test } from 'vitest';
import {
  canonicalHeaders,
  canonicalQuery,
  canonicalUri,
  normaliseSignedHeaders,
  percentDecode,
  rfc3986Encode,
} from '../src/index.js';

test('rfc3986Encode keeps only unreserved characters and uses upper-case hex', () => {
  expect(rfc3986Encode("AZaz09-._~ !*'()/+é")).toBe('AZaz09-._~%20%21%2A%27%28%29%2F%2B%C3%A9');
  expect(rfc3986Encode('😀')).toBe('%F0%9F%98%80');
});

test('percentDecode: + stays a plus, bad escapes stay literal', () => {
  expect(percentDecode('a+b%20c%2b')).toBe('a+b c+');
  expect(percentDecode('100%')).toBe('100%');
  expect(percentDecode('%zz%4')).toBe('%zz%4');
});

test('canonicalUri always ends with a slash', () => {
  expect(canonicalUri('/v3.0/OS-CREDENTIAL/credentials')).toBe('/v3.0/OS-CREDENTIAL/credentials/');
  expect(canonicalUri('/v3/projects/')).toBe('/v3/projects/');
  expect(canonicalUri('/')).toBe('/');
  expect(canonicalUri('')).toBe('/');
});

test('canonicalUri decodes then re-encodes each segment', () => {
  expect(canonicalUri('/v1/a%20b/%C3%A9/x!y')).toBe('/v1/a%20b/%C3%A9/x%21y/');
  expect(canonicalUri('/v1/a b/é')).toBe('/v1/a%20b/%C3%A9/');
  // an encoded slash stays inside its segment
  expect(canonicalUri('/v1/a%2Fb')).toBe('/v1/a%2Fb/');
  // lower-case escapes are normalised; invalid UTF-8 survives byte for byte
  expect(canonicalUri('/v1/%c3%a9/%FF')).toBe('/v1/%C3%A9/%FF/');
});

test("canonicalUri 'node-sdk' rule reproduces the Node SDK's url.parse quirks (docs/reference/sdk-wire.md §7.3(4))", () => {
  const opts = { rule: 'node-sdk' } as const;
  // captured: path parameter "A K+é~" sent as A%20K+%C3%A9~
  expect(canonicalUri('/v3.0/OS-CREDENTIAL/credentials/A%20K+%C3%A9~', opts)).toBe(
    '/v3.0/OS-CREDENTIAL/credentials/A%2520K%2B%C3%A9~/',
  );
  // captured: path parameter "AK|x'^" sent raw
  expect(canonicalUri("/v3.0/OS-CREDENTIAL/credentials/AK|x'^", opts)).toBe(
    '/v3.0/OS-CREDENTIAL/credentials/AK%257Cx%2527%255E/',
  );
  // trailing whitespace of the last segment is trimmed from the signature only
  expect(canonicalUri('/v1/ab%C2%A0', opts)).toBe('/v1/ab/');
  // plain IDs are the same under both rules
  expect(canonicalUri('/v3/users/0123456789abcdef0123456789abcdef', opts)).toBe(
    canonicalUri('/v3/users/0123456789abcdef0123456789abcdef'),
  );
});

test('canonicalQuery sorts by name then value and RFC 3986-encodes', () => {
  expect(canonicalQuery('')).toBe('');
  expect(canonicalQuery('?')).toBe('');
  expect(canonicalQuery('b=2&a=1')).toBe('a=1&b=2');
  expect(canonicalQuery('multi=3&multi=1&multi=2')).toBe('multi=1&multi=2&multi=3');
  expect(canonicalQuery('a+b=c+d')).toBe('a%2Bb=c%2Bd');
  expect(canonicalQuery('flag&empty=&x=1')).toBe('empty=&flag=&x=1');
  expect(canonicalQuery('a=1&&b=2')).toBe('a=1&b=2');
  expect(canonicalQuery('v=a=b')).toBe('v=a%3Db');
});

test('canonicalQuery matches the Go SDK test expectation', () => {
  // signer_test.go's expected canonical query (docs/reference/huawei-iam-api.md §8.2)
  const raw =
    'test=%E4%B8%80%20(%26%3D%3F!%23%25.*)&path=%2Ftmp%2F123&multi=3&multi=1&multi=2&limit=1&enable=true';
  expect(canonicalQuery(raw)).toBe(
    'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
  );
});

test('canonicalQuery sorts in UTF-16 code-unit order, not locale order', () => {
  expect(canonicalQuery('b=1&B=1&_=1&a=1')).toBe('B=1&_=1&a=1&b=1');
});

test('canonicalHeaders trims values and follows the given order', () => {
  const values = new Map([
    ['host', ' h:1 '],
    ['x-sdk-date', '20240102T030405Z'],
  ]);
  expect(canonicalHeaders(['x-sdk-date', 'host'], (n) => values.get(n))).toBe(
    'x-sdk-date:20240102T030405Z\nhost:h:1\n',
  );
  expect(normaliseSignedHeaders(['X-Sdk-Date', 'host', 'Content-Type', 'HOST'])).toEqual([
    'content-type',
    'host',
    'x-sdk-date',
  ]);
});
