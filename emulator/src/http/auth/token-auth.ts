/**
 * @module http/auth/token-auth
 * `X-Auth-Token` requests: a Keystone token issued by this emulator, valid until its
 * `expires_at` on the emulator clock.
 */
import { IamError } from '../../domain/errors.js';
import { userCaller } from '../../domain/identity.js';
import { ownRecord } from '../../domain/state.js';
import { findToken } from '../../domain/tokens.js';
import { domainContext, type Runtime } from '../../runtime.js';
import type { ApiRequest } from '../api.js';
import { scopeProblem } from './aksk.js';
import { failed, type AuthCheck } from './outcome.js';

const INVALID = 'The X-Auth-Token was not issued by this emulator (or its user is gone); get one with POST /v3/auth/tokens.';

export async function checkToken(rt: Runtime, req: ApiRequest, tokenId: string): Promise<AuthCheck> {
  const tenant = await rt.store.findTenant('token', tokenId);
  const found =
    tenant === undefined
      ? undefined
      : await rt.store.read(tenant, (doc) => {
          const token = findToken(doc, tokenId, domainContext(rt));
          const user = token ? ownRecord(doc.users, token.token.user_id) : undefined;
          return token && user?.enabled ? { expired: token.expired, caller: userCaller(doc, user, { via: 'token', token: token.token }) } : undefined;
        });
  if (!found) return failed('token', new IamError('AUTH_TOKEN_INVALID', {}, INVALID));
  const base = { scheme: 'token' as const, access_key: null, caller: found.caller, countsAsFailure: false };
  if (found.expired) return { ...base, problem: new IamError('AUTH_TOKEN_EXPIRED', {}, 'The token has expired (24 h on the emulator clock); get a new one.') };
  return { ...base, problem: (await scopeProblem(rt, req, found.caller))?.problem ?? null };
}
