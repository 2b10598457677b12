/**
 * @module domain/permanent-keys
 * Permanent access keys, shared by the v3 (`/v3.0/OS-CREDENTIAL/credentials`) and v5
 * (`/v5/users/{id}/access-keys`) APIs: one store, one set of rules.
 * - At most PERMANENT_KEYS_PER_USER (2) per user, inactive keys counted (huawei-iam-api.md §1.1).
 * - New keys are active; the secret is returned by create only.
 * - `last_used_at` starts equal to `created_at` and moves when the key signs a request.
 */
import { newPermanentAccessKey, newSecretKey, PERMANENT_KEYS_PER_USER } from '@iam-testbed/shared';
import { authorizeKeyAction, visibleUser, type KeyAction, type KeyErrors } from './authorization.js';
import type { CallerContext, DomainContext } from './context.js';
import { IamError } from './errors.js';
import { ownRecord, type KeyStatus, type PermanentKeyRecord, type StateDoc, type UserRecord } from './state.js';
import { uniqueAccessKey } from './unique-access-key.js';

export const V3_KEY_ERRORS: KeyErrors = {
  forbidden: (hint) => new IamError('IAM_FORBIDDEN', {}, hint),
  userNotFound: (id) => new IamError('KEYSTONE_NOT_FOUND', { target: 'user', id }),
  keyNotFound: (ak) => new IamError('KEYSTONE_NOT_FOUND', { target: 'credential', id: ak }),
  quotaExceeded: () => new IamError('AK_QUOTA_EXCEEDED', {}, QUOTA_HINT),
};

export const V5_KEY_ERRORS: KeyErrors = {
  forbidden: (hint) => new IamError('V5_ACCESS_DENIED', { detail: hint }),
  userNotFound: (id) => new IamError('V5_NOT_FOUND', { target: 'user', id }),
  keyNotFound: (ak) => new IamError('V5_NOT_FOUND', { target: 'access key', id: ak }),
  quotaExceeded: () => new IamError('V5_QUOTA_EXCEEDED', {}, QUOTA_HINT),
};

const QUOTA_HINT = `A user can have at most ${PERMANENT_KEYS_PER_USER} access keys and inactive keys count; delete one first.`;

export function keysOf(state: StateDoc, userId: string): PermanentKeyRecord[] {
  return Object.values(state.permanent_keys)
    .filter((k) => k.user_id === userId)
    .sort((a, b) => a.created_at - b.created_at || a.access.localeCompare(b.access));
}

/** Adds a key without authorization checks (seed, tenants); `access`/`secret` may be fixed by a seed. */
export function insertPermanentKey(
  state: StateDoc,
  user: UserRecord,
  ctx: DomainContext,
  fixed: { access?: string; secret?: string; description?: string; status?: KeyStatus } = {},
): PermanentKeyRecord {
  const now = ctx.clock.now();
  const key: PermanentKeyRecord = {
    access: fixed.access ?? uniqueAccessKey(state, newPermanentAccessKey, ctx.random),
    secret: fixed.secret ?? newSecretKey(ctx.random),
    user_id: user.id,
    domain_id: user.domain_id,
    status: fixed.status ?? 'active',
    description: fixed.description ?? '',
    created_at: now,
    last_used_at: now,
  };
  state.permanent_keys[key.access] = key;
  return key;
}

/** Create for `userId`. Checks authorization and quota before changing anything. */
export function createPermanentKey(
  state: StateDoc,
  input: { user_id: string; description?: string },
  ctx: CallerContext,
  errors: KeyErrors,
): PermanentKeyRecord {
  const user = visibleUser(state, ctx.caller, input.user_id, errors);
  authorizeKeyAction(state, ctx.caller, user, 'create', errors);
  if (keysOf(state, user.id).length >= PERMANENT_KEYS_PER_USER) throw errors.quotaExceeded();
  return insertPermanentKey(state, user, ctx, { description: input.description ?? '' });
}

/** List for `userId`, or for the caller when omitted (the "My Credentials" case). */
export function listPermanentKeys(state: StateDoc, userId: string | undefined, ctx: CallerContext, errors: KeyErrors): PermanentKeyRecord[] {
  const user = userId === undefined ? ctx.caller.user : visibleUser(state, ctx.caller, userId, errors);
  if (userId === undefined && ctx.caller.kind === 'agency') return [];
  authorizeKeyAction(state, ctx.caller, user, 'list', errors);
  return keysOf(state, user.id);
}

/**
 * The key `access`, if the caller may do `action` on it. Keys of other accounts (and temporary
 * keys) are "not found"; with `userId` (v5 paths) the key must also belong to that user.
 */
export function findPermanentKey(
  state: StateDoc,
  access: string,
  action: KeyAction,
  ctx: CallerContext,
  errors: KeyErrors,
  userId?: string,
): PermanentKeyRecord {
  if (userId !== undefined) visibleUser(state, ctx.caller, userId, errors);
  const key = ownRecord(state.permanent_keys, access);
  if (!key || key.domain_id !== ctx.caller.domain_id || (userId !== undefined && key.user_id !== userId)) {
    throw errors.keyNotFound(access);
  }
  const owner = state.users[key.user_id];
  if (!owner) throw errors.keyNotFound(access);
  authorizeKeyAction(state, ctx.caller, owner, action, errors);
  return key;
}

export function updatePermanentKey(
  state: StateDoc,
  access: string,
  change: { status?: KeyStatus; description?: string },
  ctx: CallerContext,
  errors: KeyErrors,
  userId?: string,
): PermanentKeyRecord {
  const key = findPermanentKey(state, access, 'update', ctx, errors, userId);
  if (change.status !== undefined) key.status = change.status;
  if (change.description !== undefined) key.description = change.description;
  return key;
}

export function deletePermanentKey(state: StateDoc, access: string, ctx: CallerContext, errors: KeyErrors, userId?: string): void {
  findPermanentKey(state, access, 'delete', ctx, errors, userId);
  delete state.permanent_keys[access];
}

/** Records a successful use (called by authentication). */
export function markKeyUsed(key: PermanentKeyRecord, ctx: DomainContext): void {
  key.last_used_at = Math.max(key.last_used_at, ctx.clock.now());
}
