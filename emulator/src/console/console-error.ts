/**
 * @module console/console-error
 * Errors of the console API. Console-only conditions (not signed in, CSRF, verification, the
 * one-time download) are `ConsoleError`s with `CONSOLE.*` codes; refusals by the domain rules
 * arrive as `IamError`s and are passed through with Huawei's code and message plus the emulator's
 * hint, so the page shows the same reason the API would give.
 *
 * The codes are one catalogue: the names in `CONSOLE_ERRORS` (contract.ts, shared with the page)
 * and each code's single HTTP status here. A ConsoleError is made from a catalogue key, so a
 * status can never drift from the code; docs/errors.md ("Console") documents each, checked by
 * console-error.test.ts. Messages say what went wrong and how to fix it.
 */
import { IamError } from '../domain/errors.js';
import { CONSOLE_ERRORS, type ConsoleErrorBody } from './contract.js';

export type ConsoleErrorKey = keyof typeof CONSOLE_ERRORS;

/** The HTTP status of each code (a Record: adding a code without a status does not compile). */
export const CONSOLE_ERROR_STATUS: Readonly<Record<ConsoleErrorKey, number>> = {
  notSignedIn: 401,
  sessionExpired: 401,
  csrf: 403,
  badLogin: 401,
  badRequest: 400,
  bodyTooLarge: 413,
  bodyEncodingUnsupported: 415,
  verificationRequired: 403,
  verificationFailed: 403,
  tooManyAttempts: 429,
  downloadUsed: 410,
  downloadExpired: 410,
  federatedOnly: 403,
  notFound: 404,
  methodNotAllowed: 405,
};

export class ConsoleError extends Error {
  override readonly name = 'ConsoleError';
  readonly status: number;
  readonly code: string;

  constructor(
    key: ConsoleErrorKey,
    message: string,
    /** Response headers that go with this refusal (`Allow` on a 405, `Retry-After` on a 429). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.status = CONSOLE_ERROR_STATUS[key];
    this.code = CONSOLE_ERRORS[key];
  }
}

export interface ConsoleFailure {
  status: number;
  body: ConsoleErrorBody;
  /** Stable id for the journal: the IamError id or the CONSOLE.* code. */
  id: string;
  hint: string | null;
  headers?: Readonly<Record<string, string>>;
}

/**
 * Keystone-shaped errors carry the HTTP status as their code; their message is the useful code
 * when it is a bare word (`akSkNumExceed`).
 */
function codeOf(error: IamError): string {
  if (error.def.shape !== 'keystone') return error.def.code;
  return /^[A-Za-z]+$/.test(error.message) ? error.message : `HTTP.${error.status}`;
}

export function toFailure(thrown: unknown): ConsoleFailure {
  if (thrown instanceof ConsoleError) {
    return { status: thrown.status, body: { error_code: thrown.code, error_msg: thrown.message }, id: thrown.code, hint: null, headers: thrown.headers };
  }
  if (thrown instanceof IamError) {
    const message = thrown.hint ? `${thrown.message} ${thrown.hint}` : thrown.message;
    return { status: thrown.status, body: { error_code: codeOf(thrown), error_msg: message }, id: thrown.id, hint: thrown.hint ?? null };
  }
  // A bug: logged without request data (it may hold passwords or codes) and answered 500.
  console.error('iam-testbed console: internal error:', thrown instanceof Error ? thrown.stack : thrown);
  return {
    status: 500,
    body: { error_code: 'IAM.0006', error_msg: 'An unexpected error prevented the server from fulfilling your request. See the emulator output.' },
    id: 'INTERNAL',
    hint: null,
  };
}
