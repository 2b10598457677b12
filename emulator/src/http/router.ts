/**
 * @module http/router
 * Matches a method and raw path against a route table: the Huawei API, the control plane and the
 * console API (`Route`, http/api.ts; `routerFor` builds the dispatcher's). Literal segments match exactly
 * (case-sensitive, as Huawei's gateway does); `:name` segments match one non-empty segment and
 * are percent-decoded; one trailing `/` is tolerated. Where several patterns fit, a literal
 * segment beats a parameter (`/access-keys/download` before `/access-keys/:ak`). A path that
 * exists with other methods yields `allowed` (for 405). Patterns are split once, at construction.
 */
import type { Route } from './api.js';

/** What the router needs of a route. */
export interface RoutePattern {
  method: string;
  /** `/literal/:param/…` */
  path: string;
}

export interface RouterOptions<R> {
  /**
   * Answer `HEAD` with the `GET` route (and list HEAD in `allowed` where GET is), for every route
   * or for those the function picks. @default true
   */
  headFromGet?: boolean | ((route: R) => boolean);
}

interface Compiled<R> {
  route: R;
  segments: string[];
}

export type Match<R extends RoutePattern = Route> =
  | { kind: 'route'; route: R; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

const split = (path: string) => {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
};

const isParam = (segment: string) => segment.startsWith(':');

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? '';
    const a = actual[i] ?? '';
    if (isParam(p)) {
      if (a === '') return null;
      try {
        params[p.slice(1)] = decodeURIComponent(a);
      } catch {
        return null;
      }
    } else if (p !== a) {
      return null;
    }
  }
  return params;
}

/**
 * A total order in which, among patterns of one length (only those can fit the same path), the
 * first segment where one is literal and the other a parameter decides: literal first.
 */
function bySpecificity<R>(a: Compiled<R>, b: Compiled<R>): number {
  if (a.segments.length !== b.segments.length) return a.segments.length - b.segments.length;
  for (let i = 0; i < a.segments.length; i++) {
    const pa = isParam(a.segments[i] ?? '');
    const pb = isParam(b.segments[i] ?? '');
    if (pa !== pb) return pa ? 1 : -1;
  }
  return 0;
}

export class Router<R extends RoutePattern = Route> {
  private readonly compiled: Compiled<R>[];
  private readonly headFromGet: (route: R) => boolean;
  private readonly prefixes = new Map<string, boolean>();

  constructor(routes: readonly R[], options: RouterOptions<R> = {}) {
    // Sorted once (stable: equally specific routes keep their table order), so the first hit wins.
    this.compiled = routes
      .map((route) => ({ route, segments: split(route.path) }))
      .sort(bySpecificity);
    const head = options.headFromGet ?? true;
    this.headFromGet = typeof head === 'function' ? head : () => head;
  }

  /** Whether some route's path is `prefix` or below it (asked once per prefix, then remembered). */
  servesUnder(prefix: string): boolean {
    let serves = this.prefixes.get(prefix);
    if (serves === undefined) {
      serves = this.compiled.some(
        (c) => c.route.path === prefix || c.route.path.startsWith(`${prefix}/`),
      );
      this.prefixes.set(prefix, serves);
    }
    return serves;
  }

  match(method: string, path: string): Match<R> {
    const actual = split(path);
    const hits: Array<{ route: R; params: Record<string, string> }> = [];
    for (const c of this.compiled) {
      const params = matchSegments(c.segments, actual);
      if (params) hits.push({ route: c.route, params });
    }
    const isHeadOfGet = (route: R) => route.method === 'GET' && this.headFromGet(route);
    const exact =
      hits.find((h) => h.route.method === method) ??
      (method === 'HEAD' ? hits.find((h) => isHeadOfGet(h.route)) : undefined);
    if (exact) return { kind: 'route', ...exact };
    if (hits.length === 0) return { kind: 'not-found' };
    const allowed = new Set(hits.map((h) => h.route.method));
    if (hits.some((h) => isHeadOfGet(h.route))) allowed.add('HEAD');
    return { kind: 'method-not-allowed', allowed: [...allowed].sort() };
  }
}

/** The dispatcher's router: HEAD works wherever GET does, except on the console API (a 405 there). */
export const routerFor = (routes: readonly Route[]): Router<Route> =>
  new Router(routes, { headFromGet: (route) => route.family !== 'console' });
