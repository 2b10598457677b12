/**
 * @module domain/identity
 * Who is calling, once authentication has succeeded, and what that makes them: an account
 * administrator (the root user or a member of the account's `admin` group, docs/reference/huawei-iam-api.md
 * §5.4), an ordinary IAM user, a federated user, or an agency assumed by a trusted user. Which
 * caller a presented access key or token stands for is decided in domain/credentials.ts.
 */
import type {
  AgencyRecord,
  PermanentKeyRecord,
  TenantDoc,
  TemporaryKeyRecord,
  TokenRecord,
  UserRecord,
} from './state.js';

export type CallerKind = 'iam' | 'federated' | 'agency';
export type CallerVia = 'permanent-key' | 'temporary-key' | 'token';

export interface Caller {
  kind: CallerKind;
  via: CallerVia;
  domain_id: string;
  /** The acting user; for an agency, the user who assumed it. */
  user: UserRecord;
  agency: AgencyRecord | null;
  isAdmin: boolean;
  access_key: string | null;
  permanentKey: PermanentKeyRecord | null;
  temporaryKey: TemporaryKeyRecord | null;
  token: TokenRecord | null;
}

export const ADMIN_GROUP_NAME = 'admin';

/** Root user, or member of the account's `admin` group. ⚠ UNCONFIRMED: IAM's full permission model is not emulated. */
export function isAdminUser(state: TenantDoc, user: UserRecord): boolean {
  if (user.kind !== 'iam') return false;
  if (user.is_domain_owner) return true;
  return user.group_ids.some((id) => {
    const group = state.groups[id];
    return (
      group !== undefined && group.domain_id === user.domain_id && group.name === ADMIN_GROUP_NAME
    );
  });
}

interface CallerSource {
  via: CallerVia;
  permanentKey?: PermanentKeyRecord;
  temporaryKey?: TemporaryKeyRecord;
  token?: TokenRecord;
}

/** The caller acting as `user` itself. */
export function userCaller(state: TenantDoc, user: UserRecord, source: CallerSource): Caller {
  return {
    kind: user.kind,
    via: source.via,
    domain_id: user.domain_id,
    user,
    agency: null,
    isAdmin: isAdminUser(state, user),
    access_key: source.permanentKey?.access ?? source.temporaryKey?.access ?? null,
    permanentKey: source.permanentKey ?? null,
    temporaryKey: source.temporaryKey ?? null,
    token: source.token ?? null,
  };
}

/** The caller acting through an agency: in the delegating account, with the agency's rights. */
export function agencyCaller(
  user: UserRecord,
  agency: AgencyRecord,
  key: TemporaryKeyRecord,
): Caller {
  return {
    kind: 'agency',
    via: 'temporary-key',
    domain_id: agency.domain_id,
    user,
    agency,
    isAdmin: agency.admin,
    access_key: key.access,
    permanentKey: null,
    temporaryKey: key,
    token: null,
  };
}
