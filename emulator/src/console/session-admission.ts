/**
 * @module console/session-admission
 * The console session as an authentication mode of the one dispatcher (`auth: 'session'` routes,
 * http/admission.ts). In order: the query against the route's declaration (before anything else,
 * so a malformed call touches nothing, not even the session's idle timer), the session (cookie,
 * emulator clock) and its user (in the user's tenant, found through the store's `user` index),
 * sign-in where the route needs it, CSRF on every state-changing call, the JSON body, then the
 * tenant the unit of work opens. Inside the unit the user is read again from its document, so a
 * change to it is committed too, and a user removed or disabled meanwhile counts as signed out.
 */
import type { DomainContext } from '../domain/context.js';
import { ownRecord, type UserRecord } from '../domain/state.js';
import type { ApiRequest, ConsoleApiRoute, TenantLookup } from '../http/api.js';
import type { Admission } from '../http/admission.js';
import type { ConsoleState } from './console-state.js';
import { accountGone, type ConsoleContext } from './console-context.js';
import { ConsoleError } from './console-error.js';
import { consoleCallPath } from './console-surface.js';
import { checkCsrf } from './csrf.js';
import { parseQuery } from './query-params.js';
import { consoleBody } from './request-body.js';
import {
  SESSION_IDLE_SECONDS,
  SESSION_MAX_SECONDS,
  sessionIdFrom,
  type SessionLookup,
} from './sessions.js';

/** What the console's admission needs of the runtime: its books, the store lookups, the clock. */
export interface ConsoleAdmissionParts {
  books: ConsoleState;
  tenants: TenantLookup;
  domain: DomainContext;
  params: Readonly<Record<string, string>>;
  note: (fields: Record<string, unknown>) => void;
}

/** A session's user and the tenant that holds it. */
interface SignedIn {
  /** The committed record (read-only: the handler gets its own from the unit of work). */
  user: UserRecord;
  tenant: string;
}

function enabledUser(users: Readonly<Record<string, UserRecord>>, id: string): UserRecord | null {
  const user = ownRecord(users, id);
  return user?.enabled ? user : null;
}

/** The session's user, when it still exists and is enabled. */
async function signedInUser(
  tenants: TenantLookup,
  lookup: SessionLookup,
): Promise<SignedIn | null> {
  if (lookup.kind !== 'live' || lookup.session.user_id === null) return null;
  const id = lookup.session.user_id;
  const tenant = await tenants.findTenant('user', id);
  if (tenant === undefined) return null;
  const user = await tenants.read(tenant, (doc) => enabledUser(doc.users, id));
  return user ? { user, tenant } : null;
}

const SESSION_ENDED =
  `Your console session has ended: ${SESSION_IDLE_SECONDS / 60} minutes without a call or ${SESSION_MAX_SECONDS / 3600} hours since sign-in ` +
  '(emulator clock), signed out, pushed out by newer sessions, or the emulator restarted. Sign in again (/authui/login).';

export async function admitSession(
  route: ConsoleApiRoute,
  req: ApiRequest,
  parts: ConsoleAdmissionParts,
): Promise<Admission> {
  const call = consoleCallPath(req.path);
  const query = parseQuery(req.rawQuery, route.query ?? {}, call);
  const lookup = parts.books.sessions.find(sessionIdFrom(req.headers.cookie));
  const session = lookup.kind === 'live' ? lookup.session : null;
  const signed = await signedInUser(parts.tenants, lookup);
  if (signed) parts.note({ console_user: signed.user.id });
  const refuseAnonymous = () =>
    lookup.kind === 'ended'
      ? new ConsoleError('sessionExpired', SESSION_ENDED)
      : new ConsoleError('notSignedIn', 'Sign in to the console first (/authui/login).');
  if (route.access === 'user' && !signed) throw refuseAnonymous();
  if (route.method !== 'GET') checkCsrf(req.headers, session);
  const body = consoleBody(req, call);
  const base: Omit<ConsoleContext, 'tenant'> = {
    console: parts.books,
    session,
    user: signed?.user ?? null,
    body,
    params: parts.params,
    query,
    domain: parts.domain,
    note: parts.note,
  };
  const selector = route.tenant ?? (route.access === 'user' ? 'caller' : 'none');
  const tenant =
    selector === 'caller'
      ? signed?.tenant
      : selector === 'none'
        ? undefined
        : await selector(req, { ...base, tenants: parts.tenants });
  const withoutTenant = () => route.handler(req, { ...base, tenant: null, user: null });
  return {
    tenant,
    run(doc) {
      if (!doc) return withoutTenant();
      // The user again, from the unit of work's document: a change to it is then committed too.
      const user =
        signed && tenant === signed.tenant ? enabledUser(doc.users, signed.user.id) : null;
      // Removed or disabled since the lookup above: as if it had not been there.
      if (route.access === 'user' && !user) throw refuseAnonymous();
      return route.handler(req, { ...base, tenant: doc, user });
    },
    // The account went away before the unit of work opened (the handler has not run): the signed-in
    // user's account is gone; an account a route picked itself (sign-in by name) was not found.
    tenantGone() {
      if (selector === 'caller') throw accountGone();
      return withoutTenant();
    },
  };
}
