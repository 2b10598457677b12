/**
 * @module control/params
 * Small validation helpers for control-plane bodies (errors in the control shape, IAMTB.0002 /
 * IAMTB.0003, naming the field and what to send). Query parameters are declared on each route
 * and checked by the dispatcher (http/query-params.ts).
 */
import { IamError } from '../domain/errors.js';
import type { ApiRequest } from '../http/api.js';
import { bodyError, readJson } from '../http/validation.js';

export const invalid = (key: string, hint: string) =>
  new IamError('CONTROL_INVALID', { key, hint });

/** The JSON body, which must be an object (empty body → `{}`). */
export function readObject(req: ApiRequest): Record<string, unknown> {
  const body = readJson(req, 'control');
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw bodyError('control', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}
