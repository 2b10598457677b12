/**
 * @module store/lowdb/lowdb-backend
 * The default backend: tenants are lowdb documents in a folder, commits are lines of the
 * write-ahead log (store/lowdb/wal.ts), and a background compaction folds the log into the
 * files of the tenants it touched and into `index.json`. A commit costs one append and sync of
 * its own records, whatever the store's size; compaction runs when the log outgrows
 * max(4 MiB, what the last compaction wrote), so its cost stays amortised O(1) per commit.
 */
import { rename } from 'node:fs/promises';
import { SCHEMA_VERSION, type TenantDoc } from '../../domain/state.js';
import type { Backend } from '../backend.js';
import { syncDirectory } from '../durable-json-file.js';
import { LogWriter } from '../store-log.js';
import type { StoreEntry } from '../store-entry.js';
import type { RepositoryView } from '../tenant-repository.js';
import { indexFileOf, readTenantFile, writeIndexText } from './files.js';
import { logPath, rotatedLogPath, tenantsDir } from './layout.js';
import {
  removeFiles,
  removeStrayTenantFiles,
  unlinkIfPresent,
  writeTenantTexts,
} from './tenant-files.js';
import type { GroupLog } from './wal.js';

const MIN_COMPACT_BYTES = 4 * 1024 * 1024;

export class LowdbBackend implements Backend {
  readonly kind = 'lowdb' as const;
  private view: RepositoryView | null = null;
  /** Tenants with entries in the log since the last compaction. */
  private dirty = new Set<string>();
  private deleted = new Set<string>();
  private replaced = false;
  private compaction: Promise<void> | null = null;
  private lastCompactionBytes = 0;
  /** Set when a compaction failed: the rotated log must survive until close or the next start folds it. */
  private blocked = false;
  compactions = 0;

  constructor(
    readonly location: string,
    private readonly log: GroupLog,
    private readonly releaseLock: () => void,
    private readonly compactAtBytes = MIN_COMPACT_BYTES,
  ) {}

  attach(view: RepositoryView): void {
    this.view = view;
  }

  /** Log appends (each one sync) since open. */
  get writes(): number {
    return this.log.writes;
  }

  load(id: string): Promise<TenantDoc> {
    return readTenantFile(this.location, id);
  }

  async persist(entry: StoreEntry): Promise<void> {
    await this.log.append(entry);
    this.note(entry);
    if (
      this.log.size > Math.max(this.compactAtBytes, this.lastCompactionBytes) &&
      !this.compaction &&
      !this.blocked
    ) {
      this.compaction = this.compact()
        .catch((error: unknown) => {
          this.blocked = true;
          // Commits stay durable (the log keeps growing); the log is folded at close or next start.
          console.error(
            `iam-testbed: store compaction failed, the log keeps growing until close or the next start: ${(error as Error).message}`,
          );
        })
        .finally(() => {
          this.compaction = null;
        });
    }
  }

  /** Resolves when no compaction is running (tests). */
  async compacted(): Promise<void> {
    while (this.compaction) await this.compaction;
  }

  async close(view: RepositoryView): Promise<void> {
    this.view = view;
    try {
      await this.compacted();
      if (!this.blocked) await this.compact();
      await this.log.close();
      if (!this.blocked) await unlinkIfPresent(logPath(this.location));
    } catch {
      // The logs stay; the next start folds them.
      await this.log.close().catch(() => undefined);
    } finally {
      this.releaseLock();
    }
  }

  private note(entry: StoreEntry): void {
    if (entry.op === 'records' || entry.op === 'put') {
      this.dirty.add(entry.tenant);
      this.deleted.delete(entry.tenant);
    } else if (entry.op === 'delete') {
      this.dirty.delete(entry.tenant);
      this.deleted.add(entry.tenant);
    } else if (entry.op === 'replace') {
      this.replaced = true;
      this.deleted.clear();
      this.dirty = new Set(entry.tenants.map((doc) => Object.keys(doc.accounts)[0]!));
    }
  }

  /**
   * Rotate the log, write the files of the tenants it touched (each serialised while nobody
   * holds it, so only committed changes), remove deleted tenants' files, write the index, then
   * drop the rotated log. Every step can be repeated: a crash anywhere is repaired by the next
   * start, which replays the logs over the files (last value wins).
   */
  private async compact(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const dir = this.location;
    const failed: { rename?: Error } = {};
    await this.log.swap(async () => {
      // If the rename fails, reopen the same log: commits must never meet a closed writer.
      await rename(logPath(dir), rotatedLogPath(dir)).catch(
        (error: Error) => (failed.rename = error),
      );
      return LogWriter.open(logPath(dir));
    });
    if (failed.rename) throw failed.rename;
    await syncDirectory(dir);
    const [dirty, deleted, replaced] = [this.dirty, this.deleted, this.replaced];
    this.dirty = new Set();
    this.deleted = new Set();
    this.replaced = false;
    let bytes = await writeTenantTexts(dir, dirty, (id) =>
      view.read(id, (doc) => JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...doc })),
    );
    await removeFiles(
      dir,
      [...deleted].filter((id) => !view.indexes.tenants.has(id)),
    );
    if (replaced) await removeStrayTenantFiles(dir, view.indexes.tenants);
    await syncDirectory(tenantsDir(dir));
    const index = JSON.stringify(indexFileOf(view.indexes));
    await writeIndexText(dir, index);
    bytes += index.length;
    await unlinkIfPresent(rotatedLogPath(dir));
    await syncDirectory(dir);
    this.lastCompactionBytes = bytes;
    this.compactions += 1;
  }
}
