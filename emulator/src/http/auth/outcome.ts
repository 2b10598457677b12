/**
 * @module http/auth/outcome
 * The result of checking a request's credential: who the caller is (if known) and, when a check
 * failed, the error it would be answered with.
 */
import type { IamError } from '../../domain/errors.js';
import type { Caller } from '../../domain/identity.js';
import type { AuthScheme } from '../../testbed/journal.js';

export interface AuthCheck {
  scheme: AuthScheme;
  access_key: string | null;
  /** Null when the credential does not identify anyone (unknown AK or token, malformed header). */
  caller: Caller | null;
  /** The first failed check, or null. */
  problem: IamError | null;
  /** Whether the problem counts towards the AK lock-out (wrong secret, date, token). */
  countsAsFailure: boolean;
}

export function failed(scheme: AuthScheme, problem: IamError, accessKey: string | null = null): AuthCheck {
  return { scheme, access_key: accessKey, caller: null, problem, countsAsFailure: false };
}
