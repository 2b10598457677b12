/**
 * @module store/lowdb/files
 * The two kinds of lowdb document in a store folder, read and written through lowdb's `Low`
 * with the durable adapter (store/durable-json-file.ts): tenant files and the index file.
 */
import { Low } from 'lowdb';
import { SCHEMA_VERSION, type StateMeta, type TenantDoc } from '../../domain/state.js';
import { DurableJsonFile, type FileCheck } from '../durable-json-file.js';
import { GlobalIndexes, INDEX_NAMES } from '../indexes.js';
import type { IndexName, TenantSummary } from '../port.js';
import { checkTenantDoc, checkVersion } from '../schema.js';
import { indexPath, tenantPath } from './layout.js';

type TenantFile = TenantDoc & { schemaVersion: number };

const checkTenantFile: FileCheck<TenantFile> = (doc) => {
  const version = checkVersion(doc);
  if (version) return version;
  const { schemaVersion: _v, ...rest } = doc as TenantFile;
  const check = checkTenantDoc(rest);
  return check.ok ? { ok: true, value: { schemaVersion: SCHEMA_VERSION, ...check.doc } } : check;
};

export async function readTenantFile(dir: string, id: string): Promise<TenantDoc> {
  const db = new Low<TenantFile | null>(
    new DurableJsonFile<TenantFile | null>(tenantPath(dir, id), checkTenantFile),
    null,
  );
  await db.read();
  if (!db.data) throw new Error(`the tenant file of ${id} is missing (${tenantPath(dir, id)})`);
  const { schemaVersion: _v, ...doc } = db.data;
  return doc;
}

/** Writes a tenant file atomically and durably; `syncDir: false` when the caller syncs the folder once for many. */
export async function writeTenantFile(
  dir: string,
  id: string,
  doc: TenantDoc,
  options: { syncDir?: boolean } = {},
): Promise<void> {
  const db = new Low<TenantFile | null>(
    new DurableJsonFile<TenantFile | null>(tenantPath(dir, id), checkTenantFile, options),
    null,
  );
  db.data = { schemaVersion: SCHEMA_VERSION, ...doc };
  await db.write();
}

/** `index.json`: what start-up reads, instead of every tenant. */
export interface IndexFile {
  format: 'iam-testbed-index';
  schemaVersion: number;
  meta: StateMeta;
  tenants: Record<string, Omit<TenantSummary, 'id'>>;
  indexes: Record<IndexName, Record<string, string>>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A light check: the index is ours and rebuilt from entries, so its shape is all that matters. */
const checkIndexFile: FileCheck<IndexFile> = (doc) => {
  const version = checkVersion(doc);
  if (version) return version;
  const d = doc as Partial<IndexFile>;
  const ok =
    d.format === 'iam-testbed-index' &&
    isObject(d.meta) &&
    typeof d.meta.created_at === 'number' &&
    typeof d.meta.starts === 'number' &&
    isObject(d.tenants) &&
    isObject(d.indexes) &&
    INDEX_NAMES.every((name) => isObject(d.indexes?.[name]));
  return ok
    ? { ok: true, value: d as IndexFile }
    : {
        ok: false,
        kind: 'invalid',
        message: 'it is not an iam-testbed index file (format, meta, tenants, indexes)',
      };
};

export function indexFileOf(indexes: GlobalIndexes): IndexFile {
  const tenants: IndexFile['tenants'] = {};
  for (const [id, { id: _id, ...summary }] of indexes.tenants) tenants[id] = summary;
  const maps = Object.fromEntries(
    INDEX_NAMES.map((name) => [name, Object.fromEntries(indexes.maps[name])]),
  ) as IndexFile['indexes'];
  return {
    format: 'iam-testbed-index',
    schemaVersion: SCHEMA_VERSION,
    meta: indexes.meta,
    tenants,
    indexes: maps,
  };
}

export async function readIndexFile(dir: string): Promise<GlobalIndexes | null> {
  const db = new Low<IndexFile | null>(
    new DurableJsonFile<IndexFile | null>(indexPath(dir), checkIndexFile),
    null,
  );
  await db.read();
  if (!db.data) return null;
  const indexes = new GlobalIndexes(db.data.meta);
  for (const [id, summary] of Object.entries(db.data.tenants))
    indexes.tenants.set(id, { id, ...summary });
  for (const name of INDEX_NAMES)
    for (const [key, tenant] of Object.entries(db.data.indexes[name]))
      indexes.maps[name].set(key, tenant);
  return indexes;
}

/** Writes already serialised index JSON (compaction serialises it at a consistent moment). */
export async function writeIndexText(dir: string, text: string): Promise<void> {
  await new DurableJsonFile<IndexFile>(indexPath(dir), checkIndexFile).writeText(text);
}

export async function writeIndexFile(dir: string, indexes: GlobalIndexes): Promise<void> {
  const db = new Low<IndexFile>(
    new DurableJsonFile(indexPath(dir), checkIndexFile),
    indexFileOf(indexes),
  );
  await db.write();
}
