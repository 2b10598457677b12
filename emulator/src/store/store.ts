/**
 * @module store/store
 * The `Store` over the state document. The in-memory document is authoritative (reads never
 * touch the disk); a file store persists it after every acknowledged change.
 *
 * Contract for writers (the HTTP layer): mutate `state` synchronously, then `await commit()`
 * before answering. Mutations made before a write starts are in that write; later ones go in the
 * next. Concurrent commits are coalesced into one file write.
 */
import type { StateDoc } from '../domain/state.js';

export type StoreKind = 'memory' | 'file';

export interface Store {
  readonly kind: StoreKind;
  /** The file, for a file store. */
  readonly path: string | undefined;
  /** The live document. Mutate it in place, then commit. */
  readonly state: StateDoc;
  /** Resolves once every change made so far is durable (on disk for a file store). */
  commit(): Promise<void>;
  /** Persists soon without waiting: for bookkeeping such as a key's last use. */
  touch(): void;
  /** Replaces the whole document and commits it (import, reset). */
  replace(next: StateDoc): Promise<void>;
  /** Waits for pending writes, then releases the file. Idempotent. */
  close(): Promise<void>;
}

/** Why a store could not be opened or written; codes in store-errors.ts (docs/errors.md "Store"). */
export { StoreError, type StoreErrorCode } from './store-errors.js';
