/**
 * @module domain/permanent-keys
 * Permanent access keys, shared by the v3 (`/v3.0/OS-CREDENTIAL/credentials`) and v5
 * (`/v5/users/{id}/access-keys`) APIs: one store, one set of rules.
 * - At most PERMANENT_KEYS_PER_USER (2) per user, inactive keys counted (docs/reference/huawei-iam-api.md §1.1).
 * - New keys are active; the secret is returned by create only.
 * - `last_used_at` is null until the key first signs a request; then it shows the first use of
 *   the latest 15-minute span (Huawei: "If an access key is used more than once in a 15-minute
 *   span, the Last Used column only displays the first use time"; docs/reference/huawei-iam-api.md §1).
 * - Each user lists its keys' AKs (`access_keys`), so nothing here scans the account's keys.
 */
import { newPermanentAccessKey, newSecretKey, PERMANENT_KEYS_PER_USER } from '@iam-testbed/shared';
import {
  authorizeKeyAction,
  visibleUser,
  type KeyAction,
  type KeyErrors,
} from './authorization.js';
import type { CallerContext, DomainContext } from './context.js';
import { IamError } from './errors.js';
import {
  ownRecord,
  type KeyStatus,
  type PermanentKeyRecord,
  type TenantDoc,
  type UserRecord,
} from './state.js';
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

/** How long one use keeps showing: later uses within it do not move "Last Used". */
export const LAST_USE_SPAN_MS = 15 * 60_000;

/** The user's keys, oldest first, through the user's own list of AKs. */
export function keysOf(state: TenantDoc, userId: string): PermanentKeyRecord[] {
  const user = ownRecord(state.users, userId);
  if (!user) return [];
  return user.access_keys.flatMap((ak) => {
    const key = ownRecord(state.permanent_keys, ak);
    return key ? [key] : [];
  });
}

/** Adds a key without authorization checks (seed, tenants); `access`/`secret` may be fixed by a seed. */
export function insertPermanentKey(
  state: TenantDoc,
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
    last_used_at: null,
  };
  state.permanent_keys[key.access] = key;
  const owner = ownRecord(state.users, user.id);
  if (owner) owner.access_keys.push(key.access);
  return key;
}

/** Create for `userId`. Checks authorization and quota before changing anything. */
export function createPermanentKey(
  state: TenantDoc,
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
export function listPermanentKeys(
  state: TenantDoc,
  userId: string | undefined,
  ctx: CallerContext,
  errors: KeyErrors,
): PermanentKeyRecord[] {
  const user =
    userId === undefined ? ctx.caller.user : visibleUser(state, ctx.caller, userId, errors);
  if (userId === undefined && ctx.caller.kind === 'agency') return [];
  authorizeKeyAction(state, ctx.caller, user, 'list', errors);
  return keysOf(state, user.id);
}

/**
 * The key `access`, if the caller may do `action` on it. Keys of other accounts (and temporary
 * keys) are "not found"; with `userId` (v5 paths) the key must also belong to that user.
 */
export function findPermanentKey(
  state: TenantDoc,
  access: string,
  action: KeyAction,
  ctx: CallerContext,
  errors: KeyErrors,
  userId?: string,
): PermanentKeyRecord {
  if (userId !== undefined) visibleUser(state, ctx.caller, userId, errors);
  const key = ownRecord(state.permanent_keys, access);
  if (
    !key ||
    key.domain_id !== ctx.caller.domain_id ||
    (userId !== undefined && key.user_id !== userId)
  ) {
    throw errors.keyNotFound(access);
  }
  const owner = state.users[key.user_id];
  if (!owner) throw errors.keyNotFound(access);
  authorizeKeyAction(state, ctx.caller, owner, action, errors);
  return key;
}

export function updatePermanentKey(
  state: TenantDoc,
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

export function deletePermanentKey(
  state: TenantDoc,
  access: string,
  ctx: CallerContext,
  errors: KeyErrors,
  userId?: string,
): void {
  const key = findPermanentKey(state, access, 'delete', ctx, errors, userId);
  const owner = ownRecord(state.users, key.user_id);
  if (owner) owner.access_keys = owner.access_keys.filter((ak) => ak !== access);
  delete state.permanent_keys[access];
}

/** Whether a use now would show: the first use, or the first after a 15-minute span. */
export function keyUseShows(key: Readonly<PermanentKeyRecord>, ctx: DomainContext): boolean {
  return key.last_used_at === null || ctx.clock.now() - key.last_used_at >= LAST_USE_SPAN_MS;
}

/** Records a successful use (called by authentication) when it shows. */
export function markKeyUsed(key: PermanentKeyRecord, ctx: DomainContext): void {
  if (keyUseShows(key, ctx)) key.last_used_at = ctx.clock.now();
}

/** What "Last Used" shows: the creation time until the first use (Huawei's stated initial value). */
export const lastUseShown = (key: Readonly<PermanentKeyRecord>): number =>
  key.last_used_at ?? key.created_at;
