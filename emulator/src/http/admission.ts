/**
 * @module http/admission
 * Who may make a call, and what its handler gets: one step of the dispatcher with one branch per
 * kind of route. A control route passes the control guard and gets the runtime. A Huawei API
 * route authenticates (AK/SK or `X-Auth-Token`, http/auth/), has its query checked, and gets its
 * caller, the clock and random source, and the tenant its selector picks. A console route goes
 * through the console session (console/session-admission.ts). The result says which tenant's unit
 * of work to open and how to run the handler on its document.
 */
import { admitSession } from '../console/session-admission.js';
import type { IamError } from '../domain/errors.js';
import type { TenantDoc } from '../domain/state.js';
import { domainContext, type Runtime } from '../runtime.js';
import type { JournalAuth } from '../testbed/journal.js';
import type {
  ApiRequest,
  ApiResponse,
  ApiRoute,
  ControlContext,
  ControlRoute,
  Route,
  RouteContext,
  TenantLookup,
} from './api.js';
import { authenticate } from './auth/authenticate.js';
import { checkControlAccess } from './control-access.js';
import { checkQuery, type QuerySpec } from './query-params.js';

export const NO_AUTH: JournalAuth = {
  scheme: 'none',
  verdict: 'none',
  reason: null,
  message: null,
};
const NO_QUERY: QuerySpec = {};

/** What authentication found, for the journal (kept when a later step refuses). */
export interface AuthFacts {
  auth: JournalAuth;
  accessKey: string | null;
  /** Lenient mode: the refusal strict mode would have answered. */
  warning: IamError | null;
}

export interface Admission {
  /** The tenant whose unit of work the handler runs in; undefined: none. */
  tenant: string | undefined;
  /** Runs the handler on the unit of work's document (null when there is none). */
  run(doc: TenantDoc | null): ApiResponse | Promise<ApiResponse>;
  /** The tenant vanished before its unit of work opened: answer without it, or throw. Absent: the store's error stands. */
  tenantGone?(): ApiResponse | Promise<ApiResponse>;
}

export interface Admit {
  rt: Runtime;
  req: ApiRequest;
  params: Readonly<Record<string, string>>;
  facts: AuthFacts;
  note: (fields: Record<string, unknown>) => void;
}

/** The store as tenant selectors see it: two lookups, no writes. */
const lookupOf = (rt: Runtime): TenantLookup => ({
  findTenant: (index, key) => rt.store.findTenant(index, key),
  read: (tenantId, fn) => rt.store.read(tenantId, fn),
});

function admitControl(route: ControlRoute, a: Admit): Admission {
  const { rt, req } = a;
  checkControlAccess(rt, req, { tokenExempt: route.openToHealthChecks === true });
  const query = checkQuery(req.rawQuery, route.query ?? NO_QUERY, 'control', rt);
  const ctx: ControlContext = {
    rt,
    params: a.params,
    query,
    domain: domainContext(rt),
    note: a.note,
  };
  return { tenant: undefined, run: () => route.handler(req, ctx) };
}

async function admitCaller(route: ApiRoute, a: Admit): Promise<Admission> {
  const { rt, req, facts } = a;
  let caller: RouteContext['caller'] = null;
  if (route.auth !== 'none') {
    const authn = await authenticate(rt, req, route.auth === 'required');
    Object.assign(facts, { auth: authn.auth, accessKey: authn.accessKey, warning: authn.warning });
    caller = authn.caller;
  }
  // After authentication (as Huawei's gateway answers 401 before the API sees its parameters),
  // before the handler: a refused query changes nothing.
  const query = checkQuery(req.rawQuery, route.query ?? NO_QUERY, route.family, rt);
  const base: Omit<RouteContext, 'tenant'> = {
    params: a.params,
    query,
    caller,
    domain: domainContext(rt),
    authMode: rt.authMode,
    note: a.note,
  };
  const selector = route.tenant ?? (route.auth === 'required' ? 'caller' : 'none');
  const tenant =
    selector === 'none'
      ? undefined
      : selector === 'caller'
        ? caller?.domain_id
        : await selector(req, { ...base, tenants: lookupOf(rt) });
  return { tenant, run: (doc) => route.handler(req, { ...base, tenant: doc }) };
}

export function admit(route: Route, a: Admit): Admission | Promise<Admission> {
  if (route.auth === 'session') {
    return admitSession(route, a.req, {
      books: a.rt.console,
      tenants: lookupOf(a.rt),
      domain: domainContext(a.rt),
      params: a.params,
      note: a.note,
    });
  }
  return route.control ? admitControl(route, a) : admitCaller(route, a);
}
