/**
 * @module store/lowdb/fold-logs
 * Start-up after a crash (or a compaction cut short): replay the logs (`wal.1.jsonl`, then
 * `wal.jsonl`) onto the index and onto the files of the tenants they touch, write those files
 * and the index, and remove the logs. Its cost depends on the logs (bounded by compaction), not
 * on the store's size. A torn last line was never acknowledged and is dropped.
 */
import { tenantAccount, type TenantDoc } from '../../domain/state.js';
import { syncDirectory } from '../durable-json-file.js';
import type { GlobalIndexes } from '../indexes.js';
import { applyRecords } from '../store-entry.js';
import { StoreError } from '../store-errors.js';
import { readTenantFile, writeIndexFile, writeTenantFile } from './files.js';
import { logPath, rotatedLogPath, tenantsDir } from './layout.js';
import { removeFiles, removeStrayTenantFiles, unlinkIfPresent } from './tenant-files.js';
import { readLog } from './wal.js';

/** Returns the last sequence number replayed (0 when there was nothing to fold). */
export async function foldLogs(dir: string, indexes: GlobalIndexes): Promise<number> {
  let seq = 0;
  let found = false;
  let replaced = false;
  /** Tenant → its document after the logs (null: deleted). */
  const docs = new Map<string, TenantDoc | null>();
  const docOf = async (id: string): Promise<TenantDoc | null> => {
    if (docs.has(id)) return docs.get(id)!;
    const doc = await readTenantFile(dir, id).catch((error: unknown) => {
      throw new StoreError(
        'STORE_INVALID',
        `The store log changes account ${id}, whose file cannot be read: ${(error as Error).message}`,
      );
    });
    docs.set(id, doc);
    return doc;
  };
  for (const path of [rotatedLogPath(dir), logPath(dir)]) {
    const log = await readLog(path);
    found ||= log.entries.length > 0 || log.tornTail;
    for (const entry of log.entries) {
      seq = entry.seq;
      if (entry.op === 'meta') indexes.meta = entry.meta;
      else if (entry.op === 'records') {
        const doc = await docOf(entry.tenant);
        if (!doc) continue;
        applyRecords(doc, entry.records);
        indexes.apply(entry.tenant, entry.index, entry.summary);
      } else if (entry.op === 'put') {
        docs.set(entry.tenant, entry.doc);
        indexes.apply(entry.tenant, entry.index, entry.summary);
      } else if (entry.op === 'delete') {
        docs.set(entry.tenant, null);
        indexes.apply(entry.tenant, entry.index, null);
      } else {
        replaced = true;
        docs.clear();
        indexes.clear();
        for (const doc of entry.tenants) {
          docs.set(tenantAccount(doc).id, doc);
          indexes.addTenant(doc);
        }
      }
    }
  }
  if (!found) return 0;
  for (const [id, doc] of docs) if (doc) await writeTenantFile(dir, id, doc, { syncDir: false });
  await removeFiles(
    dir,
    [...docs].filter(([, doc]) => doc === null).map(([id]) => id),
  );
  if (replaced) await removeStrayTenantFiles(dir, indexes.tenants);
  await syncDirectory(tenantsDir(dir));
  await writeIndexFile(dir, indexes);
  await unlinkIfPresent(rotatedLogPath(dir));
  await unlinkIfPresent(logPath(dir));
  await syncDirectory(dir);
  return seq;
}
