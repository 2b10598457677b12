/**
 * @module store/tenant-repository
 * The store port over one process's memory, shared by every backend that keeps documents in
 * this process (memory and lowdb): loaded tenants with their trackers, per-tenant locks, the
 * global indexes, and the unit-of-work protocol — run, collect what was touched, check the
 * indexes, hand the entry to the backend, then publish or undo. A backend only loads tenants and
 * makes entries durable (store/backend.ts).
 */
import { tenantAccount, type StateDoc, type StateMeta, type TenantDoc } from '../domain/state.js';
import { mergeTenants } from '../domain/tenant-docs.js';
import type { Backend } from './backend.js';
import { deltaOf, GlobalIndexes, indexKeysOf, summaryOf, type IndexDelta } from './indexes.js';
import type { IndexName, StoreKind, StorePort, TenantSummary } from './port.js';
import { recordsOf, type StoreEntry } from './store-entry.js';
import { asStoreError, StoreError } from './store-errors.js';
import { TenantLocks } from './tenant-locks.js';
import { TenantTracker, unwrap, type Touched } from './tenant-tracker.js';

/** Everything a backend may look at (compaction writes loaded documents and the indexes). */
export interface RepositoryView {
  readonly indexes: GlobalIndexes;
  readonly locks: TenantLocks;
  /** A loaded tenant's plain document; undefined when it is not in memory. */
  loadedDoc(id: string): TenantDoc | undefined;
  /** StorePort.read: committed state only. */
  read<T>(id: string, fn: (doc: TenantDoc) => T): Promise<T | undefined>;
}

export class TenantRepository implements StorePort, RepositoryView {
  readonly locks = new TenantLocks();
  private readonly loaded = new Map<string, TenantTracker>();
  private readonly loading = new Map<string, Promise<TenantTracker>>();
  private closed = false;
  /** Called with each tenant read from the backend, once per process (reset baselines). */
  onFirstLoad: ((doc: TenantDoc) => void) | undefined;

  constructor(
    private readonly backend: Backend,
    readonly indexes: GlobalIndexes,
  ) {}

  get kind(): StoreKind {
    return this.backend.kind;
  }

  get location(): string | undefined {
    return this.backend.location;
  }

  loadedDoc(id: string): TenantDoc | undefined {
    return this.loaded.get(id)?.raw;
  }

  /** Tenants in memory (tests: lazy loading). */
  get loadedCount(): number {
    return this.loaded.size;
  }

  async meta(): Promise<StateMeta> {
    return { ...this.indexes.meta };
  }

  countStart(atLeast = 0): Promise<number> {
    // Serialised like a tenant (under a key no account ID can be), so two calls never share a count.
    return this.locks.run('\u0000meta', async () => {
      const meta = {
        ...this.indexes.meta,
        starts: Math.max(this.indexes.meta.starts, atLeast) + 1,
      };
      await this.write({ op: 'meta', meta });
      this.indexes.meta = meta;
      return meta.starts;
    });
  }

  async findTenant(index: IndexName, key: string): Promise<string | undefined> {
    return this.indexes.find(index, key);
  }

  async listTenants(): Promise<TenantSummary[]> {
    return [...this.indexes.tenants.values()].sort(
      (a, b) => a.created_at - b.created_at || a.name.localeCompare(b.name),
    );
  }

  async read<T>(id: string, fn: (doc: TenantDoc) => T): Promise<T | undefined> {
    const tracker = this.locks.busy(id) ? undefined : this.loaded.get(id);
    if (tracker) return this.indexes.tenants.has(id) ? fn(tracker.raw) : undefined;
    // Held or not loaded: take a turn in the tenant's queue. Waiting for a moment when nobody
    // holds it starved reads (and compaction) behind units of work that follow each other.
    return this.locks.run(id, async () => {
      if (!this.indexes.tenants.has(id)) return undefined;
      return fn((this.loaded.get(id) ?? (await this.load(id))).raw);
    });
  }

  transact<T>(id: string, fn: (doc: TenantDoc) => T | Promise<T>): Promise<T> {
    // Fast path: a loaded tenant nobody holds is taken at once, without a lock's promises; a
    // synchronous unit that changes nothing (most reads) then finishes without any await.
    const tracker = this.loaded.get(id);
    const release =
      tracker && !this.closed && this.indexes.tenants.has(id) ? this.locks.tryAcquire(id) : null;
    if (!tracker || !release) {
      return this.locks.run(id, async () => {
        this.checkOpen();
        if (!this.indexes.tenants.has(id)) throw gone(id);
        return this.runUnit(id, this.loaded.get(id) ?? (await this.load(id)), fn);
      });
    }
    let settled = false;
    try {
      const pending = this.runUnit(id, tracker, fn);
      if (!(pending instanceof Promise)) {
        settled = true;
        return Promise.resolve(pending);
      }
      return pending.finally(release);
    } catch (error) {
      settled = true;
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      if (settled) release();
    }
  }

  /** One unit of work: synchronous all the way when `fn` is and changes nothing. */
  private runUnit<T>(
    id: string,
    tracker: TenantTracker,
    fn: (doc: TenantDoc) => T | Promise<T>,
  ): T | Promise<T> {
    tracker.begin();
    let result: T | Promise<T>;
    try {
      result = fn(tracker.doc);
    } catch (error) {
      tracker.undo(tracker.end());
      throw error;
    }
    if (result instanceof Promise) return this.finishAsync(id, tracker, result);
    const touched = tracker.end();
    if (touched.size === 0) return result;
    return this.commitTouched(id, tracker, touched).then(() => result);
  }

