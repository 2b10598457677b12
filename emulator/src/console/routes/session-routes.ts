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
import { domainContext } from '../../runtime.js';
import { ConsoleError } from '../console-error.js';
import { parseBody, reply, type ConsoleReply, type ConsoleRequest, type ConsoleRoute, type ConsoleSelectorRequest } from '../console-route.js';
import { NO_QUERY } from '../query-params.js';
import { sessionInfo } from '../session-info.js';
import { clearedSessionCookie, sessionCookie } from '../sessions.js';

const name = z.string().trim().min(1, 'must not be empty').max(128);
const passwordLogin = z.strictObject({ account_name: name, user_name: name, password: z.string().min(1, 'must not be empty').max(256) });
const federatedLogin = z.strictObject({ account_name: name, user_name: name });
const logoutBody = z.strictObject({});
const namedAccount = z.object({ account_name: name });

/** A sign-in's tenant: the account named in the body (a malformed body is refused by the handler). */
async function accountNamed(req: ConsoleSelectorRequest): Promise<string | undefined> {
  const named = namedAccount.safeParse(req.body);
  return named.success ? req.rt.store.findTenant('account_name', named.data.account_name) : undefined;
}

function signIn(req: ConsoleRequest, state: TenantDoc, user: UserRecord): ConsoleReply {
  if (req.session) req.console.sessions.destroy(req.session.id);
  const session = req.console.sessions.create(user.id);
  req.note({ console_user: user.id });
  return { status: 200, body: sessionInfo(state, session, user), headers: { 'Set-Cookie': sessionCookie(session.id) } };
}

const badLogin = (detail: string) => new ConsoleError('badLogin', detail);

export const sessionRoutes: ConsoleRoute[] = [
  {
    method: 'GET',
    path: '/session',
    operation: 'console.session',
    query: NO_QUERY,
    access: 'anonymous',
    // The signed-in user's account, when there is one: the answer names it and its regions.
    tenant: 'user',
    handler(req) {
      const state = req.tenant ?? emptyTenant();
      if (req.session) return reply(200, sessionInfo(state, req.session, req.user));
      // Stateless until sign-in: a cookie-less GET stores nothing (anonymous-sessions.ts).
      const session = req.console.sessions.anonymous();
      return { status: 200, body: sessionInfo(state, session, null), headers: { 'Set-Cookie': sessionCookie(session.id) } };
    },
  },
  {
    method: 'POST',
    path: '/login',
    operation: 'console.login',
    query: NO_QUERY,
    access: 'anonymous',
    tenant: accountNamed,
    handler(req) {
      const body = parseBody(passwordLogin, req.body);
      // No tenant: no such account, refused like a wrong name (the same check, on nobody).
      const state = req.tenant ?? emptyTenant();
      try {
        const user = authenticatePassword(state, { name: body.user_name, password: body.password, domain: { name: body.account_name } }, domainContext(req.rt));
        return signIn(req, state, user);
      } catch (e) {
        if (e instanceof IamError && e.status === 401) throw badLogin(`The account name, user name or password is incorrect. ${e.hint ?? ''}`.trim());
        throw e;
      }
    },
  },
  {
    method: 'POST',
    path: '/login/federated',
    operation: 'console.loginFederated',
    query: NO_QUERY,
    access: 'anonymous',
    tenant: accountNamed,
    handler(req) {
      const body = parseBody(federatedLogin, req.body);
      const state = req.tenant ?? emptyTenant();
      const account = Object.values(state.accounts).find((a) => a.name === body.account_name);
      const user = account && usersOf(state, account.id).find((u) => u.kind === 'federated' && u.name === body.user_name && u.enabled);
      if (!user) throw badLogin(`No federated user "${body.user_name}" in an account named "${body.account_name}".`);
      return signIn(req, state, user);
    },
  },
  {
    method: 'POST',
    path: '/logout',
    operation: 'console.logout',
    query: NO_QUERY,
    access: 'anonymous',
    handler(req) {
      parseBody(logoutBody, req.body);
      if (req.session) req.console.sessions.destroy(req.session.id);
      return { status: 200, body: {}, headers: { 'Set-Cookie': clearedSessionCookie() } };
    },
  },
];
