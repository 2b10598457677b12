/**
 * @module console/api-router
 * The console API under `/console-api`: same-origin JSON for the emulated console. Per request:
 * match the route, check the query parameters against the route's declaration (before anything
 * else, so a malformed call touches nothing, not even the session's idle timer), find the session
 * (cookie, emulator clock), require sign-in where needed, check CSRF on every state-changing call,
 * run the handler (domain functions), commit the store, and journal the request like every other
 * (no bodies, no secrets).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Runtime } from '../runtime.js';
import { newRequestId } from '../http/dispatch.js';
import { CONSOLE_API_BASE } from './contract.js';
import { ConsoleError, toFailure } from './console-error.js';
import type { ConsoleReply, ConsoleRequest, ConsoleRoute } from './console-route.js';
import { checkCsrf } from './csrf.js';
import { parseQuery } from './query-params.js';
import { readBody, rawBody, refuseBody, unreadableBody } from './request-body.js';
import { matchRoute } from './route-table.js';
import { SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS, sessionIdFrom, type SessionLookup } from './sessions.js';

function signedInUser(rt: Runtime, lookup: SessionLookup) {
  if (lookup.kind !== 'live' || lookup.session.user_id === null) return null;
  const user = rt.store.state.users[lookup.session.user_id];
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
  const user = signedInUser(rt, lookup);
  if (user) notes.console_user = user.id;
  if (route.access === 'user' && !user) {
    throw lookup.kind === 'ended' ? new ConsoleError('sessionExpired', SESSION_ENDED) : new ConsoleError('notSignedIn', 'Sign in to the console first (/authui/login).');
  }
  if (route.method !== 'GET') checkCsrf(req, session);
  const body = route.method === 'GET' ? refuseBody(req, `GET ${req.path}`) : readBody(req);
  const request: ConsoleRequest = { rt, console: books, session, user, body, params, query, note: (f) => Object.assign(notes, f) };
  const reply = await route.handler(request);
  if (route.writes) await rt.store.commit();
  return reply;
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
