/**
 * @module domain/state
 * The state document: everything the emulator knows, as one JSON-serialisable object. The store
 * persists it as is (with `schemaVersion`); the control plane (issue 5) exports/imports it.
 * Records are kept in objects keyed by their ID so lookups by ID/AK are O(1) and the file diffs
 * cleanly. Times are milliseconds since the epoch on the emulator clock.
 */

/** Bump when the document's shape changes; the store refuses files with a newer version. */
export const SCHEMA_VERSION = 1;

export interface AllowUser {
  manage_accesskey: boolean;
  manage_email: boolean;
  manage_mobile: boolean;
  manage_password: boolean;
}

export interface ProtectPolicy {
  operation_protection: boolean;
  allow_user: AllowUser;
  admin_check: 'on' | 'off';
  scene: '' | 'mobile' | 'email';
  mobile: string;
  email: string;
}

/** An account (Keystone "domain"). */
export interface AccountRecord {
  id: string;
  name: string;
  created_at: number;
  protect_policy: ProtectPolicy;
}

export interface GroupRecord {
  id: string;
  domain_id: string;
  name: string;
  description: string;
  created_at: number;
}

/**
 * `iam`: an IAM user (the account's root user is one, with `is_domain_owner`).
 * `federated`: a virtual user mapped from an identity provider; no password, no permanent keys.
 */
export type UserKind = 'iam' | 'federated';

export interface UserRecord {
  id: string;
  domain_id: string;
  name: string;
  kind: UserKind;
  is_domain_owner: boolean;
  group_ids: string[];
  /** `scrypt$<N>$<salt hex>$<hash hex>`; null for federated users. */
  password_hash: string | null;
  enabled: boolean;
  description: string;
  email: string;
  created_at: number;
  last_login_at: number | null;
  /** Federated users only. */
  idp_id: string | null;
}

export interface ProjectRecord {
  id: string;
  domain_id: string;
  name: string;
  region: string;
  /** The account ID for a region project, the region project's ID for a sub-project. */
  parent_id: string;
  description: string;
  enabled: boolean;
}

export type KeyStatus = 'active' | 'inactive';

export interface PermanentKeyRecord {
  access: string;
  secret: string;
  user_id: string;
  domain_id: string;
  status: KeyStatus;
  description: string;
  created_at: number;
  last_used_at: number;
}

/** Who acts: a user, or an agency assumed by a user of the trusted account. */
export type Principal =
  | { type: 'user'; user_id: string }
  | { type: 'agency'; agency_id: string; session_user: string; assumed_by: string };

export type TemporaryKeySource = 'token' | 'aksk' | 'assume_role';

export interface TemporaryKeyRecord {
  access: string;
  secret: string;
  security_token: string;
  domain_id: string;
  principal: Principal;
  source: TemporaryKeySource;
  created_at: number;
  expires_at: number;
  /** The optional session policy, stored as sent. Only recorded (OBS is its only enforcer). */
  policy: unknown;
}

export type TokenScope =
  | { type: 'unscoped' }
  | { type: 'domain' }
  | { type: 'project'; project_id: string };

export interface TokenRecord {
  id: string;
  user_id: string;
  domain_id: string;
  methods: string[];
  scope: TokenScope;
  issued_at: number;
  expires_at: number;
  /** Federated tokens only. */
  idp_id: string | null;
}

export interface IdentityProviderRecord {
  id: string;
  domain_id: string;
  protocol: 'oidc';
  /** The emulator signs (and trusts) id tokens for this IdP with this HMAC key (hex). */
  signing_key: string;
  client_id: string;
  description: string;
  created_at: number;
}

/** An agency: `domain_id` (the delegating account) lets users of `trust_domain_id` act in it. */
export interface AgencyRecord {
  id: string;
  name: string;
  domain_id: string;
  trust_domain_id: string;
  /** Agencies here carry administrator rights in the delegating account (documented deviation). */
  admin: boolean;
  created_at: number;
}

/** Bookkeeping about the store itself. */
export interface StateMeta {
  created_at: number;
  /**
   * Incremented at every start. Mixed into the `--seed-random` stream so a restart on an existing
   * file continues with fresh IDs instead of replaying (and colliding with) the first run's.
   */
  starts: number;
}

export interface StateDoc {
  schemaVersion: number;
  meta: StateMeta;
  accounts: Record<string, AccountRecord>;
  groups: Record<string, GroupRecord>;
  users: Record<string, UserRecord>;
  projects: Record<string, ProjectRecord>;
  permanent_keys: Record<string, PermanentKeyRecord>;
  temporary_keys: Record<string, TemporaryKeyRecord>;
  tokens: Record<string, TokenRecord>;
  identity_providers: Record<string, IdentityProviderRecord>;
  agencies: Record<string, AgencyRecord>;
}

export function emptyState(now = 0): StateDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: { created_at: now, starts: 0 },
    accounts: {},
    groups: {},
    users: {},
    projects: {},
    permanent_keys: {},
    temporary_keys: {},
    tokens: {},
    identity_providers: {},
    agencies: {},
  };
}

/** True when no account exists yet (a fresh store that needs its seed). */
export function isEmpty(state: StateDoc): boolean {
  return Object.keys(state.accounts).length === 0;
}

/**
 * The record stored under `id`, never an inherited property: IDs arrive from requests, and a plain
 * object answers `constructor`, `__proto__` or `toString` with Object's own members. Use this for
 * every lookup by a key that came from outside (paths, headers, bodies, imported documents).
 */
export function ownRecord<T>(records: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(records, id) ? records[id] : undefined;
}

/**
 * The file store hands out the document wrapped in change-tracking proxies (store/change-tracker.ts).
 * `structuredClone` refuses a Proxy, so code that deep-copies records copies `plain(record)`.
 */
const proxyTargets = new WeakMap<object, object>();

/** Registers a tracking proxy and the object it wraps (store use only). */
export function registerProxy(proxy: object, target: object): void {
  proxyTargets.set(proxy, target);
}

/** The plain object behind a tracking proxy; anything else as is. */
export function plain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  return (proxyTargets.get(value) as T | undefined) ?? value;
}
