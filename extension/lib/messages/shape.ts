/**
 * @module messages/shape
 * Small shape checks for data arriving from another context. Everything from a content script
 * or storage is `unknown` until it passes one of these.
 */
import { ExtensionError } from './errors';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function fail(what: string): never {
  throw new ExtensionError('BAD_MESSAGE', `Rejected a message: ${what}.`);
}

export function obj(v: unknown, what: string): Obj {
  return isObj(v) ? v : fail(`${what} must be an object`);
}

export function str(v: unknown, what: string, opts: { max?: number; re?: RegExp } = {}): string {
  if (typeof v !== 'string') fail(`${what} must be a string`);
  if (v.length > (opts.max ?? 4096)) fail(`${what} is too long`);
  if (opts.re && !opts.re.test(v)) fail(`${what} has the wrong shape`);
  return v;
}

export function optStr(
  v: unknown,
  what: string,
  opts: { max?: number; re?: RegExp } = {},
): string | undefined {
  return v === undefined ? undefined : str(v, what, opts);
}

export function num(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    fail(`${what} must be a number from ${min} to ${max}`);
  return v;
}

export function bool(v: unknown, what: string): boolean {
  return typeof v === 'boolean' ? v : fail(`${what} must be true or false`);
}

export function arr(v: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(v)) fail(`${what} must be a list`);
  if (v.length > max) fail(`${what} has more than ${max} entries`);
  return v;
}

export function oneOf<T extends string>(v: unknown, what: string, values: readonly T[]): T {
  return values.includes(v as T) ? (v as T) : fail(`${what} must be one of ${values.join(', ')}`);
}
