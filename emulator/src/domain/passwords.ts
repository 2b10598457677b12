/**
 * @module domain/passwords
 * Password hashing with node:crypto scrypt. The cost is deliberately low (N = 2^12): these are
 * emulator-only test passwords, and tenant creation and token issuance must stay fast under
 * parallel test suites. The format carries N, so it can be raised without breaking stored hashes.
 *
 * Stored format: `scrypt$<N>$<salt: 32 lower-case hex>$<hash: 64 lower-case hex>`. Hashes arrive
 * from outside too (a state import, a hand-edited `--db` file), so `passwordHashProblem` checks
 * every part before anything reaches scrypt: a bad N makes scrypt throw (a 500 at every login),
 * and a hash that decodes to zero bytes would compare equal to any password.
 */
import { scryptSync, timingSafeEqual } from 'node:crypto';
import { hex, type RandomSource } from './random.js';

const SCHEME = 'scrypt';
const SCRYPT_N = 4096;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
/**
 * Accepted costs: powers of two from 2^10 to 2^14. Below is not a hash this emulator ever wrote;
 * above, scrypt needs more than its default 32 MiB (128·N·r bytes with r = 8) and throws, and a
 * login would take long enough to stall the event loop.
 */
const MIN_N = 2 ** 10;
const MAX_N = 2 ** 14;
const SALT_RE = new RegExp(`^[0-9a-f]{${SALT_BYTES * 2}}$`);
const HASH_RE = new RegExp(`^[0-9a-f]{${KEY_LENGTH * 2}}$`);

/** What a stored hash is made of, once it has been checked. */
interface ParsedHash {
  n: number;
  salt: string;
  hash: Buffer;
}

export const PASSWORD_HASH_FORMAT = `${SCHEME}$<N: a power of two from ${MIN_N} to ${MAX_N}>$<salt: ${SALT_BYTES * 2} lower-case hex>$<hash: ${KEY_LENGTH * 2} lower-case hex>`;

function parse(stored: string): ParsedHash | string {
  const parts = stored.split('$');
  if (parts.length !== 4) return `it has ${parts.length} "$"-separated parts, not 4`;
  const [scheme = '', n = '', salt = '', hash = ''] = parts;
  if (scheme !== SCHEME) return `the algorithm is "${scheme.slice(0, 20)}", not "${SCHEME}"`;
  const cost = /^[1-9]\d{0,9}$/.test(n) ? Number(n) : Number.NaN;
  if (!(cost >= MIN_N && cost <= MAX_N && (cost & (cost - 1)) === 0)) {
    return `the cost N "${n.slice(0, 20)}" is not a power of two from ${MIN_N} to ${MAX_N}`;
  }
  if (!SALT_RE.test(salt)) return `the salt is not ${SALT_BYTES * 2} lower-case hex characters`;
  if (!HASH_RE.test(hash)) return `the hash is not ${KEY_LENGTH * 2} lower-case hex characters`;
  return { n: cost, salt, hash: Buffer.from(hash, 'hex') };
}

/** Why a stored password hash cannot be used, or null when it is well formed. */
export function passwordHashProblem(stored: string): string | null {
  const parsed = parse(stored);
  return typeof parsed === 'string' ? `${parsed}; expected ${PASSWORD_HASH_FORMAT}` : null;
}

export function hashPassword(password: string, random: RandomSource): string {
  const salt = hex(random, SALT_BYTES);
  const hash = scryptSync(password, salt, KEY_LENGTH, { N: SCRYPT_N }).toString('hex');
  return `${SCHEME}$${SCRYPT_N}$${salt}$${hash}`;
}

/**
 * True when `password` matches. Never throws: a missing or malformed stored hash is simply no
 * match (callers that want to say why use `passwordHashProblem`).
 */
export function verifyPassword(password: string, stored: string | null): boolean {
  if (stored === null) return false;
  const parsed = parse(stored);
  if (typeof parsed === 'string') return false;
  const actual = scryptSync(password, parsed.salt, parsed.hash.length, { N: parsed.n });
  return timingSafeEqual(actual, parsed.hash);
}

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A random password that meets Huawei's rules (6–32 characters, at least two character classes,
 * docs/reference/huawei-iam-api.md §5.3): `Emu-` + 16 letters/digits.
 */
export function generatePassword(random: RandomSource): string {
  const bytes = random(16);
  let out = 'Emu-';
  for (const b of bytes) out += PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length];
  return out;
}
