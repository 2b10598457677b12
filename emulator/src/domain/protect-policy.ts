/**
 * @module domain/protect-policy
 * Operation protection and `allow_user` (docs/reference/huawei-iam-api.md §6.1). Any user of the account may
 * read it (the console needs it to know what to offer); only administrators may change it.
 * Operation protection itself guards console operations only, so no API call here checks it.
 * ⚠ UNCONFIRMED defaults of a fresh account: protection off and all `allow_user.*` true (the
 * permissive values Terraform restores), so IAM users can manage their own keys.
 */
import type { CallerContext } from './context.js';
import { IamError } from './errors.js';
import {
  ownRecord,
  type AccountRecord,
  type AllowUser,
  type ProtectPolicy,
  type TenantDoc,
} from './state.js';

export function defaultProtectPolicy(
  operationProtection = false,
  allowUser: Partial<AllowUser> = {},
): ProtectPolicy {
  return {
    operation_protection: operationProtection,
    allow_user: {
      manage_accesskey: true,
      manage_email: true,
      manage_mobile: true,
      manage_password: true,
      ...allowUser,
    },
    admin_check: 'off',
    scene: '',
    mobile: '',
    email: '',
  };
}

function accountFor(state: TenantDoc, domainId: string, ctx: CallerContext): AccountRecord {
  const account = ownRecord(state.accounts, domainId);
  // Another account's ID, existing or not, is refused the same way (no existence leak).
  if (!account || domainId !== ctx.caller.domain_id) {
    throw new IamError(
      'IAM_FORBIDDEN',
      {},
      'You can read and change only the protect policy of your own account (the domain_id in the path).',
    );
  }
  return account;
}

export function showProtectPolicy(state: TenantDoc, domainId: string, ctx: CallerContext) {
  const p = accountFor(state, domainId, ctx).protect_policy;
  return {
    protect_policy: {
      allow_user: { ...p.allow_user },
      operation_protection: p.operation_protection,
      mobile: p.mobile,
      admin_check: p.admin_check,
      email: p.email,
      scene: p.scene,
    },
  };
}

export interface ProtectPolicyChange {
  operation_protection: boolean;
  allow_user?: Partial<AllowUser>;
  admin_check?: 'on' | 'off';
  scene?: 'mobile' | 'email';
  mobile?: string;
  email?: string;
}

export function updateProtectPolicy(
  state: TenantDoc,
  domainId: string,
  change: ProtectPolicyChange,
  ctx: CallerContext,
) {
  const account = accountFor(state, domainId, ctx);
  if (!ctx.caller.isAdmin) {
    throw new IamError(
      'IAM_FORBIDDEN',
      {},
      'Only an administrator of the account may change the protect policy.',
    );
  }
  const adminCheck = change.admin_check ?? account.protect_policy.admin_check;
  const scene = change.scene ?? (adminCheck === 'on' ? account.protect_policy.scene : '');
  if (adminCheck === 'on' && scene === '') {
    throw new IamError('IAM_REQUIRED', {
      key: 'scene',
      hint: 'With "admin_check": "on", give "scene": "mobile" or "email".',
    });
  }
  const p = account.protect_policy;
  account.protect_policy = {
    operation_protection: change.operation_protection,
    allow_user: { ...p.allow_user, ...change.allow_user },
    admin_check: adminCheck,
    scene,
    mobile: change.mobile ?? p.mobile,
    email: change.email ?? p.email,
  };
  const q = account.protect_policy;
  return {
    protect_policy: {
      allow_user: { ...q.allow_user },
      operation_protection: q.operation_protection,
      admin_check: q.admin_check,
      scene: q.scene,
    },
  };
}
