/**
 * @module store/lowdb/inspect
 * The whole content of a store folder as the emulator would load it (tenant files, then the logs
 * replayed), read synchronously without opening or locking it: for tests and tools that look at a
 * store on disk, for instance after a SIGKILL. Reads every tenant; not for the hot path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StateDoc, TenantDoc } from '../../domain/state.js';
import { mergeTenants } from '../../domain/tenant-docs.js';
import { applyRecords, type StoreEntry } from '../store-entry.js';
import type { IndexFile } from './files.js';
import { indexPath, logPath, rotatedLogPath, tenantsDir } from './layout.js';

function entries(path: string): StoreEntry[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.pop(); // a torn last line was never acknowledged
  return lines.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as StoreEntry);
}

export function readStoreFolder(dir: string): StateDoc {
  const index = JSON.parse(readFileSync(indexPath(dir), 'utf8')) as IndexFile;
  let meta = index.meta;
  const docs = new Map<string, TenantDoc>();
  for (const name of readdirSync(tenantsDir(dir))) {
    if (!name.endsWith('.json')) continue;
    const { schemaVersion: _v, ...doc } = JSON.parse(
      readFileSync(join(tenantsDir(dir), name), 'utf8'),
    ) as TenantDoc & { schemaVersion: number };
    const id = Object.keys(doc.accounts)[0];
    if (id !== undefined && Object.hasOwn(index.tenants, id)) docs.set(id, doc);
  }
  for (const entry of [...entries(rotatedLogPath(dir)), ...entries(logPath(dir))]) {
    if (entry.op === 'meta') meta = entry.meta;
    else if (entry.op === 'records') {
      const doc = docs.get(entry.tenant);
      if (doc) applyRecords(doc, entry.records);
    } else if (entry.op === 'put') docs.set(entry.tenant, entry.doc);
    else if (entry.op === 'delete') docs.delete(entry.tenant);
    else {
      docs.clear();
      for (const doc of entry.tenants) docs.set(Object.keys(doc.accounts)[0]!, doc);
    }
  }
  return mergeTenants(docs.values(), meta);
}
