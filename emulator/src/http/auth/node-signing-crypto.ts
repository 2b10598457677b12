/**
 * @module http/auth/node-signing-crypto
 * SHA-256 and HMAC over `node:crypto` for the shared verifier. The shared default, WebCrypto,
 * costs a promise job and a key import per call; on the signed-read path that was the largest
 * single cost. Same results (the shared vectors run against both).
 */
import { createHash, createHmac } from 'node:crypto';
import type { SigningCrypto } from '@iam-testbed/shared';

export const NODE_SIGNING_CRYPTO: SigningCrypto = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256Hex: (key, data) => createHmac('sha256', key).update(data).digest('hex'),
};
