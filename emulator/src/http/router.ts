/**
 * @module http/router
 * Matches a method and raw path against the route table. Literal segments match exactly
 * (case-sensitive, as Huawei's gateway does); `:name` segments match one non-empty segment and
 * are percent-decoded. A path that exists with other methods yields `allowed` (for 405).
 */
import type { Route } from './api.js';

interface Compiled {
  route: Route;
  segments: string[];
}

export type Match =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

const split = (path: string) => {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
};

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? '';
    const a = actual[i] ?? '';
    if (p.startsWith(':')) {
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

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: split(route.path) }));
  }

  match(method: string, path: string): Match {
    const actual = split(path);
    const hits = this.compiled.flatMap((c) => {
      const params = matchSegments(c.segments, actual);
      return params ? [{ route: c.route, params }] : [];
    });
    const exact = hits.find((h) => h.route.method === method) ?? (method === 'HEAD' ? hits.find((h) => h.route.method === 'GET') : undefined);
    if (exact) return { kind: 'route', ...exact };
    if (hits.length === 0) return { kind: 'not-found' };
    const allowed = new Set(hits.map((h) => h.route.method));
    if (allowed.has('GET')) allowed.add('HEAD');
    return { kind: 'method-not-allowed', allowed: [...allowed].sort() };
  }
}
