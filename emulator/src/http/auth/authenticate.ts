/**
 * @module http/auth/authenticate
 * Decides who is calling. `Authorization` (AK/SK) wins over `X-Auth-Token` (docs/reference/huawei-iam-api.md
 * §2). The rules of each credential are the domain's (domain/credentials.ts); this module applies
 * the mode and keeps the books. Strict mode (the default) answers any refusal with its 401.
 * Lenient mode accepts a request whenever the credential still identifies someone (a known AK or
 * token) and records in the journal why strict mode would have refused it; an unknown AK or token
 * is refused in both modes, since there is nobody to act as. A refusal that counts towards the
 * lock-out is recorded only when it refuses (strict mode); a success resets the count.
 */
import { keyUseShows, markKeyUsed } from '../../domain/permanent-keys.js';
import { ownRecord, type PermanentKeyRecord } from '../../domain/state.js';
import type { Refusal } from '../../domain/credentials.js';
import { IamError } from '../../domain/errors.js';
import type { Caller } from '../../domain/identity.js';
import { domainContext, type Runtime } from '../../runtime.js';
import type { ApiRequest } from '../api.js';
import type { JournalAuth } from '../../testbed/journal.js';
import { checkAkSk } from './aksk.js';
import type { AuthCheck } from './outcome.js';
import { checkToken } from './token-auth.js';

export interface Authenticated {
  caller: Caller | null;
  auth: JournalAuth;
  accessKey: string | null;
  /** Set in lenient mode when strict mode would have refused. */
  warning: IamError | null;
}

async function check(rt: Runtime, req: ApiRequest): Promise<AuthCheck | null> {
  if (req.headers.authorization !== undefined) return checkAkSk(rt, req);
  const token = req.headers['x-auth-token'];
  if (token !== undefined) return checkToken(rt, req, token);
  return null;
}

const journalAuth = (c: AuthCheck, verdict: JournalAuth['verdict']): JournalAuth => ({
  scheme: c.scheme,
  verdict,
  reason: c.refusal?.error.id ?? null,
  message: c.refusal ? c.refusal.error.message : null,
});

/**
 * Throws the 401 (IamError) when the request must be refused. With `required: false`, a request
 * without any credential passes with `caller: null`.
 */
export async function authenticate(
  rt: Runtime,
  req: ApiRequest,
  required: boolean,
): Promise<Authenticated> {
  const result = await check(rt, req);
  if (!result) {
    if (required)
      throw new IamError(
        'AUTH_MISSING',
        {},
        'Sign the request with AK/SK (SDK-HMAC-SHA256) or send X-Auth-Token.',
      );
    return {
      caller: null,
      auth: { scheme: 'none', verdict: 'none', reason: null, message: null },
      accessKey: null,
      warning: null,
    };
  }
  if (!result.caller) throw refused(rt, result, result.refusal);
  const { caller, refusal, access_key: ak } = result;
  if (refusal && rt.authMode === 'strict') throw refused(rt, result, refusal);
  if (ak && !refusal) rt.lockout.recordSuccess(ak);
  if (caller.permanentKey) await recordUse(rt, caller.permanentKey, caller.domain_id);
  return {
    caller,
    auth: journalAuth(result, refusal ? 'lenient' : 'ok'),
    accessKey: ak,
    warning: refusal?.error ?? null,
  };
}

/** The 401 for a refusal; one that counts moves the AK towards its lock-out (domain/lockout.ts). */
function refused(rt: Runtime, result: AuthCheck, refusal: Refusal): AuthFailure {
  if (result.access_key && refusal.countsTowardLockout) rt.lockout.recordFailure(result.access_key);
  return new AuthFailure(refusal.error, journalAuth(result, 'failed'), result.access_key);
}

/**
 * Records a permanent key's use when the 15-minute rule says it shows (domain/permanent-keys.ts):
 * a write at most every 15 minutes per key, not one per request. A failed write is not the
 * request's failure: the change is undone and the next use tries again.
 */
async function recordUse(
  rt: Runtime,
  key: Readonly<PermanentKeyRecord>,
  tenant: string,
): Promise<void> {
  const ctx = domainContext(rt);
  if (!keyUseShows(key, ctx)) return;
  await rt.store
    .transact(tenant, (doc) => {
      const current = ownRecord(doc.permanent_keys, key.access);
      if (current) markKeyUsed(current, ctx);
    })
    .catch(() => undefined);
}

/** A refused credential, with what the journal should say about it. */
export class AuthFailure extends Error {
  constructor(
    readonly error: IamError,
    readonly auth: JournalAuth,
    readonly accessKey: string | null,
  ) {
    super(error.message);
  }
}
