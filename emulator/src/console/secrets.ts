/**
 * @module console/secrets
 * Unguessable values for the console (session IDs, CSRF tokens, download tickets, verification
 * codes). Always from the OS CSPRNG, never from the `--seed-random` stream: a deterministic
 * session ID would let anyone who knows the seed sign in. They are compared with the shared
 * `constantTimeEqual`.
 */
import { randomBytes, randomInt } from 'node:crypto';

export const newOpaqueId = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Six decimal digits, like SMS/e-mail/MFA codes. */
export const newNumericCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
