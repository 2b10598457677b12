/**
 * @module signing/signing-error
 * Thrown by signRequest when it is asked to sign something it cannot.
 */

export type SigningErrorCode =
  'invalid-url' | 'invalid-credential' | 'duplicate-header' | 'signed-header-missing';

export class SigningError extends Error {
  override readonly name = 'SigningError';
  constructor(
    readonly code: SigningErrorCode,
    message: string,
  ) {
    super(message);
  }
}
