/**
 * @module console/api-router
 * The console API under `/console-api`: same-origin JSON for the emulated console. Per request:
 * match the route, check the query parameters against the route's declaration (before anything
 * else, so a malformed call touches nothing, not even the session's idle timer), find the session
 * (cookie, emulator clock) and its user (in the user's tenant, found through the store's `user`
 * index), require sign-in where needed, check CSRF on every state-changing call, run the handler
 * (domain functions) in its tenant's unit of work (committed before the answer, undone on error),
 * and journal the request like every other (no bodies, no secrets).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { ownRecord, type UserRecord } from '../domain/state.js';
import type { Runtime } from '../runtime.js';
import { newRequestId } from '../http/dispatch.js';
import { StoreError } from '../store/store-errors.js';
import { CONSOLE_API_BASE } from './contract.js';
import { ConsoleError, toFailure } from './console-error.js';
import { accountGone, type ConsoleReply, type ConsoleRoute, type ConsoleSelectorRequest } from './console-route.js';
import { checkCsrf } from './csrf.js';
import { parseQuery } from './query-params.js';
import { readBody, rawBody, refuseBody, unreadableBody } from './request-body.js';
import { matchRoute } from './route-table.js';
import { SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS, sessionIdFrom, type SessionLookup } from './sessions.js';

/** A session's user and the tenant that holds it. */
interface SignedIn {
  /** The committed record (read-only: the handler gets its own from the unit of work). */
  user: UserRecord;
  tenant: string;
}

/** The session's user, when it still exists and is enabled. */
async function signedInUser(rt: Runtime, lookup: SessionLookup): Promise<SignedIn | null> {
  if (lookup.kind !== 'live' || lookup.session.user_id === null) return null;
  const id = lookup.session.user_id;
  const tenant = await rt.store.findTenant('user', id);
  if (tenant === undefined) return null;
  const user = await rt.store.read(tenant, (doc) => enabledUser(doc.users, id));
  return user ? { user, tenant } : null;
}

function enabledUser(users: Readonly<Record<string, UserRecord>>, id: string): UserRecord | null {
  const user = ownRecord(users, id);
  return user?.enabled ? user : null;
}

const SESSION_ENDED =
  `Your console session has ended: ${SESSION_IDLE_SECONDS / 60} minutes without a call or ${SESSION_MAX_SECONDS / 3600} hours since sign-in ` +
  '(emulator clock), signed out, pushed out by newer sessions, or the emulator restarted. Sign in again (/authui/login).';

/** The raw query string after `?` ('' when there is none). */
function rawQuery(req: Request): string {
  const i = req.originalUrl.indexOf('?');
  return i < 0 ? '' : req.originalUrl.slice(i + 1);
}

async function run(rt: Runtime, req: Request, route: ConsoleRoute, params: Record<string, string>, notes: Record<string, unknown>): Promise<ConsoleReply> {
  const query = parseQuery(rawQuery(req), route.query, req.path);
  const books = rt.console;
  const lookup = books.sessions.find(sessionIdFrom(req.headers.cookie));
  const session = lookup.kind === 'live' ? lookup.session : null;
  const signed = await signedInUser(rt, lookup);
  if (signed) notes.console_user = signed.user.id;
  const refuseAnonymous = () =>
    lookup.kind === 'ended' ? new ConsoleError('sessionExpired', SESSION_ENDED) : new ConsoleError('notSignedIn', 'Sign in to the console first (/authui/login).');
  if (route.access === 'user' && !signed) throw refuseAnonymous();
  if (route.method !== 'GET') checkCsrf(req, session);
  const body = route.method === 'GET' ? refuseBody(req, `GET ${req.path}`) : readBody(req);
  const base: ConsoleSelectorRequest = { rt, console: books, session, user: signed?.user ?? null, body, params, query, note: (f) => Object.assign(notes, f) };
  const selector = route.tenant ?? (route.access === 'user' ? 'user' : 'none');
  const tenant = selector === 'user' ? signed?.tenant : selector === 'none' ? undefined : await selector(base);
  if (tenant === undefined) return route.handler({ ...base, tenant: null, user: null });
  try {
    return await rt.store.transact(tenant, (doc) => {
      // The user again, from the unit of work's document: a change to it is then committed too.
      const user = signed && tenant === signed.tenant ? enabledUser(doc.users, signed.user.id) : null;
      // Removed or disabled since the lookup above: as if it had not been there.
      if (route.access === 'user' && !user) throw refuseAnonymous();
      return route.handler({ ...base, tenant: doc, user });
    });
  } catch (thrown) {
    if (!(thrown instanceof StoreError && thrown.code === 'STORE_TENANT_GONE')) throw thrown;
    // The account went away before the unit of work opened (the handler has not run): the signed-in
    // user's account is gone; an account a route picked itself (sign-in by name) was not found.
    if (selector === 'user') throw accountGone();
    return route.handler({ ...base, tenant: null, user: null });
  }
}

function send(res: Response, reply: ConsoleReply, requestId: string): void {
  res.status(reply.status);
  res.set({ 'Cache-Control': 'no-store', 'X-Request-Id': requestId, ...reply.headers });
  if (reply.text !== undefined) res.send(reply.text);
  else if (reply.body !== undefined) res.type('application/json').send(JSON.stringify(reply.body));
  else res.end();
}

/**
 * Answers one console API call and journals it. `bodyError` is set when Express could not read
 * the body (too large, compressed, cut off): it is answered like any other console refusal.
 */
async function answer(rt: Runtime, req: Request, res: Response, bodyError: ConsoleError | null): Promise<void> {
  const requestId = newRequestId(rt);
  const notes: Record<string, unknown> = {};
  const match = matchRoute(req.method, req.path);
  let reply: ConsoleReply;
  let failure: ReturnType<typeof toFailure> | null = null;
  try {
    if (bodyError) throw bodyError;
    if (match.kind !== 'route') throw match.error;
    reply = await run(rt, req, match.route, match.params, notes);
  } catch (thrown) {
    failure = toFailure(thrown);
    reply = { status: failure.status, body: failure.body, headers: failure.headers };
  }
  send(res, reply, requestId);
  rt.journal.record({
    request_id: requestId,
    time: new Date(rt.clock.now()).toISOString(),
    method: req.method,
    path: `${CONSOLE_API_BASE}${req.path}`,
    query: '',
    operation: match.kind === 'route' ? match.route.operation : null,
    status: reply.status,
    error_code: failure?.body.error_code ?? null,
    error_id: failure?.id ?? null,
    hint: failure?.hint ?? null,
    access_key: typeof notes.access_key === 'string' ? notes.access_key : null,
    auth: { scheme: 'none', verdict: 'none', reason: null, message: null },
    ...notes,
  });
}

export function consoleApi(rt: Runtime): Router {
  const router = express.Router();
  router.use(CONSOLE_API_BASE, rawBody());
  router.use(CONSOLE_API_BASE, (req: Request, res: Response) => answer(rt, req, res, null));
  // Express recognises an error handler by its four parameters: keep `_next`. Without it a body
  // error would reach Express's default handler (an HTML stack trace, no X-Request-Id, no journal).
  router.use(CONSOLE_API_BASE, (err: unknown, req: Request, res: Response, _next: NextFunction) => answer(rt, req, res, unreadableBody(err)));
  return router;
}
