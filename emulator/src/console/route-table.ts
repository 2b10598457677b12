/**
 * @module console/route-table
 * Every console API route, and matching a method and path (relative to /console-api) to one.
 */
import { CONSOLE_ERRORS } from './contract.js';
import { ConsoleError } from './console-error.js';
import type { ConsoleRoute } from './console-route.js';
import { accessKeyRoutes } from './routes/access-key-routes.js';
import { credentialRoutes } from './routes/credential-routes.js';
import { securityRoutes } from './routes/security-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { temporaryKeyRoutes } from './routes/temporary-key-routes.js';

export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  ...sessionRoutes,
  ...credentialRoutes,
  ...accessKeyRoutes,
  ...temporaryKeyRoutes,
  ...securityRoutes,
];

export type RouteMatch = { kind: 'route'; route: ConsoleRoute; params: Record<string, string> } | { kind: 'error'; error: ConsoleError };

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.replace(/\/$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (!g) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

export function matchRoute(method: string, path: string): RouteMatch {
  const hits = CONSOLE_ROUTES.flatMap((route) => {
    const params = matchPath(route.path, path);
    return params ? [{ route, params }] : [];
  });
  // A literal segment beats a parameter (`/access-keys/download` before `/access-keys/:ak`).
  const exact = hits.filter((h) => h.route.method === method).sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length)[0];
  if (exact) return { kind: 'route', ...exact };
  if (hits.length > 0) {
    const allowed = [...new Set(hits.map((h) => h.route.method))].join(', ');
    return { kind: 'error', error: new ConsoleError(405, CONSOLE_ERRORS.notFound, `${method} is not supported on ${path}; use ${allowed}.`) };
  }
  return { kind: 'error', error: new ConsoleError(404, CONSOLE_ERRORS.notFound, `No console API at ${path}.`) };
}
