/**
 * @module control/params
 * Small validation helpers for control-plane queries and bodies (errors in the control shape,
 * IAMTB.0002 / IAMTB.0003, naming the field and what to send).
 */
import { IamError } from '../domain/errors.js';
import type { ApiRequest } from '../http/api.js';
import { bodyError, readJson } from '../http/validation.js';

export const invalid = (key: string, hint: string) => new IamError('CONTROL_INVALID', { key, hint });

/** The JSON body, which must be an object (empty body → `{}`). */
export function readObject(req: ApiRequest): Record<string, unknown> {
  const body = readJson(req, 'control');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bodyError('control', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** An optional whole-number query parameter within [min, max]. */
export function intParam(req: ApiRequest, name: string, min: number, max: number): number | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw invalid(name, `must be a whole number from ${min} to ${max}, got "${raw.slice(0, 40)}".`);
  return n;
}

/** An optional string query parameter (first value), trimmed; '' counts as absent. */
export function stringParam(req: ApiRequest, name: string): string | undefined {
  const raw = req.query.get(name)?.trim();
  return raw ? raw : undefined;
}
