/**
 * @module domain/state
 * The state document: everything the emulator knows, as one JSON-serialisable object. The store
 * persists it as is (with `schemaVersion`); the control plane (issue 5) exports/imports it.
 * Records are kept in objects keyed by their ID so lookups by ID/AK are O(1) and the file diffs
 * cleanly. Times are milliseconds since the epoch on the emulator clock.
 */

/**
 * Bump when a document's shape changes; the store refuses files with a newer version. Version 2:
 * one document per tenant (store/), and `last_used_at` is null until a key's first use.
 */
export const SCHEMA_VERSION = 2;

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
  /**
   * The AKs of the user's permanent keys, oldest first: the per-user index the quota check and
   * listings use, so neither scans the account's keys. Kept by domain/permanent-keys.ts only.
   */
  access_keys: string[];
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
  /** The first use in the latest 15-minute span of use; null until the key is first used. */
  last_used_at: number | null;
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
  { type: 'unscoped' } | { type: 'domain' } | { type: 'project'; project_id: string };

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

/**
 * One account and every record in it: the unit the store loads, locks and commits (store/port.ts).
 * `accounts` holds exactly that account, so the rules read a tenant as they would read the whole
 * state. Records of other accounts are never in it: a rule that needs one (an agency's trusting
 * user) is handed it by the caller.
 */
export interface TenantDoc {
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

/** Every collection of a tenant document, in a fixed order (files, logs and exports use it). */
export const TENANT_COLLECTIONS = [
  'accounts',
  'groups',
  'users',
  'projects',
  'permanent_keys',
  'temporary_keys',
  'tokens',
  'identity_providers',
  'agencies',
] as const satisfies ReadonlyArray<keyof TenantDoc>;

export type TenantCollection = (typeof TENANT_COLLECTIONS)[number];

// A new collection in TenantDoc fails to compile here until it is listed above.
type Unlisted = Exclude<keyof TenantDoc, TenantCollection>;
type AssertTrue<T extends true> = T;
/** @public (a compile-time check, never imported) */
export type EveryCollectionListed = AssertTrue<[Unlisted] extends [never] ? true : false>;

/**
 * The whole store as one document: the format of `GET /_emulator/state`, `--import` and
 * `--export-on-exit` (every tenant's records merged), and of the single-file store of version 1.
 */
export interface StateDoc extends TenantDoc {
  schemaVersion: number;
  meta: StateMeta;
}

export function emptyTenant(): TenantDoc {
  return {
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

export function emptyState(now = 0): StateDoc {
  return { schemaVersion: SCHEMA_VERSION, meta: { created_at: now, starts: 0 }, ...emptyTenant() };
}

/** The account a tenant document is about (its only one). */
export function tenantAccount(doc: TenantDoc): AccountRecord {
  for (const id in doc.accounts) return doc.accounts[id]!;
  throw new Error('a tenant document without its account');
}

/**
 * The record stored under `id`, never an inherited property: IDs arrive from requests, and a plain
 * object answers `constructor`, `__proto__` or `toString` with Object's own members. Use this for
 * every lookup by a key that came from outside (paths, headers, bodies, imported documents).
 */
export function ownRecord<T>(records: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(records, id) ? records[id] : undefined;
}
