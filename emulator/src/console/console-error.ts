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
 * console-error.test.ts. Messages say what went wrong and how to fix it. Both kinds are answered
 * through the dispatcher's one renderer (http/wire-error.ts): `consoleWireError` puts them in the
 * console's shape.
 */
import { IamError } from '../domain/errors.js';
import type { WireError } from '../http/wire-error.js';
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

export class ConsoleError extends Error implements WireError {
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

  /** The journal's `error_id`: the CONSOLE.* code. */
  get id(): string {
    return this.code;
  }

  get errorCode(): string {
    return this.code;
  }

  toBody(): ConsoleErrorBody {
    return { error_code: this.code, error_msg: this.message };
  }
}

/**
 * Keystone-shaped errors carry the HTTP status as their code; their message is the useful code
 * when it is a bare word (`akSkNumExceed`).
 */
function codeOf(error: IamError): string {
  if (error.def.shape !== 'keystone') return error.def.code;
  return /^[A-Za-z]+$/.test(error.message) ? error.message : `HTTP.${error.status}`;
}

/** A domain refusal as the console shows it: Huawei's code, its message and the hint in the body. */
function passedThrough(error: IamError): WireError {
  const body: ConsoleErrorBody = {
    error_code: codeOf(error),
    error_msg: error.hint ? `${error.message} ${error.hint}` : error.message,
  };
  return {
    status: error.status,
    id: error.id,
    errorCode: body.error_code,
    hint: error.hint,
    headers: {},
    toBody: () => body,
  };
}

const INTERNAL_BODY: ConsoleErrorBody = {
  error_code: 'IAM.0006',
  error_msg:
    'An unexpected error prevented the server from fulfilling your request. See the emulator output.',
};

/** What a thrown value is on the console API (the dispatcher renders it with errorResponse). */
export function consoleWireError(thrown: unknown): WireError {
  if (thrown instanceof ConsoleError) return thrown;
  if (thrown instanceof IamError) return passedThrough(thrown);
  // A bug: logged without request data (it may hold passwords or codes) and answered 500.
  console.error(
    'iam-testbed console: internal error:',
    thrown instanceof Error ? thrown.stack : thrown,
  );
  return {
    status: 500,
    id: 'INTERNAL',
    errorCode: INTERNAL_BODY.error_code,
    headers: {},
    toBody: () => INTERNAL_BODY,
  };
}
