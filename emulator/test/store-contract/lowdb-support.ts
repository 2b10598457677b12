/**
 * Opening lowdb stores in temp folders for the lowdb tests; each test's stores are closed and
 * its folders removed afterwards.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import {
  openLowdbStore,
  type LowdbStore,
  type LowdbStoreOptions,
} from '../../src/store/lowdb/open-lowdb-store.js';

const open: LowdbStore[] = [];
const temps: string[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'iam-testbed-lowdb-'));
  temps.push(dir);
  return dir;
}

export async function openAt(
  dir: string,
  options: Partial<LowdbStoreOptions> = {},
): Promise<LowdbStore> {
  const store = await openLowdbStore(dir, { now: 0, ...options });
  open.push(store);
  return store;
}

export async function closeStore(store: LowdbStore): Promise<void> {
  open.splice(open.indexOf(store), 1);
  await store.close();
}

/** Every file under `dir` and its bytes (a store folder's whole state). */
export async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[relative(dir, join(entry.parentPath, entry.name))] = (
        await readFile(join(entry.parentPath, entry.name))
      ).toString('base64');
  }
  return out;
}
