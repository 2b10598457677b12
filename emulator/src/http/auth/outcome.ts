/**
 * @module http/auth/outcome
 * The result of checking a request's credential: the domain's verdict (domain/credentials.ts:
 * who the caller is, if anyone, and the first rule that refuses the request) plus what the
 * journal and the lock-out need, the scheme and the access key.
 */
import type { Identified } from '../../domain/credentials.js';
import type { IamError } from '../../domain/errors.js';
import type { AuthScheme } from '../../testbed/journal.js';

export type AuthCheck = Identified & { scheme: AuthScheme; access_key: string | null };

/** A failure that identifies nobody (a malformed header): refused in every mode, never counted. */
export function refusedOutright(scheme: AuthScheme, error: IamError): AuthCheck {
  return { scheme, access_key: null, caller: null, refusal: { error, countsTowardLockout: false } };
}
