/**
 * @module store/port
 * The store port: a repository of per-tenant documents with transactions. A tenant is one
 * account and every record in it (domain/state.ts `TenantDoc`). The domain's rules are pure
 * functions of one tenant's document; everything that spans tenants goes through the global
 * indexes here (access key, token, account name, identity provider, user → tenant), which every
 * backend keeps up to date incrementally with each commit.
 *
 * Backends: memory (`--memory`), lowdb files (the default; store/lowdb/), and PostgreSQL later.
 * Each must pass the contract suite in test/store-contract/.
 */
import type { StateDoc, StateMeta, TenantDoc } from '../domain/state.js';
import type { TenantCounts } from '../domain/tenant-docs.js';

export type StoreKind = 'memory' | 'lowdb';

/** The global lookups. Keys are unique across the whole store. */
export type IndexName = 'access_key' | 'token' | 'account_name' | 'identity_provider' | 'user';

export interface TenantSummary {
  id: string;
  name: string;
  created_at: number;
  counts: TenantCounts;
}

export interface StorePort {
  readonly kind: StoreKind;
  /** Where the data lives (a folder for lowdb); undefined in memory. */
  readonly location: string | undefined;
  /**
   * Counts this start durably and returns the new count, above `atLeast` (an imported document's
   * count): it labels the `--seed-random` streams, so a restart never replays earlier IDs.
   */
  countStart(atLeast?: number): Promise<number>;
  /** Called with each tenant read from storage, once per process (reset baselines). */
  onFirstLoad: ((doc: TenantDoc) => void) | undefined;
  meta(): Promise<StateMeta>;
  /** The tenant that holds `key` in `index`, if any. */
  findTenant(index: IndexName, key: string): Promise<string | undefined>;
  /** Every tenant, oldest first, without loading any document. */
  listTenants(): Promise<TenantSummary[]>;
  /**
   * Runs `fn` on the tenant's committed document (waiting for any unit of work on it to finish);
   * undefined when there is no such tenant. `fn` must not change the document: it is not tracked.
   */
  read<T>(tenantId: string, fn: (doc: TenantDoc) => T): Promise<T | undefined>;
  /**
   * A unit of work on one tenant, all or nothing. `fn` changes the document in place; when it
   * returns, everything it changed is made durable before the returned promise resolves. When
   * `fn` throws, or the write fails, every change is undone (in memory too) and the error is
   * rethrown. Units of work on one tenant run one at a time. Throws STORE_TENANT_GONE when the
   * tenant does not exist.
   */
  transact<T>(tenantId: string, fn: (doc: TenantDoc) => T | Promise<T>): Promise<T>;
  /** Adds a tenant; STORE_CONFLICT when its ID, name, an access key, user or IdP ID is taken. */
  insertTenant(doc: TenantDoc): Promise<void>;
  /** Replaces a tenant's whole document (reset); returns the previous one, or undefined when absent. */
  putTenant(doc: TenantDoc): Promise<TenantDoc | undefined>;
  /** Removes a tenant; returns its last document, or undefined when absent. */
  deleteTenant(tenantId: string): Promise<TenantDoc | undefined>;
  /** Every tenant merged into one document (export). Loads every tenant. */
  exportAll(): Promise<StateDoc>;
  /** Replaces the whole content in one durable step (import, full reset); `meta.starts` is kept. */
  replaceAll(tenants: readonly TenantDoc[]): Promise<void>;
  /** Waits for pending writes, then releases the data. Idempotent. */
  close(): Promise<void>;
}
