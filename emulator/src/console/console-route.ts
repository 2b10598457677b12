/**
 * @module console/console-route
 * The shape of one console API route, independent of Express: what a handler receives and what it
 * answers. The API router (console/api-router.ts) does cookies, CSRF, JSON, journaling and commits.
 */
import type { z } from 'zod';
import type { CallerContext } from '../domain/context.js';
import { userCaller } from '../domain/identity.js';
import type { AccountRecord, UserRecord } from '../domain/state.js';
import { domainContext, type Runtime } from '../runtime.js';
import { ConsoleError } from './console-error.js';
import type { ConsoleState } from './console-state.js';
import type { QuerySpec } from './query-params.js';
import type { ConsoleSession } from './sessions.js';

export interface ConsoleRequest {
  rt: Runtime;
  console: ConsoleState;
  /** The browser's live session (anonymous before login). */
  session: ConsoleSession | null;
  /** The signed-in user; set for every `access: 'user'` route. */
  user: UserRecord | null;
  body: unknown;
  params: Readonly<Record<string, string>>;
  /** The query parameters, already checked against the route's `query` declaration. */
  query: Readonly<Record<string, string>>;
  /** Adds fields to this request's journal entry (never secrets). */
  note(fields: Record<string, unknown>): void;
}

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
  /** Changes the store: answer only after it has committed. */
  writes?: boolean;
  handler(req: ConsoleRequest): ConsoleReply | Promise<ConsoleReply>;
}

export const reply = (status: number, body?: unknown): ConsoleReply => ({ status, ...(body === undefined ? {} : { body }) });

/** The signed-in user (the router guarantees it on `access: 'user'` routes). */
export function signedIn(req: ConsoleRequest): UserRecord {
  if (!req.user) throw new ConsoleError('notSignedIn', 'Sign in first (/authui/login).');
  return req.user;
}

export function accountOf(req: ConsoleRequest, user: UserRecord): AccountRecord {
  const account = req.rt.store.state.accounts[user.domain_id];
  if (!account) throw new ConsoleError('notSignedIn', 'Your account no longer exists (reset or deleted); sign in again.');
  return account;
}

/**
 * The caller the domain sees for a console user: the user acting as themselves, as the real
 * console does with the session's token.
 */
export function consoleCaller(req: ConsoleRequest, user: UserRecord): CallerContext {
  const state = req.rt.store.state;
  return { ...domainContext(req.rt), caller: userCaller(state, user, { via: 'token' }) };
}

/** Parses a body with a schema; failures are 400 with the first problem named. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `'${issue.path.join('.')}': ` : '';
  throw new ConsoleError('badRequest', `Invalid request body: ${where}${issue?.message ?? 'not accepted'}.`);
}
