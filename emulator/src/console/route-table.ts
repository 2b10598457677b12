/**
 * @module console/route-table
 * Every console API route, and matching a method and path (relative to /console-api) to one
 * with the router the Huawei API uses (http/router.ts).
 */
import { Router } from '../http/router.js';
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

// Built once; the console has no HEAD routes (a HEAD is a 405 naming the methods there are).
const ROUTER = new Router<ConsoleRoute>(CONSOLE_ROUTES, { headFromGet: false });

/** The route for a method and a path relative to /console-api, or the console's 404/405. */
export function matchRoute(method: string, path: string): RouteMatch {
  const match = ROUTER.match(method, path);
  if (match.kind === 'route') return match;
  if (match.kind === 'method-not-allowed') {
    const allowed = match.allowed.join(', ');
    return {
      kind: 'error',
      error: new ConsoleError('methodNotAllowed', `${method} is not supported on ${path}; use ${allowed}.`, { Allow: allowed }),
    };
  }
  return { kind: 'error', error: new ConsoleError('notFound', `No console API at ${path}.`) };
}
