/**
 * @module http/api
 * Framework-neutral request and response, so the same routes, authentication and error handling
 * run behind Express (http/express-app.ts) and behind msw handlers in-process (msw/).
 */
import type { Caller } from '../domain/identity.js';
import type { CallerContext, DomainContext } from '../domain/context.js';
import type { ParsedQuery, QuerySpec } from './query-params.js';
import type { ValidationFamily } from './validation.js';
import type { Runtime } from '../runtime.js';
import type { TenantDoc } from '../domain/state.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS';

export interface ApiRequest {
  method: string;
  /** Path as received, still percent-encoded, without the query. */
  path: string;
  /** Query as received, without `?` ('' when none). */
  rawQuery: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  /** The exact body bytes (signatures hash them). */
  body: Uint8Array;
  /** `http://<Host header>`: where links in responses point. */
  baseUrl: string;
}

export interface ApiResponse {
  status: number;
  /** JSON-serialised when present; absent means no body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Close the connection without answering (an injected `drop` fault). */
  drop?: boolean;
}

/** What a route handler gets besides the request. */
export interface RouteContext {
  /** The whole runtime: for the control plane. Huawei API handlers use `tenant`, `domain` and `caller`. */
  rt: Runtime;
  /**
   * The document of the tenant this request works on (the route's `tenant`), inside a unit of
   * work: change it in place; the dispatcher commits every change durably before answering, or
   * undoes all of them when the handler throws. Null when the route works on no tenant.
   */
  tenant: TenantDoc | null;
  /** Decoded path parameters. */
  params: Readonly<Record<string, string>>;
  /** The query, checked against the route's `query` spec and typed (read it with `queryOf`). */
  query: ParsedQuery;
  /** Set when the route authenticates and the request carried a credential. */
  caller: Caller | null;
  domain: DomainContext;
  /** Adds fields to this request's journal entry (e.g. the session policy). */
  note(fields: Record<string, unknown>): void;
}

export type RouteAuth = 'required' | 'optional' | 'none';

/** What a tenant selector sees: the request and what authentication found. */
export type TenantSelector = 'caller' | 'none' | ((req: ApiRequest, ctx: Omit<RouteContext, 'tenant'>) => Promise<string | undefined>);

export interface Route {
  method: Exclude<HttpMethod, 'HEAD' | 'OPTIONS'> | 'HEAD';
  /** `/v3.0/OS-CREDENTIAL/credentials/:access_key` */
  path: string;
  /** Stable operation name (SDK method name where one exists): journal, faults, docs. */
  operation: string;
  auth: RouteAuth;
  /** Error shape for bad input on this route. */
  family: ValidationFamily;
  /**
   * The query parameters this route accepts (http/query-params.ts); absent = none. Anything
   * else (unknown, repeated, empty, malformed) is refused with a 400 before the handler runs.
   */
  query?: QuerySpec;
  /**
   * Which tenant the handler's unit of work opens: the caller's account (the default for routes
   * that require authentication), none (the default otherwise), or the one a function finds
   * (from the body, a path parameter, an index); undefined from it means none.
   */
  tenant?: TenantSelector;
  /** Part of the /_emulator control plane (Origin guard applies). */
  control?: boolean;
  /**
   * A control route that answers without `--control-token` (health, readiness): a Docker
   * HEALTHCHECK or a load balancer has no token. The Origin check (and, without a token, the
   * Host check) still applies.
   */
  openToHealthChecks?: boolean;
  handler(req: ApiRequest, ctx: RouteContext): ApiResponse | Promise<ApiResponse>;
}

/** The unit of work's document; throws if the route opened none (a route declaration bug). */
export function tenantDoc(ctx: RouteContext): TenantDoc {
  if (!ctx.tenant) throw new Error('route needs a tenant (its `tenant` selector found none)');
  return ctx.tenant;
}

/** The caller context for domain calls; throws if the route forgot `auth: 'required'`. */
export function callerContext(ctx: RouteContext): CallerContext {
  if (!ctx.caller) throw new Error('route needs auth: required');
  return { ...ctx.domain, caller: ctx.caller };
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): ApiResponse => ({ status, body, headers });
export const noContent = (): ApiResponse => ({ status: 204 });
