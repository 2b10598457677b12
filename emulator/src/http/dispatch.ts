/**
 * @module http/dispatch
 * One request, start to finish, without any web framework, for every surface: the Huawei API,
 * the control plane and the console API. Surface (by path: http/surface.ts) → route → body
 * refusals → faults → 404/405 → admission (control guard, AK/SK or token, or the console session;
 * the query; the tenant: http/admission.ts) → the handler in its tenant's unit of work (committed
 * before the answer, undone on error) → errors rendered in the surface's shape
 * (http/wire-error.ts) → `X-Request-Id` → journal. Express (http/express-app.ts) and msw (msw/)
 * are thin adapters around it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { IamError } from '../domain/errors.js';
import { hex } from '../domain/random.js';
import type { Runtime } from '../runtime.js';
import type { FaultRule } from '../testbed/faults.js';
import type { JournalAuth } from '../testbed/journal.js';
import { admit, NO_AUTH, type Admission, type AuthFacts } from './admission.js';
import type { ApiRequest, ApiResponse, Route } from './api.js';
import { AuthFailure } from './auth/authenticate.js';
import type { BodyRefusal } from './body-errors.js';
import type { Router } from './router.js';
import { surfaceOf, type Surface } from './surface.js';
import { errorResponse, headerSafe, isTenantGone, type WireError } from './wire-error.js';

export { CONTROL_PREFIX } from './surface.js';
export const AUTH_WARNING_HEADER = 'X-Iam-Testbed-Auth-Warning';

export function newRequestId(rt: Runtime): string {
  return hex(rt.requestIds, 16);
}

interface Outcome {
  response: ApiResponse;
  route: Route | null;
  auth: JournalAuth;
  accessKey: string | null;
  error: WireError | null;
}

/** An injected fault's answer: latency, then a drop, an error, or nothing (run normally). */
async function applyFault(rule: FaultRule, requestId: string): Promise<ApiResponse | null> {
  if (rule.latency_ms > 0) await sleep(rule.latency_ms);
  if (rule.action === 'drop') return { status: 0, drop: true };
  if (rule.status === null) return null;
  const fallback = new IamError('FAULT_INJECTED', { rule: rule.id });
  const body = {
    error_code: rule.error_code ?? fallback.errorCode,
    error_msg: rule.error_msg ?? fallback.message,
    request_id: requestId,
  };
  return { status: rule.status, body };
}

/** Runs the handler in its tenant's unit of work, or without one. */
async function inUnitOfWork(rt: Runtime, admission: Admission): Promise<ApiResponse> {
  const { tenant } = admission;
  if (tenant === undefined) return admission.run(null);
  try {
    return await rt.store.transact(tenant, (doc) => admission.run(doc));
  } catch (thrown) {
    if (admission.tenantGone && isTenantGone(thrown)) return admission.tenantGone();
    throw thrown;
  }
}

interface Run {
  rt: Runtime;
  router: Router<Route>;
  req: ApiRequest;
  requestId: string;
  surface: Surface;
  notes: Record<string, unknown>;
}

async function run(
  { rt, router, req, requestId, surface, notes }: Run,
  refusal: BodyRefusal | null,
): Promise<Outcome> {
  const facts: AuthFacts = { auth: NO_AUTH, accessKey: null, warning: null };
  const match = router.match(req.method, surface.path);
  const route = match.kind === 'route' ? match.route : null;
  const out = (response: ApiResponse, error: WireError | null = null): Outcome => ({
    response,
    route,
    auth: facts.auth,
    accessKey: facts.accessKey,
    error,
  });
  try {
    // What the adapter could not take is refused before anything runs.
    const refused = refusal ?? surface.bodyLimit(req);
    if (refused) throw surface.bodyError(refused);
    if (surface.faults && !route?.control) {
      const rule = rt.faults.pick({
        method: req.method,
        path: req.path,
        operation: route?.operation ?? null,
      });
      if (rule) {
        notes.fault = rule.id;
        const faulted = await applyFault(rule, requestId);
        if (faulted) {
          notes.fault_action = rule.action;
          return out(faulted);
        }
      }
    }
    if (match.kind !== 'route') throw surface.routingError(req, match);
    const admission = await admit(match.route, {
      rt,
      req,
      params: match.params,
      facts,
      note: (f) => Object.assign(notes, f),
    });
    const response = await inUnitOfWork(rt, admission);
    if (facts.warning)
      response.headers = {
        ...response.headers,
        [AUTH_WARNING_HEADER]: headerSafe(`${facts.warning.id}: ${facts.warning.message}`),
      };
    return out(response);
  } catch (thrown) {
    const failure = thrown instanceof AuthFailure ? thrown : null;
    if (failure) Object.assign(facts, { auth: failure.auth, accessKey: failure.accessKey });
    const error = surface.wireError(failure?.error ?? thrown);
    return out(errorResponse(error, requestId), error);
  }
}

/**
 * Handles one request; never throws. `refusal`: the adapter could not take the body (too large,
 * compressed, unreadable); it is answered in the surface's shape.
 */
export async function dispatch(
  rt: Runtime,
  router: Router<Route>,
  req: ApiRequest,
  refusal: BodyRefusal | null = null,
): Promise<ApiResponse> {
  const r: Run = {
    rt,
    router,
    req,
    requestId: newRequestId(rt),
    surface: surfaceOf(router, req.path),
    notes: {},
  };
  return finish(r, await run(r, refusal));
}

function finish({ rt, req, requestId, surface, notes }: Run, o: Outcome): ApiResponse {
  const response = o.response;
  if (!response.drop) surface.finish(response);
  response.headers = { ...response.headers, 'X-Request-Id': requestId };
  if (req.method === 'HEAD') {
    delete response.body;
    delete response.text;
  }
  rt.journal.record({
    request_id: requestId,
    time: new Date(rt.clock.now()).toISOString(),
    method: req.method,
    path: surface.path,
    query: surface.journalQuery(req),
    operation: o.route?.operation ?? null,
    status: response.status,
    error_code: o.error?.errorCode ?? (notes.fault ? faultCode(response) : null),
    error_id: o.error?.id ?? null,
    hint: o.error?.hint ?? null,
    access_key: o.accessKey ?? (typeof notes.access_key === 'string' ? notes.access_key : null),
    auth: o.auth,
    ...notes,
  });
  return response;
}

function faultCode(response: ApiResponse): string | null {
  const body = response.body as { error_code?: unknown } | undefined;
  return response.status >= 400 && typeof body?.error_code === 'string' ? body.error_code : null;
}
