/**
 * @module http/auth/token-auth
 * `X-Auth-Token` requests: a Keystone token issued by this emulator, valid until its
 * `expires_at` on the emulator clock.
 */
import { IamError } from '../../domain/errors.js';
import { userCaller } from '../../domain/identity.js';
import { findToken } from '../../domain/tokens.js';
import { domainContext, type Runtime } from '../../runtime.js';
import type { ApiRequest } from '../api.js';
import { scopeProblem } from './aksk.js';
import { failed, type AuthCheck } from './outcome.js';

export function checkToken(rt: Runtime, req: ApiRequest, tokenId: string): AuthCheck {
  const state = rt.store.state;
  const found = findToken(state, tokenId, domainContext(rt));
  const user = found ? state.users[found.token.user_id] : undefined;
  if (!found || !user?.enabled) return failed('token', new IamError('AUTH_TOKEN_INVALID', {}, 'The X-Auth-Token was not issued by this emulator (or its user is gone); get one with POST /v3/auth/tokens.'));
  const caller = userCaller(state, user, { via: 'token', token: found.token });
  const base = { scheme: 'token' as const, access_key: null, caller, countsAsFailure: false };
  if (found.expired) return { ...base, problem: new IamError('AUTH_TOKEN_EXPIRED', {}, 'The token has expired (24 h on the emulator clock); get a new one.') };
  return { ...base, problem: scopeProblem(rt, req, caller)?.problem ?? null };
}
