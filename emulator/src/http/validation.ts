/**
 * @module http/validation
 * Request bodies are validated with zod schemas (each defined once, beside its route); query
 * parameters are declared on the route and checked by the dispatcher (http/query-params.ts). Failures become the error shape of the route's family and say exactly which field is
 * wrong and what would be right — with Huawei's/Keystone's texts at the front.
 */
import type { z } from 'zod';
import { IamError, type ErrorId } from '../domain/errors.js';
import type { ApiRequest } from './api.js';

export type ValidationFamily = 'keystone' | 'iam' | 'v5' | 'control';

const IDS: Record<
  ValidationFamily,
  { required: ErrorId; invalid: ErrorId; unknown: ErrorId; body: ErrorId }
> = {
  keystone: {
    required: 'KEYSTONE_REQUIRED',
    invalid: 'KEYSTONE_INVALID',
    unknown: 'KEYSTONE_UNKNOWN_FIELD',
    body: 'KEYSTONE_BODY_INVALID',
  },
  iam: {
    required: 'IAM_REQUIRED',
    invalid: 'IAM_INVALID',
    unknown: 'IAM_UNKNOWN_FIELD',
    body: 'IAM_BODY_INVALID',
  },
  v5: {
    required: 'V5_REQUIRED',
    invalid: 'V5_INVALID',
    unknown: 'V5_UNKNOWN_FIELD',
    body: 'V5_BODY_INVALID',
  },
  control: {
    required: 'CONTROL_INVALID',
    invalid: 'CONTROL_INVALID',
    unknown: 'CONTROL_INVALID',
    body: 'CONTROL_BODY_INVALID',
  },
};

export function bodyError(family: ValidationFamily, hint: string): IamError {
  return new IamError(IDS[family].body, { hint });
}

const JSON_TYPE_RE = /^application\/([\w.+-]+\+)?json$/i;

/**
 * The body as JSON: empty means `{}` (so missing fields are reported by name); a non-JSON
 * Content-Type or malformed JSON is a body error.
 */
export function readJson(req: ApiRequest, family: ValidationFamily): unknown {
  const text = Buffer.from(req.body).toString('utf8');
  if (text.trim() === '') return {};
  const type = req.headers['content-type']?.split(';')[0]?.trim();
  if (type && !JSON_TYPE_RE.test(type)) {
    throw bodyError(
      family,
      `Content-Type is ${type}; send JSON with Content-Type: application/json.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw bodyError(family, `It is not valid JSON: ${(error as Error).message}.`);
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 64 ? `${text.slice(0, 61)}...` : text;
}

const ARTICLE: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  integer: 'an integer',
};
const expected = (type: string) => ARTICLE[type] ?? `a ${type}`;

function hintOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${expected(issue.expected)}.`;
    case 'invalid_value':
      return `Expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    default:
      return issue.message.endsWith('.') ? `It ${issue.message}` : `It ${issue.message}.`;
  }
}

/**
 * Turns the first zod issue into the family's error. `wrapper` (e.g. 'credential') is dropped
 * from field names, as Huawei reports `'operation_protection'`, not `'protect_policy.operation_protection'`.
 */
export function issueToError(
  issue: z.core.$ZodIssue,
  input: unknown,
  family: ValidationFamily,
  wrapper?: string,
): IamError {
  const ids = IDS[family];
  const path = issue.path;
  const named =
    wrapper !== undefined && path[0] === wrapper && path.length > 1 ? path.slice(1) : path;
  const key = named.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? '';
    const where = key === '' ? 'the body' : `'${key}'`;
    return new IamError(ids.unknown, {
      key: field,
      hint: `${where} does not take '${field}'; remove it.`,
    });
  }
  if (path.length === 0) return bodyError(family, 'The body must be a JSON object.');
  const value = valueAt(input, path);
  if (value === undefined)
    return new IamError(ids.required, { key, hint: hintOf(issue).replace(/^Expected/, 'Give') });
  return new IamError(ids.invalid, { key, value: show(value), hint: hintOf(issue) });
}

/** Validates `input` against `schema`, throwing the family's error for the first problem. */
export function validate<T extends z.ZodType>(
  schema: T,
  input: unknown,
  family: ValidationFamily,
  wrapper?: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  if (!first) throw bodyError(family, 'It is invalid.');
  throw issueToError(first, input, family, wrapper);
}
