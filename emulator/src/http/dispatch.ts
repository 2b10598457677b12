/**
 * @module http/dispatch
 * One request, start to finish, without any web framework: route, inject faults, guard the
 * control plane, authenticate, check the query parameters, run the handler in its tenant's unit
 * of work (committed before the answer, undone on error), shape errors,
 * add `X-Request-Id`, journal it. Express (http/express-app.ts) and msw (msw/) are thin adapters
 * around it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { IamError } from '../domain/errors.js';
import { hex } from '../domain/random.js';
import { domainContext, type Runtime } from '../runtime.js';
import type { ApiRequest, ApiResponse, Route, RouteContext } from './api.js';
import { authenticate, AuthFailure, type Authenticated } from './auth/authenticate.js';
import { checkControlAccess } from './control-access.js';
import type { FaultRule } from '../testbed/faults.js';
import type { JournalAuth } from '../testbed/journal.js';
import { checkQuery, type QuerySpec } from './query-params.js';
import { StoreError } from '../store/store-errors.js';
import type { Match, Router } from './router.js';

/** Everything under this prefix is the emulator's own control plane. */
export const CONTROL_PREFIX = '/_emulator/';

export const HINT_HEADER = 'X-Iam-Testbed-Hint';
export const AUTH_WARNING_HEADER = 'X-Iam-Testbed-Auth-Warning';

const NO_AUTH: JournalAuth = { scheme: 'none', verdict: 'none', reason: null, message: null };
const NO_QUERY: QuerySpec = {};

/** Header values must be one line of visible ASCII. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]+/g, ' ').slice(0, 1000);

export function newRequestId(rt: Runtime): string {
  return hex(rt.requestIds, 16);
}

/** Renders an error in its Huawei shape. */
export function errorResponse(error: IamError, requestId: string): ApiResponse {
  const headers: Record<string, string> = {};
  if (error.hint) headers[HINT_HEADER] = headerSafe(error.hint);
  if (error.id === 'METHOD_NOT_ALLOWED' || error.id === 'CONTROL_METHOD_NOT_ALLOWED') headers.Allow = String(error.params.allowed ?? '').replace(/ /g, '');
  return { status: error.status, body: error.toBody(requestId), headers };
}

interface Outcome {
  response: ApiResponse;
  route: Route | null;
  auth: JournalAuth;
  accessKey: string | null;
  error: IamError | null;
  notes: Record<string, unknown>;
}

function routingError(req: ApiRequest, match: Exclude<Match, { kind: 'route' }>): IamError {
  const control = req.path.startsWith(CONTROL_PREFIX);
  if (match.kind === 'not-found') {
    return control
      ? new IamError('CONTROL_UNKNOWN_PATH', { path: req.path.slice(0, 200) })
      : new IamError('API_NOT_FOUND', {}, `No emulated API at ${req.method} ${req.path}; see docs/architecture.md for the list.`);
  }
  const params = { method: req.method, path: req.path, allowed: match.allowed.join(', ') };
  return new IamError(control ? 'CONTROL_METHOD_NOT_ALLOWED' : 'METHOD_NOT_ALLOWED', params);
}

/** An injected fault's answer: latency, then a drop, an error, or nothing (run normally). */
async function applyFault(rule: FaultRule, requestId: string): Promise<ApiResponse | null> {
  if (rule.latency_ms > 0) await sleep(rule.latency_ms);
  if (rule.action === 'drop') return { status: 0, drop: true };
  if (rule.status === null) return null;
  const fallback = new IamError('FAULT_INJECTED', { rule: rule.id });
  const body = { error_code: rule.error_code ?? fallback.errorCode, error_msg: rule.error_msg ?? fallback.message, request_id: requestId };
  return { status: rule.status, body };
}

