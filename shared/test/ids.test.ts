import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  ACCESS_KEY_RE,
  HEX32_RE,
  isEmulatorAccessKey,
  isEmulatorTemporaryAccessKey,
  newHex32Id,
  newPermanentAccessKey,
  newSecretKey,
  newSecurityToken,
  newTemporaryAccessKey,
  randomString,
  SECRET_KEY_RE,
  SECURITY_TOKEN_RE,
  type RandomBytes,
} from '../src/index.js';
import { useFastCheckSeed } from './fast-check-seed.js';

useFastCheckSeed('test/ids.test.ts');

/** A deterministic byte source (xorshift32), as the emulator's --seed-random would use. */
function seeded(seed: number): RandomBytes {
  let x = seed | 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = x & 0xff;
    }
    return out;
  };
}

test('generated keys have the shapes the SDKs accept and the emulator prefixes', () => {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      const random = seeded(seed);
      const permanent = newPermanentAccessKey(random);
      const temporary = newTemporaryAccessKey(random);
      expect(permanent).toMatch(ACCESS_KEY_RE);
      expect(permanent).toMatch(/^EMUP/);
      expect(temporary).toMatch(ACCESS_KEY_RE);
      expect(temporary).toMatch(/^EMUT/);
      expect(newSecretKey(random)).toMatch(SECRET_KEY_RE);
      expect(newSecretKey(random)).toMatch(/^Emu/);
      expect(newSecurityToken(random)).toMatch(/^EMUSTS[A-Za-z0-9_-]{128}$/);
      expect(newHex32Id(random)).toMatch(HEX32_RE);
      expect(isEmulatorAccessKey(permanent) && isEmulatorAccessKey(temporary)).toBe(true);
      expect(isEmulatorTemporaryAccessKey(temporary)).toBe(true);
      expect(isEmulatorTemporaryAccessKey(permanent)).toBe(false);
    }),
  );
});

test('generators are deterministic for a given byte source', () => {
  expect(newPermanentAccessKey(seeded(42))).toBe(newPermanentAccessKey(seeded(42)));
  expect(newSecretKey(seeded(42))).not.toBe(newSecretKey(seeded(43)));
});

test('the default source is random', () => {
  expect(newPermanentAccessKey()).not.toBe(newPermanentAccessKey());
  expect(newHex32Id()).toMatch(HEX32_RE);
});

test('randomString skips bytes that would bias the alphabet', () => {
  // 36 symbols: bytes >= 252 are rejected, so 255 never maps to a symbol
  const bytes = [255, 252, 0, 35, 36];
  let i = 0;
  const random: RandomBytes = (n) =>
    Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]!);
  expect(randomString(random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 3)).toBe('A9A');
});

test('a short byte source is reported, not silently used', () => {
  expect(() => newHex32Id(() => new Uint8Array(3))).toThrow(RangeError);
});

test('isEmulatorAccessKey rejects real-looking and malformed keys', () => {
  expect(isEmulatorAccessKey('P83EVBZJMXCYTMUII0AB')).toBe(false);
  expect(isEmulatorAccessKey('EMUP123')).toBe(false);
  expect(isEmulatorAccessKey('EMUPabcdefghijklmnop')).toBe(false);
  expect(isEmulatorAccessKey('EMUX0000000000000000')).toBe(false);
});

test('SECURITY_TOKEN_RE: real Huawei tokens (base64 / base64url) and ours', () => {
  const accepted = [
    'gQpjbi1ub3J0aC00ibr8sP' + 'x'.repeat(40) + '==', // the Node SDK probe's token (docs/reference/sdk-wire.md §7.4)
    'gAAAAABY9GbWUaGtoa9DPj7_dE4qUSnAXXX', // docs/reference/huawei-iam-api.md §2.1 example, shortened
    'gQ' + 'A+/b'.repeat(2000) + '=', // long
    'x'.repeat(16),
    'x'.repeat(16384),
  ];
  for (const token of accepted) expect(token).toMatch(SECURITY_TOKEN_RE);
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      expect(newSecurityToken(seeded(seed))).toMatch(SECURITY_TOKEN_RE);
    }),
  );
});

test('SECURITY_TOKEN_RE: nothing short, huge, spaced, quoted or padded in the middle', () => {
  const refused = [
    '',
    'x'.repeat(15),
    'x'.repeat(16385),
    'EMUSTS abcdefghijklmn',
    'EMUSTSabcdefghijkl\n',
    '"EMUSTSabcdefghijkl"',
    '<EMUSTSabcdefghijkl>',
    'ab=cdab=cdab=cdab=cd',
    'x'.repeat(16) + '===',
  ];
  for (const token of refused) expect(token).not.toMatch(SECURITY_TOKEN_RE);
});
