/**
 * @module store/lowdb/migrate-v1
 * Version 1 (iam-testbed 0.1) kept the whole store in one JSON file, `<db>`, with a log
 * `<db>.wal` (and `<db>.wal.1` mid-compaction). At first start on such a file, it becomes a
 * store folder at the same path: the file and its logs are replayed and validated, each account
 * is written as a tenant file into `<db>.migrating`, then the old files move to
 * `<db>.v1-backup[.wal…]` and the new folder takes the path. A crash at any step is finished or
 * redone by the next start; the old file is never changed.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tenantAccount, type StateDoc } from '../../domain/state.js';
import { splitByTenant } from '../../domain/tenant-docs.js';
import { syncDirectory } from '../durable-json-file.js';
import { checkImport } from '../import-check.js';
import { GlobalIndexes } from '../indexes.js';
import { checkVersion } from '../schema.js';
import { acquireLock } from '../lock-file.js';
import {
  logPath as v1LogPath,
  replayLog,
  rotatedLogPath as v1RotatedLogPath,
} from '../store-log.js';
import { StoreError } from '../store-errors.js';
import { writeIndexFile, writeTenantFile } from './files.js';
import { tenantsDir } from './layout.js';

const staging = (path: string) => `${path}.migrating`;
export const backupPath = (path: string) => `${path}.v1-backup`;

/** A crash between the two renames left the path empty: finish the move. */
export async function finishInterruptedMigration(path: string): Promise<void> {
  if (!existsSync(path) && existsSync(staging(path)) && existsSync(backupPath(path))) {
    await rename(staging(path), path);
    await syncDirectory(dirname(path));
  }
}

async function readV1(path: string): Promise<StateDoc> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new StoreError(
      'STORE_NOT_JSON',
      `Refusing to use the store file ${path}: it is not a folder and not a JSON store (${(error as Error).message}). It was left untouched.`,
    );
  }
  for (const log of [v1RotatedLogPath(path), v1LogPath(path)]) {
    const text = await readFile(log, 'utf8').catch(() => '');
    if (text !== '') doc = replayLog(doc, text, log).doc;
  }
  const check = checkImport(doc);
  if (!check.ok)
    throw new StoreError(
      checkVersion(doc)?.kind === 'newer-schema' ? 'STORE_NEWER_SCHEMA' : 'STORE_INVALID',
      `Refusing to migrate the store file ${path}: ${check.message}. It was left untouched.`,
    );
  return check.state;
}

/** Migrates the version-1 file `path` into a store folder at `target` (by default the same path). */
export async function migrateV1(path: string, target = path): Promise<void> {
  const release = acquireLock(`${path}.lock`, path); // the lock of 0.1: no old emulator may still write it
  try {
    const state = await readV1(path);
    const out = staging(target);
    await rm(out, { recursive: true, force: true });
    await mkdir(tenantsDir(out), { recursive: true });
    const indexes = new GlobalIndexes({ ...state.meta });
    for (const doc of splitByTenant(state).values()) {
      // 0.1 set last use to creation; 0.2 keeps null until the first use (the 15-minute rule).
      for (const key of Object.values(doc.permanent_keys))
        if (key.last_used_at === key.created_at) key.last_used_at = null;
      const id = tenantAccount(doc).id;
      await writeTenantFile(out, id, doc, { syncDir: false });
      indexes.addTenant(doc);
    }
    await syncDirectory(tenantsDir(out));
    await writeIndexFile(out, indexes);
    for (const [from, to] of [
      [v1RotatedLogPath(path), `${backupPath(path)}.wal.1`],
      [v1LogPath(path), `${backupPath(path)}.wal`],
    ] as const) {
      if (existsSync(from)) await rename(from, to);
    }
    await rename(path, backupPath(path));
    await rename(out, target);
    await syncDirectory(dirname(target));
  } finally {
    release();
  }
}
