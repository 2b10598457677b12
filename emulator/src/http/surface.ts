/**
 * @module http/surface
 * The two faces the dispatcher answers on, told apart by path before any route matches: the
 * Huawei surface (the emulated APIs and the /_emulator control plane: Huawei's error shapes,
 * injected faults, the hint header, the query in the journal) and the console surface
 * (`/console-api`, console/console-surface.ts: the console's `{error_code, error_msg}`, its own
 * body limit, `Cache-Control: no-store`, no query in the journal). Everything else — routing,
 * authentication, units of work, rendering, X-Request-Id, the journal — is the dispatcher's, once.
 */
import { CONSOLE_API_BASE } from '../console/contract.js';
import { consoleSurface, underConsoleApi } from '../console/console-surface.js';
import { IamError } from '../domain/errors.js';
import type { ApiRequest, ApiResponse, Route } from './api.js';
import { huaweiBodyError, type BodyRefusal } from './body-errors.js';
import type { Match, Router } from './router.js';
import { huaweiWireError, type WireError } from './wire-error.js';

/** Everything under this prefix is the emulator's own control plane. */
export const CONTROL_PREFIX = '/_emulator/';

export type NoMatch = Exclude<Match, { kind: 'route' }>;

export interface Surface {
  /** The path routes are matched against and the journal shows. */
  path: string;
  /** Whether injected faults apply (never to the control plane, whatever the surface). */
  faults: boolean;
  /** A refusal of the body beyond the adapters' own (the console's 1 MB). */
  bodyLimit(req: ApiRequest): BodyRefusal | null;
  bodyError(refusal: BodyRefusal): Error & WireError;
  /** 404 or 405. */
  routingError(req: ApiRequest, match: NoMatch): Error & WireError;
  /** What a thrown value is on this surface. */
  wireError(thrown: unknown): WireError;
  /** Last touches to every answer. */
  finish(response: ApiResponse): void;
  /** The query as the journal shows it. */
  journalQuery(req: ApiRequest): string;
}

/** Query strings carry no secrets in these APIs, but be safe with anything token-like. */
function redactQuery(q: string): string {
  if (q === '') return q;
  return q.replace(/((?:token|secret|password)[^=&]*=)[^&]*/gi, '$1***');
}

function huaweiRoutingError(req: ApiRequest, match: NoMatch): IamError {
  const control = req.path.startsWith(CONTROL_PREFIX);
  if (match.kind === 'not-found') {
    return control
      ? new IamError('CONTROL_UNKNOWN_PATH', { path: req.path.slice(0, 200) })
      : new IamError(
          'API_NOT_FOUND',
          {},
          `No emulated API at ${req.method} ${req.path}; see docs/architecture.md for the list.`,
        );
  }
  const params = { method: req.method, path: req.path, allowed: match.allowed.join(', ') };
  return new IamError(control ? 'CONTROL_METHOD_NOT_ALLOWED' : 'METHOD_NOT_ALLOWED', params);
}

const huaweiSurface = (path: string): Surface => ({
  path,
  faults: !path.startsWith(CONTROL_PREFIX),
  bodyLimit: () => null,
  bodyError: huaweiBodyError,
  routingError: huaweiRoutingError,
  wireError: huaweiWireError,
  finish: () => undefined,
  journalQuery: (req) => redactQuery(req.rawQuery),
});

/** The surface of a request: the console's when the table serves the console API and the path is below it. */
export function surfaceOf(router: Router<Route>, path: string): Surface {
  return underConsoleApi(path) && router.servesUnder(CONSOLE_API_BASE)
    ? consoleSurface(path)
    : huaweiSurface(path);
}
