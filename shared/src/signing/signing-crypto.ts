/**
 * @module signing/signing-crypto
 * The two primitives SDK-HMAC-SHA256 needs, injectable. The default is WebCrypto (hash.ts), which
 * runs everywhere (Node, MV3 service worker, page). A server may pass a synchronous
 * implementation instead: each WebCrypto call is a promise job with a key import, several times
 * slower per call than `node:crypto` (the emulator injects one built on `createHmac`/`createHash`).
 * Shared code stays free of `node:crypto` on purpose: the extension bundles it.
 */
import { hexSha256, hmacSha256Hex } from './hash.js';

export interface SigningCrypto {
  /** Lower-case hex SHA-256 of a string's UTF-8 bytes or of raw bytes. */
  sha256Hex(data: string | Uint8Array): string | Promise<string>;
  /** Lower-case hex HMAC-SHA256; the key is the secret key's UTF-8 bytes. */
  hmacSha256Hex(key: string, data: string): string | Promise<string>;
}

/** The default: WebCrypto (`globalThis.crypto.subtle`). */
export const WEB_SIGNING_CRYPTO: SigningCrypto = { sha256Hex: hexSha256, hmacSha256Hex };
