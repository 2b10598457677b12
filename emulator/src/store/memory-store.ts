/**
 * @module store/memory-store
 * `--memory`: the document lives in this process only; commits are immediate.
 */
import type { StateDoc } from '../domain/state.js';
import type { Store } from './store.js';

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  readonly path = undefined;

  constructor(private current: StateDoc) {}

  get state(): StateDoc {
    return this.current;
  }

  async commit(): Promise<void> {}

  touch(): void {}

  async replace(next: StateDoc): Promise<void> {
    this.current = next;
  }

  async close(): Promise<void> {}
}
