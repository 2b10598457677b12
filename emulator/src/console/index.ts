/**
 * @module console
 * The emulated Huawei Cloud console: pages (`/authui/login`, `/iam/#/mine/…`, built from
 * emulator/web) and their same-origin API (`/console-api/*`). Everything it does to keys, users
 * and policies goes through the domain functions the Huawei API uses.
 *
 * @example
 * // in the Express app, before the catch-all Huawei dispatcher:
 * app.use(consoleRouter(rt));
 */
import express, { type Router } from 'express';
import type { Runtime } from '../runtime.js';
import { consoleApi } from './api-router.js';
import { consoleStateOf } from './console-state.js';
import { consolePages } from './pages.js';
import { sessionCookie } from './sessions.js';
import type { VerificationCodeView } from './verification-codes.js';
import { findWebRoot } from './web-root.js';

export { CONSOLE_API_BASE } from './contract.js';
export type { VerificationCodeView } from './verification-codes.js';

export interface ConsoleOptions {
  /** The built console (default: emulator/dist/web, found next to the code). */
  webRoot?: string;
}

/** Pages and console API in one router. Mount it before the Huawei catch-all. */
export function consoleRouter(rt: Runtime, options: ConsoleOptions = {}): Router {
  const router = express.Router();
  router.use(consoleApi(rt));
  router.use(consolePages(options.webRoot ?? findWebRoot()));
  return router;
}

/**
 * Wraps an emulator Express app so the console answers first and everything else reaches `app`
 * unchanged (for hosts that build the app elsewhere, and for tests).
 */
export function withConsole(app: express.Express, rt: Runtime, options: ConsoleOptions = {}): express.Express {
  const outer = express();
  outer.disable('x-powered-by');
  outer.set('etag', false);
  outer.use(consoleRouter(rt, options));
  outer.use(app);
  return outer;
}

export interface CreatedConsoleSession {
  /** `Set-Cookie`-style value: `iamtb_console=…; Path=/; HttpOnly; SameSite=Lax`. */
  cookie: string;
  /** The cookie's name and value, for a browser automation's `setCookie`. */
  name: string;
  value: string;
  csrf_token: string;
  expires_at: string;
}

/**
 * A signed-in console session for `userId` without the login form (the control plane's
 * `POST /_emulator/console-sessions`, issue 5). Undefined when there is no such enabled user.
 */
export function createConsoleSession(rt: Runtime, userId: string): CreatedConsoleSession | undefined {
  const user = rt.store.state.users[userId];
  if (!user?.enabled) return undefined;
  const session = consoleStateOf(rt).sessions.create(user.id);
  const [name = '', value = ''] = sessionCookie(session.id).split(';')[0]?.split('=') ?? [];
  return { cookie: sessionCookie(session.id), name, value, csrf_token: session.csrf, expires_at: new Date(session.expires_at).toISOString() };
}

/**
 * The codes operation protection has "sent" (`GET /_emulator/verification-codes?user_id=`,
 * issue 5): newest last, filtered by user and/or account.
 */
export function listVerificationCodes(rt: Runtime, filter: { user_id?: string; domain_id?: string } = {}): VerificationCodeView[] {
  return consoleStateOf(rt).codes.list(filter);
}

/**
 * Forgets console memory after a reset: of one account (its codes, downloads and its users'
 * sessions), or everything.
 */
export function resetConsole(rt: Runtime, domainId?: string, userIds: ReadonlySet<string> = new Set()): void {
  const books = consoleStateOf(rt);
  books.codes.clear(domainId);
  books.downloads.clear(domainId);
  if (domainId === undefined) books.sessions.clear();
  else books.sessions.forgetUsers(userIds);
}
