/**
 * @module domain/authorization
 * Who may manage whose permanent access keys (docs/reference/huawei-iam-api.md §1.6):
 * - an administrator (root user or `admin` group member, or an agency with admin rights) manages
 *   the keys of any IAM user of their account;
 * - an IAM user reads their own keys, and creates, enables/disables and deletes them only while
 *   the account's `protect_policy.allow_user.manage_accesskey` is true;
 * - federated users hold no permanent keys (they use temporary ones);
 * - nobody reaches another account: its users and keys are "not found".
 * ⚠ UNCONFIRMED: the exact refusal (we use 403 IAM.0002, §10); documented in docs/deviations.md.
 */
import type { IamError } from './errors.js';
import type { Caller } from './identity.js';
import { ownRecord, type TenantDoc, type UserRecord } from './state.js';

export type KeyAction = 'create' | 'list' | 'read' | 'update' | 'delete';

/** The errors one API family (v3 or v5) answers with. */
export interface KeyErrors {
  forbidden(hint: string): IamError;
  userNotFound(userId: string): IamError;
  keyNotFound(access: string): IamError;
  quotaExceeded(): IamError;
}

/** The user whose keys are addressed, if the caller can see it at all. */
export function visibleUser(
  state: TenantDoc,
  caller: Caller,
  userId: string,
  errors: KeyErrors,
): UserRecord {
  const user = ownRecord(state.users, userId);
  if (!user || user.domain_id !== caller.domain_id) throw errors.userNotFound(userId);
  return user;
}

/** Throws the family's 403 unless `caller` may do `action` on the keys of `target`. */
export function authorizeKeyAction(
  state: TenantDoc,
  caller: Caller,
  target: UserRecord,
  action: KeyAction,
  errors: KeyErrors,
): void {
  if (target.kind === 'federated') {
    if (action === 'list' || action === 'read') return;
    throw errors.forbidden(
      'Federated users cannot hold permanent access keys; create a temporary key (POST /v3.0/OS-CREDENTIAL/securitytokens) instead.',
    );
  }
  if (caller.isAdmin) return;
  const self = caller.kind === 'iam' && caller.user.id === target.id;
  if (!self) {
    throw errors.forbidden(
      'Only an administrator of the account (root user or admin group member) may manage the access keys of other users.',
    );
  }
  if (action === 'list' || action === 'read') return;
  const account = state.accounts[caller.domain_id];
  if (!account?.protect_policy.allow_user.manage_accesskey) {
    throw errors.forbidden(
      'The account does not allow IAM users to manage their own access keys (protect_policy.allow_user.manage_accesskey is false); ask an administrator.',
    );
  }
}
