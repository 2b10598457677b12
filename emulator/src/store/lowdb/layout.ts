/**
 * @module store/lowdb/layout
 * The files of a lowdb store folder (`--db PATH`):
 *
 *     PATH/index.json            the global indexes, tenant summaries and store meta (lowdb)
 *     PATH/tenants/<id>.json     one lowdb document per tenant (account)
 *     PATH/wal.jsonl             the write-ahead log: one line per committed unit of work
 *     PATH/wal.1.jsonl           the log being folded into the files by a compaction
 *     PATH/lock                  PID, process start time and boot ID of the owner
 *
 * A version-1 store (one JSON file at PATH, written by iam-testbed 0.1) is migrated into this
 * layout at first start (store/lowdb/migrate-v1.ts).
 */
import { join } from 'node:path';

export const indexPath = (dir: string): string => join(dir, 'index.json');
export const tenantsDir = (dir: string): string => join(dir, 'tenants');
export const logPath = (dir: string): string => join(dir, 'wal.jsonl');
export const rotatedLogPath = (dir: string): string => join(dir, 'wal.1.jsonl');
export const lockPath = (dir: string): string => join(dir, 'lock');

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** A tenant's file: its account ID when that is a safe file name, else a hex encoding of it. */
export function tenantPath(dir: string, id: string): string {
  const name = SAFE_ID.test(id) ? id : `~${Buffer.from(id, 'utf8').toString('hex').slice(0, 200)}`;
  return join(tenantsDir(dir), `${name}.json`);
}
