/**
 * @module console/console-surface
 * How the one dispatcher (http/dispatch.ts) answers under `/console-api`: the console's error
 * shape (`{error_code, error_msg}`: CONSOLE.* codes, and domain refusals passed through with
 * Huawei's code), its 1 MB body limit, its own 404 and 405 (no HEAD from GET), `Cache-Control:
 * no-store` on every answer, and no query in the journal (the console sends none).
 */
import type { ApiRequest, ApiResponse } from '../http/api.js';
import type { Surface } from '../http/surface.js';
import { CONSOLE_API_BASE } from './contract.js';
import { ConsoleError, consoleWireError } from './console-error.js';
import { consoleBodyError, overLimit } from './request-body.js';

/** Whether `path` is `/console-api` or below it (case-sensitive, like every route). */
export const underConsoleApi = (path: string): boolean =>
  path.startsWith(CONSOLE_API_BASE) &&
  (path.length === CONSOLE_API_BASE.length || path[CONSOLE_API_BASE.length] === '/');

/** The path below `/console-api` (`/access-keys/…`; `/` for the base itself): what console messages name. */
export const consoleCallPath = (path: string): string => path.slice(CONSOLE_API_BASE.length) || '/';

export function consoleSurface(path: string): Surface {
  const call = consoleCallPath(path);
  return {
    // `/console-api` alone is journaled as `/console-api/`, as the console's Express router showed it.
    path: `${CONSOLE_API_BASE}${call}`,
    faults: false,
    bodyLimit: overLimit,
    bodyError: consoleBodyError,
    routingError(req: ApiRequest, match) {
      if (match.kind === 'not-found')
        return new ConsoleError('notFound', `No console API at ${call}.`);
      const allowed = match.allowed.join(', ');
      return new ConsoleError(
        'methodNotAllowed',
        `${req.method} is not supported on ${call}; use ${allowed}.`,
        { Allow: allowed },
      );
    },
    wireError: consoleWireError,
    finish(response: ApiResponse) {
      const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...response.headers };
      if (
        response.text === undefined &&
        response.body !== undefined &&
        !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')
      ) {
        headers['Content-Type'] = 'application/json; charset=utf-8';
      }
      response.headers = headers;
    },
    journalQuery: () => '',
  };
}
