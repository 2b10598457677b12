/**
 * @module domain/passwords
 * Password hashing with node:crypto scrypt. The cost is deliberately low (N = 2^12): these are
 * emulator-only test passwords, and tenant creation and token issuance must stay fast under
 * parallel test suites. The format carries N, so it can be raised without breaking stored hashes.
 */
import { scryptSync, timingSafeEqual } from 'node:crypto';
import { hex, type RandomSource } from './random.js';

const SCRYPT_N = 4096;
const KEY_LENGTH = 32;

export function hashPassword(password: string, random: RandomSource): string {
  const salt = hex(random, 16);
  const hash = scryptSync(password, salt, KEY_LENGTH, { N: SCRYPT_N }).toString('hex');
  return `scrypt$${SCRYPT_N}$${salt}$${hash}`;
}

export function verifyPassword(password: string, stored: string | null): boolean {
  if (stored === null) return false;
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(password, salt, expected.length, { N: Number(n) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A random password that meets Huawei's rules (6–32 characters, at least two character classes,
 * huawei-iam-api.md §5.3): `Emu-` + 16 letters/digits.
 */
export function generatePassword(random: RandomSource): string {
  const bytes = random(16);
  let out = 'Emu-';
  for (const b of bytes) out += PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length];
  return out;
}
