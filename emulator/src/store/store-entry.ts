/**
 * @module store/store-entry
 * What a backend makes durable: one entry per committed unit of work (the records it touched,
 * with their new values) or per whole-tenant operation. Each entry carries its own index
 * changes, so a backend can bring its indexes up to date without reading any tenant document.
 */
import { TENANT_COLLECTIONS, type StateMeta, type TenantDoc } from '../domain/state.js';
import type { Touched } from './tenant-tracker.js';
import type { IndexDelta } from './indexes.js';
import type { TenantSummary } from './port.js';

/** [collection, record ID, new value or null when deleted] */
export type RecordChange = [string, string, unknown];

export type StoreEntry =
  | {
      op: 'records';
      tenant: string;
      records: RecordChange[];
      index: IndexDelta;
      summary: TenantSummary;
    }
  | { op: 'put'; tenant: string; doc: TenantDoc; index: IndexDelta; summary: TenantSummary }
  | { op: 'delete'; tenant: string; index: IndexDelta }
  | { op: 'replace'; tenants: TenantDoc[] }
  | { op: 'meta'; meta: StateMeta };

/** Applies a records entry to a tenant document (replay; last value wins, so replays repeat safely). */
export function applyRecords(doc: TenantDoc, records: readonly RecordChange[]): void {
  const collections = doc as unknown as Record<string, Record<string, unknown>>;
  for (const [collection, id, value] of records) {
    const into = collections[collection];
    if (!into) continue;
    if (value === null) delete into[id];
    else
      Object.defineProperty(into, id, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      }); // an ID may be `__proto__`
  }
}

/** The touched records' new values (null: deleted), in collection order. */
export function recordsOf(raw: TenantDoc, touched: Touched): RecordChange[] {
  const out: RecordChange[] = [];
  for (const collection of TENANT_COLLECTIONS) {
    const ids = touched.get(collection);
    if (!ids) continue;
    const current = raw[collection] as Record<string, unknown>;
    for (const id of ids.keys())
      out.push([collection, id, Object.hasOwn(current, id) ? current[id] : null]);
  }
  return out;
}
