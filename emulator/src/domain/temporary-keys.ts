/**
 * @module domain/temporary-keys
 * Temporary access keys (`POST /v3.0/OS-CREDENTIAL/securitytokens`, docs/reference/huawei-iam-api.md §2):
 * `duration_seconds` 900–86400 (default 900), optional session policy ≤ 2048 characters, and a
 * security token that must travel with the AK. A key never outlives what it was minted from:
 * minted with a token it expires no later than that token; minted with another temporary key, no
 * later than that key (⚠ UNCONFIRMED whether Huawei caps or refuses; we cap).
 */
import {
  newSecretKey,
  newSecurityToken,
  newTemporaryAccessKey,
  SESSION_POLICY_MAX_CHARS,
  TEMP_KEY_DEFAULT_SECONDS,
  TEMP_KEY_MAX_SECONDS,
  TEMP_KEY_MIN_SECONDS,
} from '@iam-testbed/shared';
import type { CallerContext, DomainContext } from './context.js';
import { IamError } from './errors.js';
import type { Caller } from './identity.js';
import { pruneExpired } from './prune-expired.js';
import type { Principal, TenantDoc, TemporaryKeyRecord, TemporaryKeySource } from './state.js';
import { uniqueAccessKey } from './unique-access-key.js';

/** Expired keys are kept this long so their use is answered "expired", then pruned. */
const EXPIRED_KEY_RETENTION_MS = 24 * 3600 * 1000;

/**
 * The one validation of `duration_seconds`: anything but an integer in range (including strings,
 * fractions and huge numbers) gets the same error.
 */
export function checkDuration(value: unknown): number {
  if (value === undefined) return TEMP_KEY_DEFAULT_SECONDS;
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= TEMP_KEY_MIN_SECONDS &&
    value <= TEMP_KEY_MAX_SECONDS
  ) {
    return value;
  }
  throw new IamError('TEMP_KEY_DURATION_INVALID', {
    value: JSON.stringify(value)?.slice(0, 40) ?? typeof value,
  });
}

/** The session policy as stored; length is counted on its compact JSON form. */
export function checkPolicy(policy: unknown): unknown {
  if (policy === undefined) return null;
  const length = JSON.stringify(policy).length;
  if (length > SESSION_POLICY_MAX_CHARS) throw new IamError('TEMP_KEY_POLICY_TOO_LONG', { length });
  return policy;
}

export interface MintInput {
  principal: Principal;
  domainId: string;
  source: TemporaryKeySource;
  durationSeconds: number;
  policy: unknown;
  /** Upper bound for `expires_at` (the minting token's or key's expiry). */
  notAfter?: number;
}

export function mintTemporaryKey(
  state: TenantDoc,
  input: MintInput,
  ctx: DomainContext,
): TemporaryKeyRecord {
  const now = ctx.clock.now();
  pruneExpired(state.temporary_keys, now, EXPIRED_KEY_RETENTION_MS);
  const wanted = now + input.durationSeconds * 1000;
  const key: TemporaryKeyRecord = {
    access: uniqueAccessKey(state, newTemporaryAccessKey, ctx.random),
    secret: newSecretKey(ctx.random),
    security_token: newSecurityToken(ctx.random),
    domain_id: input.domainId,
    principal: input.principal,
    source: input.source,
    created_at: now,
    expires_at: input.notAfter === undefined ? wanted : Math.min(wanted, input.notAfter),
    policy: input.policy,
  };
  state.temporary_keys[key.access] = key;
  return key;
}

/** What the caller's own credential allows: its principal and expiry bound. */
export function callerMintBasis(caller: Caller): { principal: Principal; notAfter?: number } {
  const notAfter = caller.token?.expires_at ?? caller.temporaryKey?.expires_at;
  if (caller.kind === 'agency' && caller.temporaryKey)
    return { principal: caller.temporaryKey.principal, notAfter };
  return { principal: { type: 'user', user_id: caller.user.id }, notAfter };
}

/** `methods: ["token"]`: a temporary key for the caller. */
export function mintForCaller(
  state: TenantDoc,
  input: { duration: unknown; policy: unknown; notAfter?: number },
  source: TemporaryKeySource,
  ctx: CallerContext,
): TemporaryKeyRecord {
  const durationSeconds = checkDuration(input.duration);
  const policy = checkPolicy(input.policy);
  const basis = callerMintBasis(ctx.caller);
  const bounds = [basis.notAfter, input.notAfter].filter((b): b is number => b !== undefined);
  const notAfter = bounds.length > 0 ? Math.min(...bounds) : undefined;
  return mintTemporaryKey(
    state,
    {
      principal: basis.principal,
      notAfter,
      domainId: ctx.caller.domain_id,
      source,
      durationSeconds,
      policy,
    },
    ctx,
  );
}
