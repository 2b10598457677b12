/**
 * @module signing/constant-time
 * String comparison whose running time does not depend on where the strings first differ, so a
 * signature cannot be guessed byte by byte from response times. (WebCrypto has no timingSafeEqual.)
 */

/** True when equal. Length is not secret here (signatures are always 64 hex). */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
