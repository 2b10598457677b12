/**
 * @module What every answer to a malformed request must be: a 4xx (no 5xx; a 2xx means the bad
 * input was accepted), with `X-Request-Id`, and a JSON body in one of the documented error shapes
 * (docs/errors.md "Body shapes") whose code is in the catalogue — the API/control catalogue
 * (`ERRORS`) for the Huawei paths and `/_emulator`, any code documented in docs/errors.md for the
 * console. Returns the problems found ([] when the answer is right).
 */
import { readFileSync } from 'node:fs';
import { ERRORS, type ErrorDef } from '../../src/domain/errors';
import type { RawResult } from '../support/raw';
import type { FuzzCase } from './fuzz-case';

const DOC = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
export const documented = (code: string): boolean => DOC.includes(`\`${code}\``);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A catalogue message template as a pattern: each `{name}` may be anything (or nothing). */
const pattern = (def: ErrorDef) =>
  new RegExp(
    `^${def.message
      .split(/\{\w+\}/)
      .map(escape)
      .join('[\\s\\S]*')}$`,
  );
const DEFS = Object.values(ERRORS as Record<string, ErrorDef>).map((def) => ({
  ...def,
  re: pattern(def),
}));

type Body = Record<string, unknown>;
const isObj = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);
const keysAre = (v: Body, keys: string[]) =>
  Object.keys(v).sort().join(',') === [...keys].sort().join(',');

/** The catalogue entries a body could be, by shape, status, code and message. */
function entriesFor(shapes: ErrorDef['shape'][], status: number, code: string, message: string) {
  return DEFS.filter(
    (d) =>
      shapes.includes(d.shape) &&
      d.status === status &&
      (d.shape === 'keystone' || d.code === code) &&
      d.re.test(message),
  );
}

function shapeProblem(c: FuzzCase, res: RawResult): string | null {
  const body: unknown = res.json;
  if (!isObj(body)) return `body is not a JSON object: ${res.text.slice(0, 120)}`;
  const { status } = res;
  if (c.surface === 'console') {
    if (!keysAre(body, ['error_code', 'error_msg']))
      return `not the console shape {error_code,error_msg}: keys ${Object.keys(body).join(',')}`;
    if (typeof body.error_code !== 'string' || !documented(body.error_code))
      return `console code ${JSON.stringify(body.error_code)} is not in docs/errors.md`;
    return typeof body.error_msg === 'string' && body.error_msg !== '' ? null : 'empty error_msg';
  }
  if (isObj(body.error) && keysAre(body, ['error'])) {
    if (c.surface === 'control') return 'keystone shape on a control-plane path';
    const e = body.error;
    if (
      !keysAre(e, ['code', 'message', 'title']) ||
      e.code !== status ||
      typeof e.message !== 'string' ||
      typeof e.title !== 'string'
    ) {
      return `malformed keystone body (code must be the status ${status})`;
    }
    return entriesFor(['keystone'], status, String(status), e.message).length > 0
      ? null
      : `keystone ${status} "${e.message.slice(0, 80)}" matches no catalogue entry`;
  }
  if (typeof body.error_code !== 'string' || typeof body.error_msg !== 'string')
    return `no error_code/error_msg strings: ${res.text.slice(0, 120)}`;
  const { error_code: code, error_msg: msg } = body;
  if (keysAre(body, ['error_code', 'error_msg', 'request_id'])) {
    if (body.request_id !== res.requestId) return 'request_id differs from X-Request-Id';
    const shapes: ErrorDef['shape'][] = c.surface === 'control' ? ['apig'] : ['apig', 'v5'];
    return entriesFor(shapes, status, code, msg).length > 0
      ? null
      : `${status} ${code} "${msg.slice(0, 80)}" matches no ${shapes.join('/')} catalogue entry`;
  }
  if (!keysAre(body, ['error_code', 'error_msg']))
    return `unexpected keys ${Object.keys(body).join(',')}`;
  const shapes: ErrorDef['shape'][] = c.surface === 'control' ? ['control'] : ['iam'];
  return entriesFor(shapes, status, code, msg).length > 0
    ? null
    : `${status} ${code} "${msg.slice(0, 80)}" matches no ${shapes[0]} catalogue entry`;
}

export function answerProblems(c: FuzzCase, res: RawResult): string[] {
  if (res.status >= 500) return [`5xx (${res.status})`];
  if (res.status < 400) return [`accepted: ${res.status} for malformed input`];
  const problems: string[] = [];
  if (!res.requestId) problems.push('no X-Request-Id');
  const shape = shapeProblem(c, res);
  if (shape) problems.push(shape);
  return problems;
}