async function run(rt: Runtime, router: Router, req: ApiRequest, requestId: string): Promise<Outcome> {
  const notes: Record<string, unknown> = {};
  const out = (response: ApiResponse, extra: Partial<Outcome> = {}): Outcome => ({ response, route: null, auth: NO_AUTH, accessKey: null, error: null, notes, ...extra });
  const match = router.match(req.method, req.path);
  const route = match.kind === 'route' ? match.route : null;
  if (!route?.control && !req.path.startsWith(CONTROL_PREFIX)) {
    const rule = rt.faults.pick({ method: req.method, path: req.path, operation: route?.operation ?? null });
    if (rule) {
      notes.fault = rule.id;
      const faulted = await applyFault(rule, requestId);
      if (faulted) return out(faulted, { route, notes: { ...notes, fault_action: rule.action } });
    }
  }
  if (match.kind !== 'route') {
    const error = routingError(req, match);
    return out(errorResponse(error, requestId), { error });
  }
  const { params } = match;
  const matched = match.route;
  let authn: Authenticated | null = null;
  try {
    if (matched.control) checkControlAccess(rt, req, { tokenExempt: matched.openToHealthChecks === true });
    if (matched.auth !== 'none') authn = await authenticate(rt, req, matched.auth === 'required');
    // After authentication (as Huawei's gateway answers 401 before the API sees its parameters),
    // before the handler: a refused query changes nothing.
    const query = checkQuery(req.rawQuery, matched.query ?? NO_QUERY, matched.family, rt);
    const base = { rt, params, query, caller: authn?.caller ?? null, domain: domainContext(rt), note: (f: Record<string, unknown>) => Object.assign(notes, f) };
    const tenant = await selectTenant(matched, req, base);
    const response =
      tenant === undefined
        ? await matched.handler(req, { ...base, tenant: null })
        : await rt.store.transact(tenant, (doc) => matched.handler(req, { ...base, tenant: doc }));
    if (authn?.warning) response.headers = { ...response.headers, [AUTH_WARNING_HEADER]: headerSafe(`${authn.warning.id}: ${authn.warning.message}`) };
    return out(response, { route: matched, auth: authn?.auth ?? NO_AUTH, accessKey: authn?.accessKey ?? null });
  } catch (thrown) {
    const failure = thrown instanceof AuthFailure ? thrown : null;
    const error = failure?.error ?? (thrown instanceof IamError ? thrown : storeRefusal(thrown) ?? internal(thrown));
    return out(errorResponse(error, requestId), {
      route: matched,
      error,
      auth: failure?.auth ?? authn?.auth ?? NO_AUTH,
      accessKey: failure?.accessKey ?? authn?.accessKey ?? null,
    });
  }
}

/** The tenant a route's unit of work opens (RouteContext.tenant). */
async function selectTenant(route: Route, req: ApiRequest, ctx: Omit<RouteContext, 'tenant'>): Promise<string | undefined> {
  const selector = route.tenant ?? (route.auth === 'required' ? 'caller' : 'none');
  if (selector === 'none') return undefined;
  if (selector === 'caller') return ctx.caller?.domain_id;
  return selector(req, ctx);
}

/** The caller's account went away between authentication and the change: as if its user were gone. */
function storeRefusal(thrown: unknown): IamError | null {
  if (thrown instanceof StoreError && thrown.code === 'STORE_TENANT_GONE') {
    return new IamError('AUTH_USER_DISABLED', {}, 'The account no longer exists (deleted or reset away).');
  }
  return null;
}

function internal(thrown: unknown): IamError {
  // Bugs and I/O failures: logged (never with request data, which may hold secrets) and answered 500.
  console.error('iam-testbed: internal error:', thrown instanceof Error ? thrown.stack : thrown);
  return new IamError('INTERNAL', {}, 'This is an emulator bug or a store write failure; see the emulator output.');
}

/** Handles one request; never throws. */
export async function dispatch(rt: Runtime, router: Router, req: ApiRequest): Promise<ApiResponse> {
  const requestId = newRequestId(rt);
  return finish(rt, req, requestId, await run(rt, router, req, requestId));
}

/** Answers a request that failed before dispatch (unreadable or oversized body). */
export function dispatchError(rt: Runtime, req: ApiRequest, error: IamError): ApiResponse {
  const requestId = newRequestId(rt);
  const outcome: Outcome = { response: errorResponse(error, requestId), route: null, auth: NO_AUTH, accessKey: null, error, notes: {} };
  return finish(rt, req, requestId, outcome);
}

function finish(rt: Runtime, req: ApiRequest, requestId: string, o: Outcome): ApiResponse {
  const response = o.response;
  response.headers = { ...response.headers, 'X-Request-Id': requestId };
  if (req.method === 'HEAD') delete response.body;
  rt.journal.record({
    request_id: requestId,
    time: new Date(rt.clock.now()).toISOString(),
    method: req.method,
    path: req.path,
    query: redactQuery(req.rawQuery),
    operation: o.route?.operation ?? null,
    status: response.status,
    error_code: o.error?.errorCode ?? (o.notes.fault ? faultCode(response) : null),
    error_id: o.error?.id ?? null,
    hint: o.error?.hint ?? null,
    access_key: o.accessKey,
    auth: o.auth,
    ...o.notes,
  });
  return response;
}

function faultCode(response: ApiResponse): string | null {
  const body = response.body as { error_code?: unknown } | undefined;
  return response.status >= 400 && typeof body?.error_code === 'string' ? body.error_code : null;
}

/** Query strings carry no secrets in these APIs, but be safe with anything token-like. */
function redactQuery(q: string): string {
  if (q === '') return q;
  return q.replace(/((?:token|secret|password)[^=&]*=)[^&]*/gi, '$1***');
}
