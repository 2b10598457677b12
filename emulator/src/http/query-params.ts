/**
 * @module http/query-params
 * Strict query parameters, one mechanism for the Huawei API and the control plane (the console API
 * applies its own wording to the same declarations: console/query-params.ts). Every Route
 * declares the parameters it accepts (`query: {name: param.…}`; none declared = none accepted),
 * and the dispatcher checks the query after authentication and before the handler
 * (docs/errors.md "Order of checks"). An unknown, repeated, empty, undecodable or malformed
 * parameter is a 400 in the route family's shape that names it and says what to send — never a
 * silent default: `POST /_emulator/reset?domain_id=` or `?domainid=X` used to reset every tenant.
 * Handlers read the checked, typed values: `queryOf(ctx, SPEC)`.
 *
 * Errors (docs/errors.md): an unknown name is `<FAMILY>_QUERY_UNKNOWN` (Huawei's IAM.0007 text
 * "Request parameter {key} is invalid."), a bad value the family's invalid-field entry; the
 * control plane uses CONTROL_INVALID for both. The hint is in the message and the hint header.
 */
import { IamError, type ErrorId } from '../domain/errors.js';
import type { Runtime } from '../runtime.js';
import type { ValidationFamily } from './validation.js';

interface Documented {
  /** For the OpenAPI document. */
  description: string;
}

export type QueryParam =
  | (Documented & { kind: 'string'; pattern?: RegExp; expected?: string })
  | (Documented & { kind: 'integer'; min: number; max: number | ((rt: Runtime) => number) })
  | (Documented & { kind: 'enum'; values: readonly string[] })
  | (Documented & { kind: 'boolean' });

export type QuerySpec = Readonly<Record<string, QueryParam>>;
/** Parameters that are strings (optionally of a pattern): what the console API declares. */
export type StringQueryParam = Extract<QueryParam, { kind: 'string' }>;
export type StringQuerySpec = Readonly<Record<string, StringQueryParam>>;
export type QueryValue = string | number | boolean;
export type ParsedQuery = Readonly<Record<string, QueryValue>>;

/** Parameter declarations; the literal types let `queryOf` type each value. */
export const param = {
  /** Any non-empty value, or one matching `shape.pattern` (described as `shape.expected`). */
  string: (description: string, shape?: { pattern: RegExp; expected: string }) =>
    ({ kind: 'string', description, ...shape }) as const,
  /** A whole number (digits only) from `min` to `max`; `max` may depend on the runtime. */
  integer: (min: number, max: number | ((rt: Runtime) => number), description: string) =>
    ({ kind: 'integer', min, max, description }) as const,
  /** `true` or `false`, as the SDKs send booleans. */
  boolean: (description: string) => ({ kind: 'boolean', description }) as const,
  enum: <const V extends readonly string[]>(values: V, description: string) =>
    ({ kind: 'enum', values, description }) as const,
};

type ValueOf<P> = P extends { kind: 'integer' }
  ? number
  : P extends { kind: 'boolean' }
    ? boolean
    : P extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V
      : string;
export type QueryValues<S extends QuerySpec> = { readonly [K in keyof S]?: ValueOf<S[K]> };

/** The checked query of a request, typed by the spec its route declares (pass that same spec). */
export function queryOf<S extends QuerySpec>(
  ctx: { query: ParsedQuery },
  _spec: S,
): QueryValues<S> {
  return ctx.query as QueryValues<S>;
}

const IDS: Record<ValidationFamily, { unknown: ErrorId; invalid: ErrorId }> = {
  keystone: { unknown: 'KEYSTONE_QUERY_UNKNOWN', invalid: 'KEYSTONE_INVALID' },
  iam: { unknown: 'IAM_QUERY_UNKNOWN', invalid: 'IAM_INVALID' },
  v5: { unknown: 'V5_QUERY_UNKNOWN', invalid: 'V5_INVALID' },
  control: { unknown: 'CONTROL_INVALID', invalid: 'CONTROL_INVALID' },
};

