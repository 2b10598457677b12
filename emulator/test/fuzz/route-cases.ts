/**
 * @module Malformed requests derived from a route's description, the same way on every surface:
 * the route's valid request with exactly one thing broken — its body, its query, one path ID,
 * its method or its content type. Because everything else stays valid, the request reaches the
 * check under test (authentication, routing and the other fields pass).
 */
import fc from 'fast-check';
import type { AuthMode, FuzzCase, Surface } from './fuzz-case';
import { badPathId, badQuery, bodyMutations, nonJsonContentType, type BodySpec } from './values';

export interface RouteSpec {
  method: string;
  /** Path template, `{name}` for path parameters. */
  path: string;
  /** Path parameters and the shape of a well-formed value (the default comes from `values`). */
  params?: Readonly<Record<string, RegExp>>;
  body?: BodySpec;
  /** Query parameters the route defines; `numeric` ones take numbers. */
  query?: { known: readonly string[]; numeric?: readonly string[]; flags?: readonly string[] };
  /** How this route's valid request is authenticated. */
  auth: AuthMode;
  /** Extra headers of the valid request. */
  headers?: Readonly<Record<string, string>>;
}

export interface Surfaced {
  surface: Surface;
  routes: readonly RouteSpec[];
  /** Path parameter values of the valid request. */
  values: Readonly<Record<string, string>>;
  /** Prefix of every path (e.g. `/console-api`). */
  prefix?: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

export function fillPath(
  s: Surfaced,
  route: RouteSpec,
  override: Readonly<Record<string, string>> = {},
): string {
  const path = route.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => override[name] ?? s.values[name] ?? `missing-${name}`,
  );
  return `${s.prefix ?? ''}${path}`;
}

/** The route's valid request, labelled; callers break one thing in it. */
export function validCase(s: Surfaced, route: RouteSpec, category: string, note: string): FuzzCase {
  return {
    surface: s.surface,
    category,
    method: route.method,
    path: fillPath(s, route),
    query: '',
    body: route.body ? JSON.stringify(route.body.template) : '',
    headers: { ...route.headers },
    auth: route.auth,
    note,
  };
}

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

/** Whether a concrete path is one the surface serves (an "unknown path" must not be). */
export function servedPath(s: Surfaced, path: string): boolean {
  return s.routes.some((r) =>
    new RegExp(
      `^${(s.prefix ?? '') + r.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}/?$`,
    ).test(path),
  );
}

export function bodyCases(s: Surfaced): fc.Arbitrary<FuzzCase> {
  const withBody = s.routes.filter(
    (r): r is RouteSpec & { body: BodySpec } => r.body !== undefined,
  );
  return pick(withBody).chain((route) =>
    bodyMutations(route.body).map((m) => ({
      ...validCase(s, route, m.category, m.note),
      body: m.body,
    })),
  );
}

export function contentTypeCases(s: Surfaced): fc.Arbitrary<FuzzCase> {
  const withBody = s.routes.filter((r) => r.body !== undefined);
  return fc.tuple(pick(withBody), nonJsonContentType).map(([route, type]) => {
    const c = validCase(s, route, 'content-type', `a JSON body sent as ${type}`);
    return { ...c, headers: { ...c.headers, 'content-type': type } };
  });
}

export function queryCases(s: Surfaced): fc.Arbitrary<FuzzCase> {
  return pick(s.routes).chain((route) =>
    badQuery(route.query?.known ?? [], route.query?.numeric ?? [], route.query?.flags ?? []).map(
      ({ query, note }) => ({ ...validCase(s, route, 'query', note), query }),
    ),
  );
}

export function pathIdCases(s: Surfaced): fc.Arbitrary<FuzzCase> {
  const withParams = s.routes.filter((r) => Object.keys(r.params ?? {}).length > 0);
  return pick(withParams).chain((route) =>
    pick(Object.entries(route.params ?? {})).chain(([name, shape]) =>
      badPathId(shape).map((bad) => ({
        ...validCase(s, route, 'path-id', `malformed ${name}`),
        path: fillPath(s, route, { [name]: bad }),
      })),
    ),
  );
}

/** A method the path does not have (the route's other fields kept). */
export function wrongMethodCases(s: Surfaced): fc.Arbitrary<FuzzCase> {
  const options: FuzzCase[] = [];
  for (const route of s.routes) {
    const allowed = new Set(s.routes.filter((r) => r.path === route.path).map((r) => r.method));
    if (allowed.has('GET')) allowed.add('HEAD');
    for (const method of METHODS.filter((m) => !allowed.has(m))) {
      const c = validCase(
        s,
        route,
        'wrong-method',
        `${method} on a ${[...allowed].join('/')} path`,
      );
      if (!options.some((o) => o.method === method && o.path === c.path))
        options.push({ ...c, method });
    }
  }
  return pick(options);
}
