/**
 * @module console/routes/session-routes
 * Session, sign-in (IAM user by account name, user name and password through the domain's
 * password check; federated user by name, the emulator standing in for the IdP), sign-out.
 * Every sign-in issues a new session ID (no session fixation) and a new CSRF token. A sign-in
 * opens the tenant of the account named in the body (the store's `account_name` index); an
 * unknown account fails like a wrong name or password.
 */
import { z } from 'zod';
import { IamError } from '../../domain/errors.js';
import { authenticatePassword } from '../../domain/tokens.js';
import { emptyTenant, type TenantDoc, type UserRecord } from '../../domain/state.js';
import { usersOf } from '../../domain/users.js';
import { ConsoleError } from '../console-error.js';
import type { ApiRequest, ApiResponse, ConsoleApiRoute, SelectorContext } from '../../http/api.js';
import { CONSOLE_API_BASE } from '../contract.js';
import { parseBody, reply, type ConsoleContext } from '../console-context.js';
import { sessionInfo } from '../session-info.js';
import { clearedSessionCookie, sessionCookie } from '../sessions.js';

const name = z.string().trim().min(1, 'must not be empty').max(128);
const passwordLogin = z.strictObject({
  account_name: name,
  user_name: name,
  password: z.string().min(1, 'must not be empty').max(256),
});
const federatedLogin = z.strictObject({ account_name: name, user_name: name });
const logoutBody = z.strictObject({});
const namedAccount = z.object({ account_name: name });

/** A sign-in's tenant: the account named in the body (a malformed body is refused by the handler). */
async function accountNamed(
  _req: ApiRequest,
  ctx: SelectorContext<ConsoleContext>,
): Promise<string | undefined> {
  const named = namedAccount.safeParse(ctx.body);
  return named.success
    ? ctx.tenants.findTenant('account_name', named.data.account_name)
    : undefined;
}

function signIn(ctx: ConsoleContext, state: TenantDoc, user: UserRecord): ApiResponse {
  if (ctx.session) ctx.console.sessions.destroy(ctx.session.id);
  const session = ctx.console.sessions.create(user.id);
  ctx.note({ console_user: user.id });
  return {
    status: 200,
    body: sessionInfo(state, session, user),
    headers: { 'Set-Cookie': sessionCookie(session.id) },
  };
}

const badLogin = (detail: string) => new ConsoleError('badLogin', detail);

export const sessionRoutes: ConsoleApiRoute[] = [
  {
    method: 'GET',
    path: `${CONSOLE_API_BASE}/session`,
    operation: 'console.session',
    family: 'console',
    auth: 'session',
    access: 'anonymous',
    // The signed-in user's account, when there is one: the answer names it and its regions.
    tenant: 'caller',
    handler(_req, ctx) {
      const state = ctx.tenant ?? emptyTenant();
      if (ctx.session) return reply(200, sessionInfo(state, ctx.session, ctx.user));
      // Stateless until sign-in: a cookie-less GET stores nothing (anonymous-sessions.ts).
      const session = ctx.console.sessions.anonymous();
      return {
        status: 200,
        body: sessionInfo(state, session, null),
        headers: { 'Set-Cookie': sessionCookie(session.id) },
      };
    },
  },
  {
    method: 'POST',
    path: `${CONSOLE_API_BASE}/login`,
    operation: 'console.login',
    family: 'console',
    auth: 'session',
    access: 'anonymous',
    tenant: accountNamed,
    handler(_req, ctx) {
      const body = parseBody(passwordLogin, ctx.body);
      // No tenant: no such account, refused like a wrong name (the same check, on nobody).
      const state = ctx.tenant ?? emptyTenant();
      try {
        const user = authenticatePassword(
          state,
          { name: body.user_name, password: body.password, domain: { name: body.account_name } },
          ctx.domain,
        );
        return signIn(ctx, state, user);
      } catch (e) {
        if (e instanceof IamError && e.status === 401)
          throw badLogin(
            `The account name, user name or password is incorrect. ${e.hint ?? ''}`.trim(),
          );
        throw e;
      }
    },
  },
  {
    method: 'POST',
    path: `${CONSOLE_API_BASE}/login/federated`,
    operation: 'console.loginFederated',
    family: 'console',
    auth: 'session',
    access: 'anonymous',
    tenant: accountNamed,
    handler(_req, ctx) {
      const body = parseBody(federatedLogin, ctx.body);
      const state = ctx.tenant ?? emptyTenant();
      const account = Object.values(state.accounts).find((a) => a.name === body.account_name);
      const user =
        account &&
        usersOf(state, account.id).find(
          (u) => u.kind === 'federated' && u.name === body.user_name && u.enabled,
        );
      if (!user)
        throw badLogin(
          `No federated user "${body.user_name}" in an account named "${body.account_name}".`,
        );
      return signIn(ctx, state, user);
    },
  },
  {
    method: 'POST',
    path: `${CONSOLE_API_BASE}/logout`,
    operation: 'console.logout',
    family: 'console',
    auth: 'session',
    access: 'anonymous',
    handler(_req, ctx) {
      parseBody(logoutBody, ctx.body);
      if (ctx.session) ctx.console.sessions.destroy(ctx.session.id);
      return { status: 200, body: {}, headers: { 'Set-Cookie': clearedSessionCookie() } };
    },
  },
];
