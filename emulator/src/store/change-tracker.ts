/**
 * @module store/change-tracker
 * Wraps the state document in proxies that record what changed, so a commit logs only the
 * changed records instead of rewriting the whole file. The domain only ever sees the wrapped
 * document (FileStore.state), so it cannot change a record without it being marked:
 * - set/delete of a record in a collection marks (collection, id);
 * - any set/delete inside a record, at any depth (a key's status, a protect policy's
 *   `allow_user`, a user's `group_ids.push`), marks the record that holds it;
 * - a change to `meta` marks meta (logged whole: it is tiny);
 * - anything that reassigns a collection or the document's top level (an import's
 *   `Object.assign(state, doc)`) marks the whole document.
 * The underlying objects stay plain (values stored are unwrapped), so they serialise and
 * structuredClone as they are (see `plain` in domain/state.ts).
 */
import { plain, registerProxy, type StateDoc } from '../domain/state.js';

/** What changed since the last `take()`. */
export interface Changes {
  full: boolean;
  meta: boolean;
  /** collection → IDs of records set, changed or deleted. */
  records: Map<string, Set<string>>;
}

const noChanges = (): Changes => ({ full: false, meta: false, records: new Map() });

export const isEmptyChanges = (c: Changes): boolean => !c.full && !c.meta && c.records.size === 0;

/** Who a nested change marks: a record (collection, id), or `meta` (collection META). */
const META = '\u0000meta';
type Obj = Record<string | symbol, unknown>;

export class ChangeTracker {
  private changes = noChanges();
  private readonly cache = new WeakMap<object, { proxy: object; collection: string; id: string }>();
  private rootProxy: StateDoc;

  constructor(private raw: StateDoc) {
    this.rootProxy = this.wrapRoot(raw);
  }

  /** The wrapped document: hand only this to the domain. */
  get doc(): StateDoc {
    return this.rootProxy;
  }

  /** The plain document (serialise this, never the proxy, for speed). */
  get plainDoc(): StateDoc {
    return this.raw;
  }

  /** Swaps in a whole new document (import, reset): logged whole. */
  replace(next: StateDoc): void {
    this.raw = deepPlain(next) as StateDoc;
    this.rootProxy = this.wrapRoot(this.raw);
    this.changes.full = true;
  }

  /** Returns the changes so far and starts a new set. */
  take(): Changes {
    const taken = this.changes;
    this.changes = noChanges();
    return taken;
  }

  /** Puts back changes whose write failed, so the next commit carries them. */
  restore(taken: Changes): void {
    this.changes.full ||= taken.full;
    this.changes.meta ||= taken.meta;
    for (const [name, ids] of taken.records) for (const id of ids) this.markRecord(name, id);
  }

  private markRecord(collection: string, id: string): void {
    let ids = this.changes.records.get(collection);
    if (!ids) this.changes.records.set(collection, (ids = new Set()));
    ids.add(id);
  }

  private wrapRoot(raw: StateDoc): StateDoc {
    const markFull = () => {
      this.changes.full = true;
    };
    const proxy = new Proxy(raw as unknown as Obj, {
      get: (target, key) => {
        const value = target[key];
        if (typeof value !== 'object' || value === null || typeof key !== 'string' || !Object.hasOwn(target, key)) return value;
        if (key === 'meta') return this.wrapNested(value as Obj, META, '');
        return this.wrapCollection(key, value as Obj);
      },
      set: (target, key, value) => {
        target[key] = deepPlain(value);
        markFull();
        return true;
      },
      deleteProperty: (target, key) => {
        delete target[key];
        markFull();
        return true;
      },
      defineProperty: (target, key, descriptor) => {
        markFull();
        return Reflect.defineProperty(target, key, { ...descriptor, value: deepPlain(descriptor.value) });
      },
    });
    registerProxy(proxy, raw);
    return proxy as unknown as StateDoc;
  }

  private wrapCollection(name: string, raw: Obj): Obj {
    const cached = this.cache.get(raw);
    if (cached) return cached.proxy as Obj;
    const proxy = new Proxy(raw, {
      get: (target, key) => {
        const value = target[key];
        if (typeof value !== 'object' || value === null || typeof key !== 'string' || !Object.hasOwn(target, key)) return value;
        return this.wrapNested(value as Obj, name, key);
      },
      set: (target, key, value) => {
        target[key] = deepPlain(value);
        if (typeof key === 'string') this.markRecord(name, key);
        return true;
      },
      deleteProperty: (target, key) => {
        delete target[key];
        if (typeof key === 'string') this.markRecord(name, key);
        return true;
      },
      defineProperty: (target, key, descriptor) => {
        if (typeof key === 'string') this.markRecord(name, key);
        return Reflect.defineProperty(target, key, { ...descriptor, value: deepPlain(descriptor.value) });
      },
    });
    this.cache.set(raw, { proxy, collection: '', id: '' });
    registerProxy(proxy, raw);
    return proxy;
  }

  /** A record, or an object inside one (or `meta`): every change marks (collection, id). */
  private wrapNested(raw: Obj, collection: string, id: string): Obj {
    const cached = this.cache.get(raw);
    // The same object reached through another record gets its own proxy (marks that record).
    if (cached && cached.id === id && cached.collection === collection) return cached.proxy as Obj;
    const mark = collection === META ? () => (this.changes.meta = true) : () => this.markRecord(collection, id);
    const proxy = new Proxy(raw, {
      get: (target, key) => {
        const value = target[key];
        if (typeof value !== 'object' || value === null || !Object.hasOwn(target, key)) return value;
        return this.wrapNested(value as Obj, collection, id);
      },
      set: (target, key, value) => {
        target[key] = deepPlain(value);
        mark();
        return true;
      },
      deleteProperty: (target, key) => {
        delete target[key];
        mark();
        return true;
      },
      defineProperty: (target, key, descriptor) => {
        mark();
        return Reflect.defineProperty(target, key, 'value' in descriptor ? { ...descriptor, value: deepPlain(descriptor.value) } : descriptor);
      },
    });
    this.cache.set(raw, { proxy, collection, id });
    registerProxy(proxy, raw);
    return proxy;
  }
}

/** Replaces tracking proxies inside a value being stored by the plain objects they wrap. */
function deepPlain(value: unknown): unknown {
  const unwrapped = plain(value);
  if (typeof unwrapped !== 'object' || unwrapped === null) return unwrapped;
  const obj = unwrapped as Obj;
  for (const key of Object.keys(obj)) {
    const inner = obj[key];
    if (typeof inner === 'object' && inner !== null) {
      const plainInner = deepPlain(inner);
      if (plainInner !== inner) obj[key] = plainInner;
    }
  }
  return obj;
}
