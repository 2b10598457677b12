/**
 * Property tests: sign → verify holds for random requests, agrees with an independent
 * implementation, and any change to a signed part makes verification fail for the right reason.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  canonicalQuery,
  formatSdkDate,
  parseSdkDate,
  percentDecode,
  rfc3986Encode,
  signRequest,
  verifySignature,
  type SignatureFailureReason,
} from '../src/index.js';
import { asReceived } from './helpers.js';
import { oracleSignature } from '../testing/index.js';
import { useFastCheckSeed } from './fast-check-seed.js';

useFastCheckSeed('test/properties.test.ts');

// Characters that exercise every encoding rule: unreserved, reserved, `+`, `%`, non-ASCII, astral.
const CHAR = fc.constantFrom(...'aZ09-._~ !*\'()%+&=?#/:;@,$[]|^\\"<>{}`é中😀'.match(/./gu)!);
const text = (maxLength: number) => fc.string({ unit: CHAR, maxLength });
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'] as const;

const requestArb = fc.record({
  method: fc.constantFrom(...METHODS),
  absolute: fc.boolean(),
  segments: fc.array(text(8), { maxLength: 4 }),
  trailingSlash: fc.boolean(),
  query: fc.array(fc.tuple(text(6), fc.option(text(6))), { maxLength: 4 }),
  headers: fc.dictionary(
    fc.stringMatching(/^x-p-[a-z0-9]{1,6}$/),
    fc.stringMatching(/^[ -~]{0,12}$/),
    { maxKeys: 3 },
  ),
  body: fc.oneof(fc.constant(undefined), fc.uint8Array({ maxLength: 64 }), text(32)),
  date: fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  token: fc.option(fc.stringMatching(/^EMUSTS[A-Za-z0-9_-]{1,20}$/)),
});
type Generated = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

const CRED = { ak: 'EMUP0000000000000001', sk: 'Emu0000000000000000000000000000000000001' };

function urlOf(g: Generated): string {
  const path = '/' + g.segments.map(encodeURIComponent).join('/') + (g.trailingSlash ? '/' : '');
  const query = g.query
    .map(([k, v]) =>
      v === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
    )
    .join('&');
  const pathAndQuery = query === '' ? path : `${path}?${query}`;
  return g.absolute ? `http://127.0.0.1:4566${pathAndQuery}` : pathAndQuery;
}

async function signGenerated(g: Generated) {
  const signed = await signRequest(
    { method: g.method, url: urlOf(g), headers: { host: 'h.test', ...g.headers }, body: g.body },
    { ...CRED, securityToken: g.token ?? undefined },
    { date: g.date },
  );
  return { signed, received: asReceived(signed, g.body) };
}

test('sign → verify holds, and an independent implementation computes the same signature', async () => {
  await fc.assert(
    fc.asyncProperty(requestArb, async (g) => {
      const { signed, received } = await signGenerated(g);
      const result = await verifySignature(received, CRED.sk, { now: g.date });
      expect(result.ok).toBe(true);
      const signedHeaders = signed.authorization
        .split('SignedHeaders=')[1]!
        .split(',')[0]!
        .split(';');
      expect(oracleSignature({ ...received, signedHeaders }, CRED.sk)).toBe(signed.signature);
    }),
  );
});

type Mutation = 'method' | 'path' | 'query' | 'header' | 'body' | 'date' | 'stale-date';
const EXPECTED: Record<Mutation, SignatureFailureReason> = {
  method: 'signature-mismatch',
  path: 'signature-mismatch',
  query: 'signature-mismatch',
  header: 'signature-mismatch',
  body: 'signature-mismatch',
  date: 'signature-mismatch',
  'stale-date': 'sdk-date-skew',
};

test('changing any signed part makes verify fail with the matching reason', async () => {
  const mutationArb = fc.constantFrom<Mutation>(
    'method',
    'path',
    'query',
    'header',
    'body',
    'date',
    'stale-date',
  );
  await fc.assert(
    fc.asyncProperty(requestArb, mutationArb, fc.nat(), async (g, mutation, pick) => {
      const { received } = await signGenerated(g);
      const r = { ...received, headers: { ...received.headers } };
      const shift = (seconds: number) => formatSdkDate(new Date(g.date.getTime() + seconds * 1000));
      switch (mutation) {
        case 'method':
          r.method = METHODS[(METHODS.indexOf(g.method) + 1 + (pick % 5)) % 6]!;
          break;
        case 'path':
          r.path = r.path + (r.path.endsWith('/') ? 'x' : '/x');
          break;
        case 'query':
          r.rawQuery = r.rawQuery === '' ? 'zz=1' : `${r.rawQuery}&zz=1`;
          break;
        case 'header': {
          const names = [
            'host',
            'x-sdk-date',
            ...Object.keys(g.headers),
            ...(g.token ? ['x-security-token'] : []),
          ];
          const name = names[pick % names.length]!;
          r.headers[name] = name === 'x-sdk-date' ? shift(1) : r.headers[name] + 'x';
          break;
        }
        case 'body':
          r.body = new Uint8Array([...r.body, pick % 256]);
          break;
        case 'date':
          r.headers['x-sdk-date'] = shift(pick % 2 === 0 ? 1 : -1);
          break;
        case 'stale-date':
          r.headers['x-sdk-date'] = shift(
            pick % 2 === 0 ? 901 + (pick % 10000) : -901 - (pick % 10000),
          );
          break;
      }
      const result = await verifySignature(r, CRED.sk, { now: g.date });
      expect(result.ok ? 'ok' : result.failure.reason).toBe(EXPECTED[mutation]);
    }),
  );
});

test('a wrong secret never verifies', async () => {
  await fc.assert(
    fc.asyncProperty(requestArb, fc.stringMatching(/^[A-Za-z0-9]{40}$/), async (g, other) => {
      fc.pre(other !== CRED.sk);
      const { received } = await signGenerated(g);
      const result = await verifySignature(received, other, { now: g.date });
      expect(result.ok ? 'ok' : result.failure.reason).toBe('signature-mismatch');
    }),
  );
});

test('canonicalQuery does not depend on parameter order or on which characters were left unescaped', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(text(6), text(6)), { maxLength: 6 }), fc.nat(), (pairs, seed) => {
      const encoded = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
      const fully = pairs.map(([k, v]) => `${rfc3986Encode(k)}=${rfc3986Encode(v)}`);
      const rotated = encoded.map((_, i) => encoded[(i + seed) % encoded.length]!);
      expect(canonicalQuery(rotated.join('&'))).toBe(canonicalQuery(encoded.join('&')));
      expect(canonicalQuery(fully.join('&'))).toBe(canonicalQuery(encoded.join('&')));
    }),
  );
});

test('percentDecode inverts rfc3986Encode', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(percentDecode(rfc3986Encode(s))).toBe(s);
    }),
  );
});

test('parseSdkDate inverts formatSdkDate (to the second)', () => {
  fc.assert(
    fc.property(
      fc.date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      (d) => {
        const s = formatSdkDate(d);
        expect(parseSdkDate(s)?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
      },
    ),
  );
});
