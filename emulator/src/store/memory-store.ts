/**
 * @module store/memory-store
 * `--memory`: every tenant lives in this process only; commits are immediate and cannot fail.
 */
import { emptyState, type StateMeta, type TenantDoc } from '../domain/state.js';
import type { Backend } from './backend.js';
import { GlobalIndexes } from './indexes.js';
import { TenantRepository } from './tenant-repository.js';

const memoryBackend: Backend = {
  kind: 'memory',
  location: undefined,
  load: (id) => Promise.reject(new Error(`memory store: tenant ${id} is indexed but not loaded`)),
  persist: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

export function openMemoryStore(
  tenants: Iterable<TenantDoc> = [],
  meta: StateMeta = emptyState(Date.now()).meta,
): TenantRepository {
  const repository = new TenantRepository(memoryBackend, new GlobalIndexes({ ...meta }));
  repository.adopt(tenants);
  return repository;
}
