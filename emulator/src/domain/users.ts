/**
 * @module domain/users
 * IAM users, federated users and the account's `admin` group, plus the two user views
 * (`GET /v3/users/{id}` Keystone, `GET /v3.0/OS-USER/users/{id}`).
 */
import { newHex32Id } from '@iam-testbed/shared';
import type { CallerContext, DomainContext } from './context.js';
import { IamError } from './errors.js';
import { ADMIN_GROUP_NAME } from './identity.js';
import { hashPassword } from './passwords.js';
import { ownRecord, type GroupRecord, type TenantDoc, type UserRecord } from './state.js';
import { formatOsUserTime } from './time-format.js';

export function createAdminGroup(
  state: TenantDoc,
  domainId: string,
  ctx: DomainContext,
): GroupRecord {
  const group: GroupRecord = {
    id: newHex32Id(ctx.random),
    domain_id: domainId,
    name: ADMIN_GROUP_NAME,
    description: 'Administrators of the account: full permissions for all services, including IAM.',
    created_at: ctx.clock.now(),
  };
  state.groups[group.id] = group;
  return group;
}

export interface NewUser {
  domainId: string;
  name: string;
  kind: UserRecord['kind'];
  password?: string;
  id?: string;
  isDomainOwner?: boolean;
  groupIds?: string[];
  idpId?: string;
  email?: string;
}

export function createUser(state: TenantDoc, input: NewUser, ctx: DomainContext): UserRecord {
  const user: UserRecord = {
    id: input.id ?? newHex32Id(ctx.random),
    domain_id: input.domainId,
    name: input.name,
    kind: input.kind,
    is_domain_owner: input.isDomainOwner ?? false,
    group_ids: input.groupIds ?? [],
    access_keys: [],
    password_hash: input.password === undefined ? null : hashPassword(input.password, ctx.random),
    enabled: true,
    description: '',
    email: input.email ?? '',
    created_at: ctx.clock.now(),
    last_login_at: null,
    idp_id: input.idpId ?? null,
  };
  state.users[user.id] = user;
  return user;
}

export function usersOf(state: TenantDoc, domainId: string): UserRecord[] {
  return Object.values(state.users).filter((u) => u.domain_id === domainId);
}

/** IAM user by name within an account (names are unique per account, case-sensitive). */
export function findIamUserByName(
  state: TenantDoc,
  domainId: string,
  name: string,
): UserRecord | undefined {
  return usersOf(state, domainId).find((u) => u.kind === 'iam' && u.name === name);
}

/**
 * A user the caller may read: themselves, or anyone in their account if they administer it.
 * Users of other accounts and federated (virtual) users are "not found", so account boundaries
 * do not leak which IDs exist.
 */
function readableUser(
  state: TenantDoc,
  userId: string,
  ctx: CallerContext,
  family: 'keystone' | 'iam',
): UserRecord {
  const user = ownRecord(state.users, userId);
  const notFound = family === 'keystone' ? 'KEYSTONE_NOT_FOUND' : 'IAM_NOT_FOUND';
  if (!user || user.kind !== 'iam' || user.domain_id !== ctx.caller.domain_id) {
    throw new IamError(notFound, { target: 'user', id: userId });
  }
  const self = ctx.caller.kind !== 'agency' && ctx.caller.user.id === user.id;
  if (!self && !ctx.caller.isAdmin) {
    throw new IamError(
      family === 'keystone' ? 'KEYSTONE_FORBIDDEN' : 'IAM_FORBIDDEN',
      {},
      'Only an administrator of the account may read other users.',
    );
  }
  return user;
}

const selfLink = (baseUrl: string, path: string) => ({
  self: `${baseUrl}${path}`,
  previous: null,
  next: null,
});

/** `GET /v3/users/{user_id}` (docs/reference/huawei-iam-api.md §5.1). */
export function showKeystoneUser(
  state: TenantDoc,
  userId: string,
  baseUrl: string,
  ctx: CallerContext,
) {
  const user = readableUser(state, userId, ctx, 'keystone');
  return {
    user: {
      pwd_status: false,
      domain_id: user.domain_id,
      last_project_id: '',
      name: user.name,
      description: user.description,
      password_expires_at: null,
      links: selfLink(baseUrl, `/v3/users/${user.id}`),
      id: user.id,
      enabled: user.enabled,
      access_mode: 'default',
    },
  };
}

/** `GET /v3.0/OS-USER/users/{user_id}` (docs/reference/huawei-iam-api.md §5.2), with `is_domain_owner`. */
export function showOsUser(state: TenantDoc, userId: string, baseUrl: string, ctx: CallerContext) {
  const user = readableUser(state, userId, ctx, 'iam');
  const created = formatOsUserTime(user.created_at);
  return {
    user: {
      enabled: user.enabled,
      id: user.id,
      domain_id: user.domain_id,
      name: user.name,
      links: { self: `${baseUrl}/v3.0/OS-USER/users/${user.id}` },
      xuser_id: '',
      xuser_type: '',
      areacode: '',
      email: user.email,
      phone: '',
      pwd_status: false,
      update_time: created,
      create_time: created,
      last_login_time: user.last_login_at === null ? null : formatOsUserTime(user.last_login_at),
      last_pwd_auth_time: null,
      pwd_strength: 'High',
      is_domain_owner: user.is_domain_owner,
      access_mode: 'default',
      description: user.description,
      pwd_create_time: created,
      modify_pwd_time: created,
    },
  };
}