const show = (text: string) =>
  (text.length > 64 ? `${text.slice(0, 61)}...` : text).replace(/[\u0000-\u001f\u007f]/g, '?');

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

interface Pair {
  name: string;
  /** null: not valid percent-encoded UTF-8. */
  value: string | null;
  raw: string;
}

/** Percent-decoding only, as http/query.ts: a raw `+` stays a plus; `a` alone is `a=''`. */
function pairsOf(rawQuery: string): Pair[] {
  const pairs: Pair[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const i = part.indexOf('=');
    const rawName = i < 0 ? part : part.slice(0, i);
    const raw = i < 0 ? '' : part.slice(i + 1);
    pairs.push({ name: decode(rawName) ?? rawName, value: decode(raw), raw });
  }
  return pairs;
}

const squash = (name: string) =>
  name
    .toLowerCase()
    .replace(/\[\]$/, '')
    .replace(/[^a-z0-9]/g, '');

function listed(names: readonly string[]): string {
  if (names.length === 1) return `only ${names[0]}`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function unknownHint(name: string, spec: QuerySpec): string {
  const names = Object.keys(spec);
  if (names.length === 0) return 'This API takes no query parameters; remove it.';
  const near = names.find((n) => squash(n) === squash(name));
  return near
    ? `Did you mean '${near}'? This API takes ${listed(names)}.`
    : `Remove it: this API takes ${listed(names)}.`;
}

function expectedOf(p: QueryParam, rt: Runtime): string {
  switch (p.kind) {
    case 'integer':
      return `a whole number from ${p.min} to ${typeof p.max === 'function' ? p.max(rt) : p.max}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${p.values.join(', ')}`;
    default:
      return p.expected ?? 'a non-empty value';
  }
}

/** The value as its kind, or null when it does not fit. */
function convert(p: QueryParam, value: string, rt: Runtime): QueryValue | null {
  switch (p.kind) {
    case 'integer': {
      if (!/^\d+$/.test(value)) return null;
      const n = Number(value);
      return n >= p.min && n <= (typeof p.max === 'function' ? p.max(rt) : p.max) ? n : null;
    }
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : null;
    case 'enum':
      return p.values.includes(value) ? value : null;
    default:
      return !p.pattern || p.pattern.test(value) ? value : null;
  }
}

/** Checks the raw query against the route's spec; returns the typed values or throws the family's 400. */
export function checkQuery(
  rawQuery: string,
  spec: QuerySpec,
  family: ValidationFamily,
  rt: Runtime,
): ParsedQuery {
  const ids = IDS[family];
  const pairs = pairsOf(rawQuery);
  const declared = (name: string) => Object.prototype.hasOwnProperty.call(spec, name);
  const unknown = pairs.find((p) => !declared(p.name));
  if (unknown) {
    const hint = unknownHint(unknown.name, spec);
    throw new IamError(ids.unknown, { key: show(unknown.name), hint }, hint);
  }
  const refuse = (name: string, shown: string, problem: string) => {
    const hint =
      family === 'control'
        ? `the query parameter ${problem} (got "${shown}").`
        : `The query parameter ${problem}.`;
    return new IamError(ids.invalid, { key: name, value: shown, hint }, hint);
  };
  const given = new Map<string, string[]>();
  for (const pair of pairs) given.set(pair.name, [...(given.get(pair.name) ?? []), pair.raw]);
  const values: Record<string, QueryValue> = {};
  for (const pair of pairs) {
    const p = spec[pair.name] as QueryParam;
    const raws = given.get(pair.name) ?? [];
    if (raws.length > 1)
      throw refuse(pair.name, show(raws.join(',')), `must be given once, not ${raws.length} times`);
    if (pair.value === null)
      throw refuse(pair.name, show(pair.raw), 'must be valid percent-encoded UTF-8');
    if (pair.value === '')
      throw refuse(pair.name, '', `must not be empty: give ${expectedOf(p, rt)}`);
    const value = convert(p, pair.value, rt);
    if (value === null) throw refuse(pair.name, show(pair.value), `must be ${expectedOf(p, rt)}`);
    values[pair.name] = value;
  }
  return values;
}
