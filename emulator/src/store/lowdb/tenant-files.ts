/**
 * @module store/lowdb/tenant-files
 * Writing and removing many tenant files at once (compaction, folding at start, migration):
 * each file atomically and fsynced, several at a time, and the folder synced once by the caller.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { TenantSummary } from '../port.js';
import { DurableJsonFile } from '../durable-json-file.js';
import { tenantPath, tenantsDir } from './layout.js';

/** Files written at the same time: enough to let the file system batch its syncs. */
const PARALLEL = 32;

const anyDoc = (doc: unknown) => ({ ok: true as const, value: doc });

async function inBatches<T>(items: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL)
    await Promise.all(items.slice(i, i + PARALLEL).map(each));
}

/**
 * Writes each tenant's file from the text `serialise` returns (undefined: the tenant is gone,
 * skip it). Returns the bytes written.
 */
export async function writeTenantTexts(
  dir: string,
  ids: Iterable<string>,
  serialise: (id: string) => Promise<string | undefined>,
): Promise<number> {
  let bytes = 0;
  await inBatches([...ids], async (id) => {
    const text = await serialise(id);
    if (text === undefined) return;
    await new DurableJsonFile(tenantPath(dir, id), anyDoc, { syncDir: false }).writeText(text);
    bytes += text.length;
  });
  return bytes;
}

export async function removeFiles(dir: string, ids: readonly string[]): Promise<void> {
  await inBatches(ids, (id) => unlinkIfPresent(tenantPath(dir, id)));
}

/** After a whole-store replace: every tenant file whose tenant is not in the index goes. */
export async function removeStrayTenantFiles(
  dir: string,
  tenants: ReadonlyMap<string, TenantSummary>,
): Promise<void> {
  const keep = new Set([...tenants.keys()].map((id) => tenantPath(dir, id)));
  const names = await readdir(tenantsDir(dir));
  const stray = names.filter(
    (name) => name.endsWith('.json') && !keep.has(join(tenantsDir(dir), name)),
  );
  await inBatches(stray, (name) => unlinkIfPresent(join(tenantsDir(dir), name)));
}

export async function unlinkIfPresent(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
