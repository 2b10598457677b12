/**
 * @module messages/errors
 * Errors that cross a message boundary: a stable code and a message that says how to fix it.
 * Messages never contain secrets (keys, tokens, the request being signed).
 */

export type ErrorCode =
  | 'BAD_MESSAGE'
  | 'FORBIDDEN_SENDER'
  | 'INVALID_INPUT'
  | 'KEY_NOT_FOUND'
  | 'KEY_EXPIRED'
  | 'ENDPOINT_NOT_ALLOWED'
  | 'NETWORK'
  | 'IAM_REJECTED'
  | 'BAD_RESPONSE'
  | 'REDIRECT_REFUSED'
  | 'SIGNING_FAILED'
  | 'NO_PAGE'
  | 'INTERNAL';

export interface WireError {
  code: ErrorCode;
  message: string;
}

export class ExtensionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtensionError';
  }

  toWire(): WireError {
    return { code: this.code, message: this.message };
  }
}

/** Anything thrown, as a wire error. Unknown errors do not leak their text (it may hold a secret). */
export function toWireError(err: unknown): WireError {
  if (err instanceof ExtensionError) return err.toWire();
  return {
    code: 'INTERNAL',
    message:
      'Something went wrong inside the extension. Close and reopen the popup; if it persists, report it.',
  };
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: WireError };
