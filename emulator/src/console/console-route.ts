/**
 * @module console/console-route
 * The shape of one console API route, independent of Express: what a handler receives and what it
 * answers. The API router (console/api-router.ts) does cookies, CSRF, JSON, journaling, and runs
 * the handler in its tenant's unit of work (committed before the answer, undone on error).
 */
import type { z } from 'zod';
import type { CallerContext } from '../domain/context.js';
import { userCaller } from '../domain/identity.js';
import { ownRecord, type AccountRecord, type TenantDoc, type UserRecord } from '../domain/state.js';
import { domainContext, type Runtime } from '../runtime.js';
import { ConsoleError } from './console-error.js';
import type { ConsoleState } from './console-state.js';
import type { QuerySpec } from './query-params.js';
import type { ConsoleSession } from './sessions.js';

export interface ConsoleRequest {
  /** The runtime: clock and random streams (`domainContext`); never its store (use `tenant`). */
  rt: Runtime;
  /** The console's in-memory books: sessions, codes, password lock-outs, downloads. */
  console: ConsoleState;
  /** The browser's live session (anonymous before login). */
  session: ConsoleSession | null;
  /**
   * The document of the tenant this request works on (the route's `tenant`), inside a unit of
   * work: change it in place; the router commits every change durably before answering, or
   * undoes all of them when the handler throws. Null when the route works on no tenant.
   */
  tenant: TenantDoc | null;
  /**
   * The signed-in user, taken from `tenant` (so changes to it are part of the unit of work); set
   * for every `access: 'user'` route. Null when not signed in, or when the route's tenant is not
   * the user's (a sign-in to another account).
   */
  user: UserRecord | null;
  body: unknown;
  params: Readonly<Record<string, string>>;
  /** The query parameters, already checked against the route's `query` declaration. */
  query: Readonly<Record<string, string>>;
  /** Adds fields to this request's journal entry (never secrets). */
  note(fields: Record<string, unknown>): void;
}

/** What a tenant selector sees: the request before its unit of work (no tenant, user read-only). */
export type ConsoleSelectorRequest = Omit<ConsoleRequest, 'tenant'>;

export type ConsoleTenantSelector = 'user' | 'none' | ((req: ConsoleSelectorRequest) => Promise<string | undefined>);

export interface ConsoleReply {
  status: number;
  /** JSON body. */
  body?: unknown;
  /** A non-JSON body (the CSV download), with its headers. */
  text?: string;
  headers?: Record<string, string>;
}

export interface ConsoleRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to /console-api, e.g. `/access-keys/:ak`. */
  path: string;
  /** Journal name, e.g. `console.createAccessKey`. */
  operation: string;
  /**
   * The query parameters this route accepts (NO_QUERY for none). Declared, not optional: the
   * router refuses any other parameter before the handler runs (query-params.ts).
   */
  query: QuerySpec;
  /** `anonymous`: no sign-in needed (session, login); `user`: a signed-in user. */
  access: 'anonymous' | 'user';
  /**
   * Which tenant the handler's unit of work opens: the signed-in user's account (`'user'`, the
   * default for `access: 'user'` routes; none when nobody is signed in), none (`'none'`, the
   * default for anonymous routes), or the one a function finds (sign-in: the account named in the
   * body); undefined from it means none.
   */
  tenant?: ConsoleTenantSelector;
  handler(req: ConsoleRequest): ConsoleReply | Promise<ConsoleReply>;
}

export const reply = (status: number, body?: unknown): ConsoleReply => ({ status, ...(body === undefined ? {} : { body }) });

/** The signed-in user (the router guarantees it on `access: 'user'` routes). */
export function signedIn(req: ConsoleRequest): UserRecord {
  if (!req.user) throw new ConsoleError('notSignedIn', 'Sign in first (/authui/login).');
  return req.user;
}

/** The signed-in user's account is gone (reset or deleted while the session lived). */
export const accountGone = () => new ConsoleError('notSignedIn', 'Your account no longer exists (reset or deleted); sign in again.');

/** The unit of work's document; throws if the route opened none (a route declaration bug). */
export function tenantOf(req: ConsoleRequest): TenantDoc {
  if (!req.tenant) throw new Error('console route needs a tenant (its `tenant` selector found none)');
  return req.tenant;
}

export function accountOf(req: ConsoleRequest, user: UserRecord): AccountRecord {
  const account = req.tenant ? ownRecord(req.tenant.accounts, user.domain_id) : undefined;
  if (!account) throw accountGone();
  return account;
}

/**
 * The caller the domain sees for a console user: the user acting as themselves, as the real
 * console does with the session's token.
 */
export function consoleCaller(req: ConsoleRequest, user: UserRecord): CallerContext {
  return { ...domainContext(req.rt), caller: userCaller(tenantOf(req), user, { via: 'token' }) };
}

/** Parses a body with a schema; failures are 400 with the first problem named. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `'${issue.path.join('.')}': ` : '';
  throw new ConsoleError('badRequest', `Invalid request body: ${where}${issue?.message ?? 'not accepted'}.`);
}