  private async finishAsync<T>(
    id: string,
    tracker: TenantTracker,
    pending: Promise<T>,
  ): Promise<T> {
    let result: T;
    try {
      result = await pending;
    } catch (error) {
      tracker.undo(tracker.end());
      throw error;
    }
    const touched = tracker.end();
    if (touched.size > 0) await this.commitTouched(id, tracker, touched);
    return result;
  }

  private async commitTouched(id: string, tracker: TenantTracker, touched: Touched): Promise<void> {
    try {
      const before = this.indexes.tenants.get(id)!;
      const { delta, summary } = deltaOf(tracker.raw, touched, before);
      const clash = this.indexes.conflict(id, delta);
      if (clash) throw new StoreError('STORE_CONFLICT', `This change was refused: ${clash}.`);
      await this.backend.persist({
        op: 'records',
        tenant: id,
        records: recordsOf(tracker.raw, touched),
        index: delta,
        summary,
      });
      this.indexes.apply(id, delta, summary);
    } catch (error) {
      tracker.undo(touched);
      throw asStoreError(
        error,
        'STORE_WRITE_FAILED',
        'The change was not saved and has been undone',
      );
    }
  }

  async insertTenant(doc: TenantDoc): Promise<void> {
    const id = tenantAccount(doc).id;
    await this.locks.run(id, async () => {
      this.checkOpen();
      if (this.indexes.tenants.has(id))
        throw new StoreError('STORE_CONFLICT', `An account with id ${id} already exists.`);
      await this.putLocked(plainCopy(doc));
    });
  }

  async putTenant(doc: TenantDoc): Promise<TenantDoc | undefined> {
    const id = tenantAccount(doc).id;
    return this.locks.run(id, async () => {
      this.checkOpen();
      const previous = this.indexes.tenants.has(id)
        ? (this.loaded.get(id) ?? (await this.load(id))).raw
        : undefined;
      await this.putLocked(plainCopy(doc), previous);
      return previous;
    });
  }

  private async putLocked(doc: TenantDoc, previous?: TenantDoc): Promise<void> {
    const id = tenantAccount(doc).id;
    const index: IndexDelta = { set: indexKeysOf(doc), del: previous ? indexKeysOf(previous) : [] };
    const clash = this.indexes.conflict(id, index);
    if (clash) throw new StoreError('STORE_CONFLICT', `This account was refused: ${clash}.`);
    const summary = summaryOf(doc);
    await this.write({ op: 'put', tenant: id, doc, index, summary });
    this.indexes.apply(id, index, summary);
    this.loaded.set(id, new TenantTracker(doc));
  }

  async deleteTenant(id: string): Promise<TenantDoc | undefined> {
    return this.locks.run(id, async () => {
      this.checkOpen();
      if (!this.indexes.tenants.has(id)) return undefined;
      const doc = (this.loaded.get(id) ?? (await this.load(id))).raw;
      const index: IndexDelta = { set: [], del: indexKeysOf(doc) };
      await this.write({ op: 'delete', tenant: id, index });
      this.indexes.apply(id, index, null);
      this.loaded.delete(id);
      return doc;
    });
  }

  async exportAll(): Promise<StateDoc> {
    const docs: TenantDoc[] = [];
    for (const summary of await this.listTenants()) {
      const doc = await this.read(summary.id, (d) => structuredClone(d));
      if (doc) docs.push(doc);
    }
    return mergeTenants(docs, this.indexes.meta);
  }

  async replaceAll(tenants: readonly TenantDoc[]): Promise<void> {
    this.checkOpen();
    await this.locks.exclusive(async () => {
      const docs = tenants.map(plainCopy);
      const next = new GlobalIndexes(this.indexes.meta);
      for (const doc of docs) {
        const id = tenantAccount(doc).id;
        const added: IndexDelta = { set: indexKeysOf(doc), del: [] };
        const clash =
          next.conflict(id, added) ??
          (next.tenants.has(id) ? `account id ${id} appears twice` : null);
        if (clash) throw new StoreError('STORE_CONFLICT', `This content was refused: ${clash}.`);
        next.apply(id, added, summaryOf(doc));
      }
      await this.write({ op: 'replace', tenants: docs });
      this.indexes.replaceWith(next);
      this.loaded.clear();
      for (const doc of docs) this.loaded.set(tenantAccount(doc).id, new TenantTracker(doc));
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.locks.idleAll();
    await this.backend.close(this);
  }

  private checkOpen(): void {
    if (this.closed)
      throw new StoreError('STORE_CLOSED', 'The store is closed; this change was not saved.');
  }

  private async write(entry: StoreEntry): Promise<void> {
    this.checkOpen();
    try {
      await this.backend.persist(entry);
    } catch (error) {
      throw asStoreError(error, 'STORE_WRITE_FAILED', 'The change was not saved');
    }
  }

  /** Loads an indexed tenant once, however many requests ask for it at the same time. */
  private load(id: string): Promise<TenantTracker> {
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.backend
        .load(id)
        .then((doc) => {
          const tracker = new TenantTracker(doc);
          this.loaded.set(id, tracker);
          this.onFirstLoad?.(doc);
          return tracker;
        })
        .finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** Adds tenants found at open (memory: all of them; lowdb: none, they load when touched). */
  adopt(docs: Iterable<TenantDoc>): void {
    for (const doc of docs) {
      this.indexes.addTenant(doc);
      this.loaded.set(tenantAccount(doc).id, new TenantTracker(doc));
    }
  }
}

function gone(id: string): StoreError {
  return new StoreError(
    'STORE_TENANT_GONE',
    `The account ${id} no longer exists (deleted or reset away).`,
  );
}

function plainCopy(doc: TenantDoc): TenantDoc {
  return structuredClone(unwrap(doc));
}
