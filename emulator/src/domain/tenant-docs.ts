/**
 * @module domain/tenant-docs
 * Whole-store documents and tenant documents, one into the other: an import or a version-1
 * store is split into one document per account in a single pass, an export merges them back.
 * Also what the tenant listing counts per account.
 */
import {
  emptyState,
  emptyTenant,
  TENANT_COLLECTIONS,
  type StateDoc,
  type StateMeta,
  type TenantDoc,
} from './state.js';

type Records = Record<string, { domain_id?: string }>;
const collectionsOf = (doc: TenantDoc) => doc as unknown as Record<string, Records>;

/** Splits a whole-store document by account, in one pass; copies, so later changes do not leak. */
export function splitByTenant(state: StateDoc): Map<string, TenantDoc> {
  const tenants = new Map<string, TenantDoc>();
  for (const [id, account] of Object.entries(state.accounts)) {
    const doc = emptyTenant();
    doc.accounts[id] = account;
    tenants.set(id, doc);
  }
  for (const name of TENANT_COLLECTIONS) {
    if (name === 'accounts') continue;
    const records = collectionsOf(state)[name] ?? {};
    for (const key in records) {
      const record = records[key]!;
      const doc = tenants.get(record.domain_id ?? '');
      if (doc) collectionsOf(doc)[name]![key] = record;
    }
  }
  return new Map([...tenants].map(([id, doc]) => [id, structuredClone(doc)]));
}

/** Merges tenant documents into one whole-store document (copies). */
export function mergeTenants(docs: Iterable<TenantDoc>, meta: StateMeta): StateDoc {
  const state = emptyState(meta.created_at);
  state.meta = { ...meta };
  for (const doc of docs) {
    for (const name of TENANT_COLLECTIONS)
      Object.assign(collectionsOf(state)[name]!, structuredClone(collectionsOf(doc)[name]));
  }
  return state;
}

/** What the tenant listing counts per account. */
export const COUNTED = ['users', 'projects', 'permanent_keys', 'temporary_keys', 'tokens'] as const;

export type CountedCollection = (typeof COUNTED)[number];
export type TenantCounts = Record<CountedCollection, number>;

export const noCounts = (): TenantCounts => ({
  users: 0,
  projects: 0,
  permanent_keys: 0,
  temporary_keys: 0,
  tokens: 0,
});

export function countsOf(doc: TenantDoc): TenantCounts {
  const counts = noCounts();
  for (const name of COUNTED) counts[name] = Object.keys(doc[name]).length;
  return counts;
}

export const isCounted = (name: string): name is CountedCollection =>
  (COUNTED as readonly string[]).includes(name);

/** Access keys (permanent and temporary) of a tenant: their lock-outs go with the account. */
export function accessKeysOf(doc: TenantDoc): string[] {
  return [...Object.keys(doc.permanent_keys), ...Object.keys(doc.temporary_keys)];
}
