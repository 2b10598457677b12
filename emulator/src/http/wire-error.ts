/**
 * @module http/wire-error
 * Every refusal, whatever the surface, is answered through one interface and one renderer:
 * `WireError` (the status, the body in its shape, its journal code, id and hint, and the headers
 * that go with it) and `errorResponse`. `IamError` (domain/errors.ts: the Huawei and control
 * shapes) has that interface as it is; `ConsoleError` (console/console-error.ts: the console's
 * `{error_code, error_msg}`) implements it too. What a thrown value becomes on a surface is that
 * surface's choice: `huaweiWireError` here, `consoleWireError` for the console API.
 */
import { IamError } from '../domain/errors.js';
import { StoreError } from '../store/store-errors.js';
import type { ApiResponse } from './api.js';

export const HINT_HEADER = 'X-Iam-Testbed-Hint';

export interface WireError {
  readonly status: number;
  /** Stable internal id (journal `error_id`). */
  readonly id: string;
  /** The code the body shows (journal `error_code`). */
  readonly errorCode: string;
  /** The emulator's advice (journal `hint`). */
  readonly hint?: string;
  /** The body in this error's shape. */
  toBody(requestId: string): unknown;
  /**
   * The answer's headers (`Allow` on a 405, `Retry-After` on a 429). When absent, the Huawei
   * ones: the hint in `X-Iam-Testbed-Hint` (Huawei bodies keep Huawei's exact texts), and `Allow`
   * on a 405.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Header values must be one line of visible ASCII. */
export const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]+/g, ' ').slice(0, 1000);

function huaweiHeaders(error: WireError): Record<string, string> {
  const headers: Record<string, string> = {};
  if (error.hint) headers[HINT_HEADER] = headerSafe(error.hint);
  if (
    error instanceof IamError &&
    (error.id === 'METHOD_NOT_ALLOWED' || error.id === 'CONTROL_METHOD_NOT_ALLOWED')
  ) {
    headers.Allow = String(error.params.allowed ?? '').replace(/ /g, '');
  }
  return headers;
}

/** Renders an error in its shape, with its headers. */
export function errorResponse(error: WireError, requestId: string): ApiResponse {
  return {
    status: error.status,
    body: error.toBody(requestId),
    headers: error.headers ? { ...error.headers } : huaweiHeaders(error),
  };
}

/** What a thrown value is on the Huawei API and the control plane. */
export function huaweiWireError(thrown: unknown): WireError {
  if (thrown instanceof IamError) return thrown;
  // The caller's account went away between authentication and the change: as if its user were gone.
  if (thrown instanceof StoreError && thrown.code === 'STORE_TENANT_GONE') {
    return new IamError(
      'AUTH_USER_DISABLED',
      {},
      'The account no longer exists (deleted or reset away).',
    );
  }
  // Bugs and I/O failures: logged (never with request data, which may hold secrets) and answered 500.
  console.error('iam-testbed: internal error:', thrown instanceof Error ? thrown.stack : thrown);
  return new IamError(
    'INTERNAL',
    {},
    'This is an emulator bug or a store write failure; see the emulator output.',
  );
}

/** Whether the tenant a unit of work was to open no longer exists. */
export const isTenantGone = (thrown: unknown): boolean =>
  thrown instanceof StoreError && thrown.code === 'STORE_TENANT_GONE';
