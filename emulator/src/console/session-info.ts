/**
 * @module console/session-info
 * What the console shows about the signed-in user: kind (administrator, IAM user, federated),
 * account, and the regions the account has projects in — region names from the shared catalogue.
 */
import { regionById } from '@iam-testbed/shared';
import { isAdminUser } from '../domain/identity.js';
import { projectsOf } from '../domain/projects.js';
import { ownRecord, type TenantDoc, type UserRecord } from '../domain/state.js';
import type { ConsoleUser, ConsoleUserKind, RegionRef, SessionInfo } from './contract.js';
import type { ConsoleSession } from './sessions.js';

export function userKind(state: TenantDoc, user: UserRecord): ConsoleUserKind {
  if (user.kind === 'federated') return 'federated';
  return isAdminUser(state, user) ? 'admin' : 'iam_user';
}

export function consoleUser(state: TenantDoc, user: UserRecord): ConsoleUser {
  const account = ownRecord(state.accounts, user.domain_id);
  return {
    id: user.id,
    name: user.name,
    kind: userKind(state, user),
    domain: { id: user.domain_id, name: account?.name ?? '' },
  };
}

/** An uncatalogued region keeps its ID as its name in both locales. */
export function regionRef(id: string): RegionRef {
  const region = regionById(id);
  return { id, name: region ? { ...region.name } : { 'en-us': id, 'zh-cn': id } };
}

export function accountRegions(state: TenantDoc, domainId: string): RegionRef[] {
  const ids = [...new Set(projectsOf(state, domainId).map((p) => p.region))];
  return ids.map(regionRef);
}

export function sessionInfo(
  state: TenantDoc,
  session: ConsoleSession,
  user: UserRecord | null,
): SessionInfo {
  if (!user) return { authenticated: false, csrf_token: session.csrf };
  return {
    authenticated: true,
    csrf_token: session.csrf,
    user: consoleUser(state, user),
    expires_at: new Date(session.expires_at).toISOString(),
    regions: accountRegions(state, user.domain_id),
  };
}
