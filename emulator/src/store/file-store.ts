/**
 * @module store/file-store
 * The lowdb 7 JSON file store. `new Low(adapter, defaults)` is built explicitly: lowdb's
 * `JSONFilePreset` silently switches to memory under NODE_ENV=test. Writes go through the
 * durable adapter and are serialised and coalesced by CoalescingWriter.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { StateDoc } from '../domain/state.js';
import { CoalescingWriter } from './coalescing-writer.js';
import { DurableJsonFile } from './durable-json-file.js';
import { acquireLock } from './lock-file.js';
import type { Store } from './store.js';

/** Bookkeeping changes (last use) reach the disk within this delay. */
const TOUCH_DELAY_MS = 1000;

export class FileStore implements Store {
  readonly kind = 'file' as const;
  private readonly writer: CoalescingWriter;
  private touchTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly db: Low<StateDoc>,
    private readonly releaseLock: () => void,
  ) {
    this.writer = new CoalescingWriter(() => this.db.write());
  }

  /** Opens (or creates) the store; refuses a corrupt or newer-schema file with StoreError. */
  static async open(path: string, initial: () => StateDoc): Promise<FileStore> {
    await mkdir(dirname(path), { recursive: true });
    const release = acquireLock(path);
    try {
      const db = new Low<StateDoc>(new DurableJsonFile(path), initial());
      await db.read();
      return new FileStore(path, db, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  get state(): StateDoc {
    return this.db.data;
  }

  /** File writes started so far (coalescing makes this far lower than the commit count). */
  get writes(): number {
    return this.writer.writes;
  }

  commit(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return this.writer.request();
  }

  touch(): void {
    if (this.touchTimer || this.closed) return;
    this.touchTimer = setTimeout(() => {
      this.touchTimer = null;
      this.writer.request().catch(() => undefined); // a failed bookkeeping write is retried by the next commit
    }, TOUCH_DELAY_MS);
    this.touchTimer.unref();
  }

  async replace(next: StateDoc): Promise<void> {
    this.db.data = next;
    await this.commit();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.touchTimer) {
      clearTimeout(this.touchTimer);
      this.touchTimer = null;
    }
    await this.writer.request().catch(() => undefined);
    await this.writer.idle();
    this.closed = true;
    this.releaseLock();
  }
}
