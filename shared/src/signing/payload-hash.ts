/**
 * @module signing/payload-hash
 * The last line of the canonical request: hex SHA-256 of the exact body bytes, or the literal value
 * of `X-Sdk-Content-Sha256` when the request carries it (the SDKs send `UNSIGNED-PAYLOAD` there for
 * non-JSON bodies).
 */
import { WEB_SIGNING_CRYPTO, type SigningCrypto } from './signing-crypto.js';

/** Hex SHA-256 of an empty body. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The value SDKs put in `X-Sdk-Content-Sha256` to skip body hashing. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * @param body exact bytes (a string is hashed as UTF-8).
 * @param contentSha256 the `X-Sdk-Content-Sha256` header value, if any; used literally, untrimmed
 *   only by what the HTTP parser already did.
 * @param crypto @default WebCrypto (see signing-crypto.ts)
 */
export async function payloadHash(
  body: string | Uint8Array | undefined,
  contentSha256?: string,
  crypto: SigningCrypto = WEB_SIGNING_CRYPTO,
): Promise<string> {
  if (contentSha256 !== undefined && contentSha256 !== '') return contentSha256;
  if (body === undefined || body.length === 0) return EMPTY_BODY_SHA256;
  return crypto.sha256Hex(body);
}
