/**
 * @module store/backend
 * What a backend of the in-process repository (store/tenant-repository.ts) provides: loading a
 * tenant that is indexed but not in memory, and making entries durable in order. A failed
 * `persist` must leave nothing of its entry behind (the repository undoes it in memory).
 */
import type { TenantDoc } from '../domain/state.js';
import type { StoreKind } from './port.js';
import type { StoreEntry } from './store-entry.js';
import type { RepositoryView } from './tenant-repository.js';

export interface Backend {
  readonly kind: StoreKind;
  readonly location: string | undefined;
  load(id: string): Promise<TenantDoc>;
  persist(entry: StoreEntry): Promise<void>;
  /** Flushes and releases everything (the repository has no unit of work left). */
  close(view: RepositoryView): Promise<void>;
}
