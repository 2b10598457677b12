/**
 * @module store/lowdb/open-lowdb-store
 * Opens (or creates) a lowdb store folder: take the lock, migrate a version-1 store file found
 * at the path, read `index.json` (not the tenants: each loads when first touched, so start-up
 * does not grow with the store), fold any logs a crash left, then open a fresh log.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GlobalIndexes } from '../indexes.js';
import { acquireLock } from '../lock-file.js';
import type { StorePort } from '../port.js';
import { asStoreError, StoreError } from '../store-errors.js';
import { TenantRepository } from '../tenant-repository.js';
import { readIndexFile, writeIndexFile } from './files.js';
import { foldLogs } from './fold-logs.js';
import { lockPath, logPath, tenantsDir } from './layout.js';
import { LowdbBackend } from './lowdb-backend.js';
import { finishInterruptedMigration, migrateV1 } from './migrate-v1.js';
import { GroupLog } from './wal.js';

export interface LowdbStoreOptions {
  /** Emulator time for a new store's `meta.created_at`. */
  now: number;
  /** Compact once the log passes max(this, the last compaction's size). @default 4 MiB */
  compactAtBytes?: number;
}

/**
 * The port with the lowdb backend exposed (tests, inspection). Not `TenantRepository & {backend}`:
 * TenantRepository's own `backend` is private, which reduces that intersection to `never`.
 */
export type LowdbStore = StorePort &
  Pick<TenantRepository, 'loadedCount'> & { readonly backend: LowdbBackend };

async function kindOf(path: string): Promise<'missing' | 'file' | 'dir' | 'other'> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch (error) {
    // ENOTDIR: a parent is a file; creating the folder then fails with the clearer message.
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? ''))
      return 'missing';
    throw new StoreError('STORE_UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`);
  }
}

export async function openLowdbStore(
  path: string,
  options: LowdbStoreOptions,
): Promise<LowdbStore> {
  const dir = resolve(path);
  await finishInterruptedMigration(dir);
  const kind = await kindOf(dir);
  if (kind === 'file') await migrateV1(dir);
  else if (kind === 'other')
    throw new StoreError('STORE_INVALID', `--db ${path} is neither a folder nor a store file.`);
  await mkdir(dir, { recursive: true }).catch((error: unknown) => {
    throw asStoreError(error, 'STORE_WRITE_FAILED', `Cannot create the store folder ${path}`);
  });
  const release = acquireLock(lockPath(dir), dir);
  try {
    const indexes = (await readIndexFile(dir)) ?? (await createIndex(dir, options.now));
    await mkdir(tenantsDir(dir), { recursive: true });
    const seq = await foldLogs(dir, indexes);
    const log = await GroupLog.open(logPath(dir), seq);
    const backend = new LowdbBackend(dir, log, release, options.compactAtBytes);
    const store = new TenantRepository(backend, indexes);
    Object.defineProperty(store, 'backend', { value: backend });
    backend.attach(store);
    return store as unknown as LowdbStore;
  } catch (error) {
    release();
    throw asStoreError(error, 'STORE_WRITE_FAILED', `Cannot open the store ${path}`);
  }
}

/** A folder without `index.json` becomes a new store only when it holds no store files. */
async function createIndex(dir: string, now: number): Promise<GlobalIndexes> {
  const tenants = await readdir(tenantsDir(dir)).catch(() => [] as string[]);
  const others = (await readdir(dir)).filter(
    (name) => !['tenants', 'lock', 'wal.jsonl'].includes(name) && !name.startsWith('.'),
  );
  if (tenants.length > 0 || others.length > 0) {
    throw new StoreError(
      'STORE_INVALID',
      `The folder ${dir} has no index.json but holds other files (${[...tenants, ...others].slice(0, 3).join(', ')}): it is not an iam-testbed store. Pass an empty or new folder to --db.`,
    );
  }
  const indexes = new GlobalIndexes({ created_at: now, starts: 0 });
  await writeIndexFile(dir, indexes);
  return indexes;
}
