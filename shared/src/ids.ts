/**
 * @module ids
 * Shapes of Huawei IAM identifiers, and generators for the emulator's own.
 *
 * Emulator keys carry fixed prefixes so nobody can mistake one for a real key (in a log, a leaked
 * `.env`, a bug report) while still having the shape the SDKs and tools accept (20 `[A-Z0-9]` /
 * 40 `[A-Za-z0-9]`):
 * - permanent AK  `EMUP` + 16 `[A-Z0-9]`
 * - temporary AK  `EMUT` + 16 `[A-Z0-9]`
 * - SK            `Emu`  + 37 `[A-Za-z0-9]` (real SKs are random; the mixed-case prefix marks ours)
 * - security token `EMUSTS` + base64url (real ones start like `gQpj…` / `gAAAA…`)
 * Real AKs are random upper-case strings, so `EMUP…` could in theory occur (about 1 in 1.7 million);
 * combined with an `Emu…` secret the pair cannot plausibly be real. The prefixes are the marker;
 * do not rely on them for security.
 *
 * Generators take a `RandomBytes` source so the emulator can make them deterministic
 * (`--seed-random N`); `cryptoRandomBytes` is the default, using WebCrypto.
 */

export { SDK_DATE_RE } from './signing/sdk-date.js';

/** A 32-character lower-case hex ID (users, domains, projects, request IDs). */
export const HEX32_RE = /^[0-9a-f]{32}$/;
/** ⚠ UNCONFIRMED shape from documentation examples (docs/reference/huawei-iam-api.md §1.1). */
export const ACCESS_KEY_RE = /^[A-Z0-9]{20}$/;
export const SECRET_KEY_RE = /^[A-Za-z0-9]{40}$/;
/**
 * A security token (temporary keys' `securitytoken`, sent as `X-Security-Token`). Real ones are long
 * base64 or base64url strings (`gQpj…==`, `gAAAAAB…`, docs/reference/huawei-iam-api.md §2.1, docs/reference/sdk-wire.md §7.4),
 * ours `EMUSTS` + base64url. ⚠ UNCONFIRMED bounds: Huawei documents neither alphabet nor length;
 * we take 16–16384 characters of both base64 alphabets plus `.`, with `=` padding only at the end.
 * Nothing that could break out of a header, a shell word or markup (spaces, quotes, `<`) passes.
 */
export const SECURITY_TOKEN_RE = /^(?=.{16,16384}$)[A-Za-z0-9+/_.-]+={0,2}$/;

export const EMULATOR_PERMANENT_AK_PREFIX = 'EMUP';
export const EMULATOR_TEMPORARY_AK_PREFIX = 'EMUT';
export const EMULATOR_SK_PREFIX = 'Emu';
export const EMULATOR_SECURITY_TOKEN_PREFIX = 'EMUSTS';

const EMULATOR_AK_RE = /^EMU[PT][A-Z0-9]{16}$/;

/** Returns `n` random bytes. */
export type RandomBytes = (n: number) => Uint8Array;

/** Cryptographically random bytes from `globalThis.crypto.getRandomValues`. */
export const cryptoRandomBytes: RandomBytes = (n) =>
  globalThis.crypto.getRandomValues(new Uint8Array(n));

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function take(random: RandomBytes, n: number): Uint8Array {
  const bytes = random(n);
  if (bytes.length !== n)
    throw new RangeError(`RandomBytes source returned ${bytes.length} bytes, expected ${n}.`);
  return bytes;
}

/** `length` characters from `alphabet`, unbiased (bytes at or above a multiple of its size are skipped). */
export function randomString(random: RandomBytes, alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of take(random, length - out.length + 8)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export function newPermanentAccessKey(random: RandomBytes = cryptoRandomBytes): string {
  return EMULATOR_PERMANENT_AK_PREFIX + randomString(random, UPPER_ALNUM, 16);
}

export function newTemporaryAccessKey(random: RandomBytes = cryptoRandomBytes): string {
  return EMULATOR_TEMPORARY_AK_PREFIX + randomString(random, UPPER_ALNUM, 16);
}

export function newSecretKey(random: RandomBytes = cryptoRandomBytes): string {
  return EMULATOR_SK_PREFIX + randomString(random, ALNUM, 37);
}

/** `EMUSTS` + 128 base64url characters (96 random bytes' worth). */
export function newSecurityToken(random: RandomBytes = cryptoRandomBytes): string {
  return EMULATOR_SECURITY_TOKEN_PREFIX + randomString(random, BASE64URL, 128);
}

/** A 32-character lower-case hex ID. */
export function newHex32Id(random: RandomBytes = cryptoRandomBytes): string {
  let out = '';
  for (const byte of take(random, 16)) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** True for an access key this emulator issued (permanent or temporary). */
export function isEmulatorAccessKey(ak: string): boolean {
  return EMULATOR_AK_RE.test(ak);
}

export function isEmulatorTemporaryAccessKey(ak: string): boolean {
  return EMULATOR_AK_RE.test(ak) && ak.startsWith(EMULATOR_TEMPORARY_AK_PREFIX);
}
