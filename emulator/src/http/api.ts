/**
 * @module http/api
 * Framework-neutral request and response, and the one route type every call is served by — the
 * Huawei API, the control plane and the console API — so the same dispatcher (http/dispatch.ts)
 * runs behind Express (http/express-app.ts) and behind msw handlers in-process (msw/).
 *
 * A route's kind decides what its handler may reach. A Huawei API handler gets its tenant's unit
 * of work, the caller, the clock and random source (`RouteContext`), never the runtime; a console
 * handler gets the same plus the console's session and books (`ConsoleContext`); only the
 * control plane, which manages the whole emulator, gets the runtime (`ControlContext`).
 */
import type { ConsoleContext } from '../console/console-context.js';
import type { CallerContext, DomainContext } from '../domain/context.js';
import type { Caller } from '../domain/identity.js';
import type { TenantDoc } from '../domain/state.js';
import type { AuthMode, Runtime } from '../runtime.js';
import type { StorePort } from '../store/port.js';
import type { ParsedQuery, QuerySpec, StringQuerySpec } from './query-params.js';
import type { ValidationFamily } from './validation.js';

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
  /** A body sent as is (a CSV download); its Content-Type is in `headers`. Wins over `body`. */
  text?: string;
  headers?: Record<string, string>;
  /** Close the connection without answering (an injected `drop` fault). */
  drop?: boolean;
}

/** What every handler gets besides the request. */
export interface HandlerContext {
  /** Decoded path parameters. */
  params: Readonly<Record<string, string>>;
  /** The query, checked against the route's `query` spec and typed (read it with `queryOf`). */
  query: ParsedQuery;
  /** The emulator clock and the random source. */
  domain: DomainContext;
  /** Adds fields to this request's journal entry (never secrets). */
  note(fields: Record<string, unknown>): void;
}

/** What a Huawei API handler gets: its tenant's unit of work and the caller; never the runtime. */
export interface RouteContext extends HandlerContext {
  /**
   * The document of the tenant this request works on (the route's `tenant`), inside a unit of
   * work: change it in place; the dispatcher commits every change durably before answering, or
   * undoes all of them when the handler throws. Null when the route works on no tenant.
   */
  tenant: TenantDoc | null;
  /** Set when the route authenticates and the request carried a credential. */
  caller: Caller | null;
  /** `--auth`: lenient mode accepts what strict mode refuses (and says why in the journal). */
  authMode: AuthMode;
}

/** What a control-plane handler gets: the whole runtime, which it manages. */
export interface ControlContext extends HandlerContext {
  rt: Runtime;
}

/** What a tenant selector may ask of the store: which tenant holds a key, and a read. */
export type TenantLookup = Pick<StorePort, 'findTenant' | 'read'>;

/** What a tenant selector sees: the handler's context before its unit of work, and the lookup. */
export type SelectorContext<C extends { tenant: TenantDoc | null } = RouteContext> = Omit<
  C,
  'tenant'
> & { tenants: TenantLookup };

/**
 * Which tenant the handler's unit of work opens: the caller's account (`caller`: the signed-in
 * user's on the console), none, or the one a function finds (from the body, a path parameter, an
 * index); undefined from it means none.
 */
export type TenantSelector<C extends { tenant: TenantDoc | null } = RouteContext> =
  'caller' | 'none' | ((req: ApiRequest, ctx: SelectorContext<C>) => Promise<string | undefined>);

interface RouteCommon {
  method: Exclude<HttpMethod, 'HEAD' | 'OPTIONS'> | 'HEAD';
  /** `/v3.0/OS-CREDENTIAL/credentials/:access_key` */
  path: string;
  /** Stable operation name (SDK method name where one exists): journal, faults, docs. */
  operation: string;
}

/** A Huawei API route: AK/SK or token authentication, Huawei error shapes. */
export interface ApiRoute extends RouteCommon {
  auth: 'required' | 'optional' | 'none';
  /** Error shape for bad input on this route. */
  family: Exclude<ValidationFamily, 'control'>;
  /**
   * The query parameters this route accepts (http/query-params.ts); absent = none. Anything
   * else (unknown, repeated, empty, malformed) is refused with a 400 before the handler runs.
   */
  query?: QuerySpec;
  /** Default: the caller's account when the route requires authentication, else none. */
  tenant?: TenantSelector;
  control?: undefined;
  handler(req: ApiRequest, ctx: RouteContext): ApiResponse | Promise<ApiResponse>;
}

/** A route of the /_emulator control plane: the control guard instead of authentication. */
export interface ControlRoute extends RouteCommon {
  auth: 'none';
  family: 'control';
  control: true;
  query?: QuerySpec;
  /**
   * Answers without `--control-token` (health, readiness): a Docker HEALTHCHECK or a load
   * balancer has no token. The Origin check (and, without a token, the Host check) still applies.
   */
  openToHealthChecks?: boolean;
  handler(req: ApiRequest, ctx: ControlContext): ApiResponse | Promise<ApiResponse>;
}

/**
 * A console API route (under /console-api): the console session's cookie, CSRF on every
 * state-changing call, a JSON body, and the console's error shape (`CONSOLE.*`).
 */
export interface ConsoleApiRoute extends RouteCommon {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  auth: 'session';
  family: 'console';
  /** `anonymous`: no sign-in needed (session, login); `user`: a signed-in user. */
  access: 'anonymous' | 'user';
  /** The query parameters accepted (console/query-params.ts); absent = none. */
  query?: StringQuerySpec;
  /** Default: the signed-in user's account for `access: 'user'`, else none. */
  tenant?: TenantSelector<ConsoleContext>;
  control?: undefined;
  handler(req: ApiRequest, ctx: ConsoleContext): ApiResponse | Promise<ApiResponse>;
}

export type Route = ApiRoute | ControlRoute | ConsoleApiRoute;

/** The unit of work's document; throws if the route opened none (a route declaration bug). */
export function tenantDoc(ctx: { tenant: TenantDoc | null }): TenantDoc {
  if (!ctx.tenant) throw new Error('route needs a tenant (its `tenant` selector found none)');
  return ctx.tenant;
}

/** The caller context for domain calls; throws if the route forgot `auth: 'required'`. */
export function callerContext(ctx: RouteContext): CallerContext {
  if (!ctx.caller) throw new Error('route needs auth: required');
  return { ...ctx.domain, caller: ctx.caller };
}

export const json = (
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): ApiResponse => ({ status, body, headers });
export const noContent = (): ApiResponse => ({ status: 204 });
