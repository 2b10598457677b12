/**
 * @module store/tenant-tracker
 * Change tracking with undo for one tenant document. Inside a unit of work the domain gets the
 * document wrapped in proxies; the first change to a record (set or delete in a collection, or
 * any change at any depth inside a record: a key's status, a policy's `allow_user`, a user's
 * `group_ids.push`) keeps a copy of the record as it was. Commit logs only the touched records;
 * rollback puts the copies back, so a refused or failed write leaves no trace in memory either.
 * The underlying objects stay plain: what is stored is unwrapped first.
 */
import type { TenantDoc } from '../domain/state.js';

/** A record's value before the unit of work touched it; ABSENT when it did not exist. */
export const ABSENT = Symbol('absent');
export type Before = unknown;

/** collection → record ID → value before the unit (ABSENT: created by it). */
export type Touched = Map<string, Map<string, Before>>;

type Obj = Record<string | symbol, unknown>;

const unwrapRegistry = new WeakMap<object, object>();

/** The plain object behind a tracking proxy; anything else as is (deeply, for values stored). */
export function unwrap<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const target = (unwrapRegistry.get(value) ?? value) as Obj;
  for (const key of Object.keys(target)) {
    const inner = target[key];
    if (typeof inner === 'object' && inner !== null && unwrapRegistry.has(inner))
      target[key] = unwrap(inner);
  }
  return target as T;
}

/**
 * What to store for `value`: a tracked object (reached through another record, as in
 * `a.group_ids = b.group_ids`) is copied, or both records would share it and a later change
 * through one would go unlogged for the other; a new plain object is stored as it is.
 */
function detached(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return unwrapRegistry.has(value) ? structuredClone(unwrap(value)) : unwrap(value);
}

export class TenantTracker {
  private touched: Touched | null = null;
  private readonly proxies = new WeakMap<
    object,
    { proxy: object; collection: string; id: string }
  >();
  readonly doc: TenantDoc;

  constructor(readonly raw: TenantDoc) {
    this.doc = this.wrapRoot();
  }

  /** Starts recording (one unit of work at a time; store/tenant-locks.ts). */
  begin(): void {
    this.touched = new Map();
  }

  /** Stops recording and returns what the unit touched. */
  end(): Touched {
    const touched: Touched = this.touched ?? new Map<string, Map<string, Before>>();
    this.touched = null;
    return touched;
  }

  /** Puts every touched record back as it was before the unit. */
  undo(touched: Touched): void {
    const raw = this.raw as unknown as Record<string, Obj>;
    for (const [collection, records] of touched) {
      for (const [id, before] of records) {
        if (before === ABSENT) delete raw[collection]![id];
        else
          Object.defineProperty(raw[collection]!, id, {
            value: before,
            writable: true,
            enumerable: true,
            configurable: true,
          });
      }
    }
  }

  private mark(collection: string, id: string): void {
    if (!this.touched)
      throw new Error(
        `store: ${collection}/${id} was changed outside a unit of work (store.transact)`,
      );
    let records = this.touched.get(collection);
    if (!records) this.touched.set(collection, (records = new Map<string, Before>()));
    if (records.has(id)) return;
    const current = (this.raw as unknown as Record<string, Obj>)[collection]!;
    records.set(id, Object.hasOwn(current, id) ? structuredClone(current[id]) : ABSENT);
  }

  private wrapRoot(): TenantDoc {
    const refuse = (): never => {
      throw new Error("store: a tenant document's collections cannot be replaced; use putTenant");
    };
    const proxy = new Proxy(this.raw as unknown as Obj, {
      get: (target, key) => {
        const value = target[key];
        if (typeof key !== 'string' || typeof value !== 'object' || value === null) return value;
        return this.wrap(value as Obj, key, '');
      },
      set: refuse,
      deleteProperty: refuse,
      defineProperty: refuse,
    });
    unwrapRegistry.set(proxy, this.raw);
    return proxy as unknown as TenantDoc;
  }

  /** A collection (`id` ''), or a record or an object inside one: changes mark (collection, id). */
  private wrap(raw: Obj, collection: string, id: string): Obj {
    const cached = this.proxies.get(raw);
    if (cached && cached.collection === collection && cached.id === id) return cached.proxy as Obj;
    const markFor = (key: string | symbol) => {
      if (id !== '') this.mark(collection, id);
      else if (typeof key === 'string') this.mark(collection, key);
    };
    const proxy = new Proxy(raw, {
      get: (target, key) => {
        const value = target[key];
        if (typeof value !== 'object' || value === null || !Object.hasOwn(target, key))
          return value;
        return this.wrap(value as Obj, collection, id === '' ? String(key) : id);
      },
      set: (target, key, value) => {
        markFor(key);
        const stored = detached(value);
        // Assigning `__proto__` would set the prototype: a record ID may be `__proto__` (store-entry.ts).
        if (key === '__proto__')
          Object.defineProperty(target, key, {
            value: stored,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        else target[key] = stored;
        return true;
      },
      deleteProperty: (target, key) => {
        markFor(key);
        delete target[key];
        return true;
      },
      defineProperty: (target, key, descriptor) => {
        markFor(key);
        return Reflect.defineProperty(
          target,
          key,
          'value' in descriptor ? { ...descriptor, value: unwrap(descriptor.value) } : descriptor,
        );
      },
    });
    this.proxies.set(raw, { proxy, collection, id });
    unwrapRegistry.set(proxy, raw);
    return proxy;
  }
}
