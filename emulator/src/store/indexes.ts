/**
 * @module store/indexes
 * The global indexes in memory (access key, token, account name, identity provider, user →
 * tenant) and each tenant's summary (name, creation, counts), updated incrementally from what a
 * unit of work touched — never rebuilt by scanning. The lowdb backend persists them in its index
 * file and log; a backend on a database keeps them in tables.
 */
import { countsOf, isCounted } from '../domain/tenant-docs.js';
import { tenantAccount, type StateMeta, type TenantDoc } from '../domain/state.js';
import type { IndexName, TenantSummary } from './port.js';
import { ABSENT, type Touched } from './tenant-tracker.js';

export const INDEX_NAMES = [
  'access_key',
  'token',
  'account_name',
  'identity_provider',
  'user',
] as const satisfies readonly IndexName[];

/** Keys to add to and remove from the indexes, all for one tenant. */
export interface IndexDelta {
  set: Array<[IndexName, string]>;
  del: Array<[IndexName, string]>;
}

/** Which index a collection's record IDs go in (accounts are indexed by name instead). */
const BY_ID: Readonly<Record<string, IndexName>> = {
  permanent_keys: 'access_key',
  temporary_keys: 'access_key',
  tokens: 'token',
  identity_providers: 'identity_provider',
  users: 'user',
};

/** Every index key of a tenant document. */
export function indexKeysOf(doc: TenantDoc): Array<[IndexName, string]> {
  const keys: Array<[IndexName, string]> = [['account_name', tenantAccount(doc).name]];
  for (const [collection, index] of Object.entries(BY_ID)) {
    for (const id of Object.keys((doc as unknown as Record<string, object>)[collection]!))
      keys.push([index, id]);
  }
  return keys;
}

/** What a unit of work changes in the indexes and in its tenant's counts. */
export function deltaOf(
  raw: TenantDoc,
  touched: Touched,
  summary: TenantSummary,
): { delta: IndexDelta; summary: TenantSummary } {
  const delta: IndexDelta = { set: [], del: [] };
  const counts = { ...summary.counts };
  let name = summary.name;
  for (const [collection, records] of touched) {
    const current = (raw as unknown as Record<string, Record<string, unknown>>)[collection]!;
    for (const [id, before] of records) {
      const existed = before !== ABSENT;
      const exists = Object.hasOwn(current, id);
      if (collection === 'accounts') {
        const after = exists ? (current[id] as { name: string }).name : null;
        const was = existed ? (before as { name: string }).name : null;
        if (was !== after && was !== null) delta.del.push(['account_name', was]);
        if (was !== after && after !== null) delta.set.push(['account_name', (name = after)]);
        continue;
      }
      if (existed === exists) continue;
      const index = BY_ID[collection];
      if (index) (exists ? delta.set : delta.del).push([index, id]);
      if (isCounted(collection)) counts[collection] += exists ? 1 : -1;
    }
  }
  return { delta, summary: { ...summary, name, counts } };
}

export function summaryOf(doc: TenantDoc): TenantSummary {
  const account = tenantAccount(doc);
  return {
    id: account.id,
    name: account.name,
    created_at: account.created_at,
    counts: countsOf(doc),
  };
}

export class GlobalIndexes {
  readonly maps: Record<IndexName, Map<string, string>> = {
    access_key: new Map(),
    token: new Map(),
    account_name: new Map(),
    identity_provider: new Map(),
    user: new Map(),
  };
  readonly tenants = new Map<string, TenantSummary>();

  constructor(public meta: StateMeta) {}

  find(index: IndexName, key: string): string | undefined {
    return this.maps[index].get(key);
  }

  /** The first key `delta` would take from another tenant, or null. */
  conflict(tenant: string, delta: IndexDelta): string | null {
    for (const [index, key] of delta.set) {
      const owner = this.maps[index].get(key);
      if (owner !== undefined && owner !== tenant)
        return `${index.replace('_', ' ')} "${key}" belongs to another account`;
    }
    return null;
  }

  /** Indexes a whole tenant document (adopting, importing, replaying a replace). */
  addTenant(doc: TenantDoc): void {
    const summary = summaryOf(doc);
    this.apply(summary.id, { set: indexKeysOf(doc), del: [] }, summary);
  }

  /** Applies a committed delta (removals first, so a put may re-add what it removes); `summary` null removes the tenant. */
  apply(tenant: string, delta: IndexDelta, summary: TenantSummary | null): void {
    for (const [index, key] of delta.del)
      if (this.maps[index].get(key) === tenant) this.maps[index].delete(key);
    for (const [index, key] of delta.set) this.maps[index].set(key, tenant);
    if (summary) this.tenants.set(tenant, summary);
    else this.tenants.delete(tenant);
  }

  /** Takes over `other`'s content (a whole-store replace, validated in `other` first). */
  replaceWith(other: GlobalIndexes): void {
    this.clear();
    for (const name of INDEX_NAMES)
      for (const [key, tenant] of other.maps[name]) this.maps[name].set(key, tenant);
    for (const [id, summary] of other.tenants) this.tenants.set(id, summary);
  }

  clear(): void {
    for (const map of Object.values(this.maps)) map.clear();
    this.tenants.clear();
  }
}
