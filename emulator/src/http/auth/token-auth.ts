/**
 * @module http/auth/token-auth
 * `X-Auth-Token` requests, the HTTP half: find the token's tenant through the index and let the
 * domain decide (domain/credentials.ts `tokenCheck`: a Keystone token issued by this emulator,
 * valid until its `expires_at` on the emulator clock, for its own account's scope headers).
 * A token failure never counts towards an AK lock-out.
 */
import { tokenCheck } from '../../domain/credentials.js';
import type { Runtime } from '../../runtime.js';
import type { ApiRequest } from '../api.js';
import { claimsOf } from './claims.js';
import type { AuthCheck } from './outcome.js';
import { readTenant } from './tenant-read.js';

export async function checkToken(
  rt: Runtime,
  req: ApiRequest,
  tokenId: string,
): Promise<AuthCheck> {
  const claims = claimsOf(req);
  const tenant = await rt.store.findTenant('token', tokenId);
  const verdict = await readTenant(rt, tenant, (doc) => tokenCheck(doc, tokenId, claims, rt.clock));
  return { scheme: 'token', access_key: null, ...verdict };
}
