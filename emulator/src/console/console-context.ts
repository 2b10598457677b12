/**
 * @module console/console-context
 * What a console API handler gets (`ConsoleContext`, the context of a `ConsoleApiRoute`,
 * http/api.ts) and the small helpers the console's routes share. The dispatcher
 * (http/dispatch.ts, with console/session-admission.ts) finds the session and its user, checks
 * CSRF, reads the JSON body and runs the handler in its tenant's unit of work (committed before
 * the answer, undone on error). A handler never sees the runtime: its tenant's document, the
 * clock and random source, and the console's own books.
 */
import type { z } from 'zod';
import type { CallerContext } from '../domain/context.js';
import { userCaller } from '../domain/identity.js';
import { ownRecord, type AccountRecord, type TenantDoc, type UserRecord } from '../domain/state.js';
import type { ApiResponse, HandlerContext } from '../http/api.js';
import { ConsoleError } from './console-error.js';
import type { ConsoleState } from './console-state.js';
import type { ConsoleSession } from './sessions.js';

export interface ConsoleContext extends HandlerContext {
  /** The console's in-memory books: sessions, codes, password lock-outs, downloads. */
  console: ConsoleState;
  /** The browser's live session (anonymous before login). */
  session: ConsoleSession | null;
  /**
   * The document of the tenant this request works on (the route's `tenant`), inside a unit of
   * work: change it in place; the dispatcher commits every change durably before answering, or
   * undoes all of them when the handler throws. Null when the route works on no tenant.
   */
  tenant: TenantDoc | null;
  /**
   * The signed-in user, taken from `tenant` (so changes to it are part of the unit of work); set
   * for every `access: 'user'` route. Null when not signed in, or when the route's tenant is not
   * the user's (a sign-in to another account).
   */
  user: UserRecord | null;
  /** The JSON body (`{}` when empty; none on a GET). */
  body: unknown;
}

export const reply = (status: number, body?: unknown): ApiResponse => ({
  status,
  ...(body === undefined ? {} : { body }),
});

/** The signed-in user (the dispatcher guarantees it on `access: 'user'` routes). */
export function signedIn(ctx: ConsoleContext): UserRecord {
  if (!ctx.user) throw new ConsoleError('notSignedIn', 'Sign in first (/authui/login).');
  return ctx.user;
}

/** The signed-in user's account is gone (reset or deleted while the session lived). */
export const accountGone = () =>
  new ConsoleError(
    'notSignedIn',
    'Your account no longer exists (reset or deleted); sign in again.',
  );

/** The unit of work's document; throws if the route opened none (a route declaration bug). */
export function tenantOf(ctx: ConsoleContext): TenantDoc {
  if (!ctx.tenant)
    throw new Error('console route needs a tenant (its `tenant` selector found none)');
  return ctx.tenant;
}

export function accountOf(ctx: ConsoleContext, user: UserRecord): AccountRecord {
  const account = ctx.tenant ? ownRecord(ctx.tenant.accounts, user.domain_id) : undefined;
  if (!account) throw accountGone();
  return account;
}

/**
 * The caller the domain sees for a console user: the user acting as themselves, as the real
 * console does with the session's token.
 */
export function consoleCaller(ctx: ConsoleContext, user: UserRecord): CallerContext {
  return { ...ctx.domain, caller: userCaller(tenantOf(ctx), user, { via: 'token' }) };
}

/** Parses a body with a schema; failures are 400 with the first problem named. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `'${issue.path.join('.')}': ` : '';
  throw new ConsoleError(
    'badRequest',
    `Invalid request body: ${where}${issue?.message ?? 'not accepted'}.`,
  );
}
