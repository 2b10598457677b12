/**
 * @module signing/failures
 * Why a signed request was rejected: a stable code for programs and a message for people that
 * says what is wrong and how to fix it. Messages never contain the secret key or a security token.
 */

/** Stable codes; add, never rename (the emulator and extension show and match on them). */
export type SignatureFailureReason =
  | 'missing-authorization'
  | 'unsupported-algorithm'
  | 'malformed-authorization'
  | 'invalid-signed-headers'
  | 'malformed-signature'
  | 'missing-sdk-date'
  | 'malformed-sdk-date'
  | 'sdk-date-not-signed'
  | 'sdk-date-skew'
  | 'signed-header-missing'
  | 'signature-mismatch';

export const SIGNATURE_FAILURE_REASONS: readonly SignatureFailureReason[] = [
  'missing-authorization',
  'unsupported-algorithm',
  'malformed-authorization',
  'invalid-signed-headers',
  'malformed-signature',
  'missing-sdk-date',
  'malformed-sdk-date',
  'sdk-date-not-signed',
  'sdk-date-skew',
  'signed-header-missing',
  'signature-mismatch',
];

export interface SignatureFailure {
  reason: SignatureFailureReason;
  /** What is wrong and how to fix it. Safe to return to the client. */
  message: string;
}

export function signatureFailure(
  reason: SignatureFailureReason,
  message: string,
): SignatureFailure {
  return { reason, message };
}
