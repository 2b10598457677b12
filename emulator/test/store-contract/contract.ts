/**
 * The contract every StorePort backend passes (store/port.ts). Backend-specific set-up lives in
 * each backend's test file; `reopen` (durable backends only) opens the same data again after the
 * store was closed. Tenants and indexes here; units of work, close and durability in
 * contract-units.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, TENANT_COLLECTIONS } from '../../src/domain/state.js';
import type { StorePort } from '../../src/store/port.js';
import { unitOfWorkContract } from './contract-units.js';
import {
  clone,
  counts,
  expectIndexed,
  expectStoreError,
  indexKeys,
  makeTenant,
  moved,
  observe,
  probes,
  T0,
  type Made,
} from './make-tenant.js';

export interface OpenedStore {
  store: StorePort;
  /** Opens the same data again (call after closing `store`); absent for backends that keep nothing. */
  reopen?: () => Promise<StorePort>;
  /** Closes whatever is still open and removes the data. */
  cleanup: () => Promise<void>;
}

/** What each test sees: a fresh store holding tenants A ('alpha') and B ('beta'). */
export interface ContractContext {
  h: OpenedStore;
  store: StorePort;
  A: Made;
  B: Made;
}

export function describeStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`StorePort contract: ${name}`, () => {
    const c = {} as ContractContext;
    beforeEach(async () => {
      c.A = makeTenant('alpha', 1);
      c.B = makeTenant('beta', 2);
      c.h = await open();
      c.store = c.h.store;
      await c.store.insertTenant(c.A.doc);
      await c.store.insertTenant(c.B.doc);
    });
    afterEach(() => c.h.cleanup());
    tenantContract(c);
    unitOfWorkContract(c);
  });
}

function tenantContract(c: ContractContext): void {
  it('lists tenants oldest first and finds each one in every index', async () => {
    const { store, A, B } = c;
    const C = makeTenant('gamma', 0);
    await store.insertTenant(C.doc);
    expect(await store.listTenants()).toEqual([
      { id: C.id, name: 'gamma', created_at: T0, counts: counts(3, 2, 1) },
      { id: A.id, name: 'alpha', created_at: T0 + 1000, counts: counts(3, 2, 1) },
      { id: B.id, name: 'beta', created_at: T0 + 2000, counts: counts(3, 2, 1) },
    ]);
    for (const t of [A, B, C])
      for (const [index, key] of indexKeys(t))
        expect(await store.findTenant(index, key), `${index} ${key}`).toBe(t.id);
    await expectIndexed(store, [A.doc, B.doc, C.doc]);
    for (const index of [
      'access_key',
      'token',
      'account_name',
      'identity_provider',
      'user',
    ] as const) {
      expect(await store.findTenant(index, 'no-such-key')).toBeUndefined();
    }
    expect(await store.read(A.id, clone)).toEqual(A.doc);
    expect(await store.read('0'.repeat(32), () => 'ran')).toBeUndefined();
  });

  it('keeps its own copy of an inserted document', async () => {
    const { store } = c;
    const C = makeTenant('gamma', 3);
    const given = clone(C.doc);
    await store.insertTenant(given);
    given.permanent_keys[C.adminAk]!.status = 'inactive';
    delete given.users[C.userId];
    expect(await store.read(C.id, clone)).toEqual(C.doc);
  });

  it('refuses an account whose id, name, access key, user or IdP is taken: STORE_CONFLICT, nothing changed', async () => {
    const { store, A, B } = c;
    const C = makeTenant('gamma', 3);
    const before = await observe(store, probes(A, B, C));
    const sameId = clone(C.doc);
    sameId.accounts = { [A.id]: { ...C.doc.accounts[C.id]!, id: A.id } };
    const sameName = clone(C.doc);
    sameName.accounts[C.id]!.name = 'alpha';
    const clashes = [
      sameId,
      sameName,
      moved(C.doc, 'permanent_keys', C.adminAk, B.adminAk),
      moved(C.doc, 'users', C.userId, A.userId),
      moved(C.doc, 'identity_providers', C.idp, B.idp),
    ];
    for (const doc of clashes) await expectStoreError(store.insertTenant(doc), 'STORE_CONFLICT');
    expect(await observe(store, probes(A, B, C))).toEqual(before);
    await store.insertTenant(C.doc); // nothing of the refused attempts was kept
    await expectIndexed(store, [A.doc, B.doc, C.doc]);
  });

  it('putTenant replaces a whole document, re-indexes it and returns the previous one', async () => {
    const { store, A, B } = c;
    const next = moved(A.doc, 'permanent_keys', A.userAk, 'EMUPREPLACEDKEY00001');
    next.accounts[A.id]!.name = 'alpha-2';
    delete next.tokens[A.token];
    expect(await store.putTenant(next)).toEqual(A.doc);
    expect(await store.read(A.id, clone)).toEqual(next);
    for (const [index, key] of [
      ['access_key', A.userAk],
      ['token', A.token],
      ['account_name', 'alpha'],
    ] as const)
      expect(await store.findTenant(index, key)).toBeUndefined();
    await expectIndexed(store, [next, B.doc]);
    expect((await store.listTenants())[0]).toMatchObject({
      name: 'alpha-2',
      counts: counts(3, 2, 0),
    });
    const C = makeTenant('gamma', 3);
    expect(await store.putTenant(C.doc)).toBeUndefined();
    const before = await observe(store, probes(A, B, C));
    await expectStoreError(
      store.putTenant(moved(B.doc, 'permanent_keys', B.adminAk, 'EMUPREPLACEDKEY00001')),
      'STORE_CONFLICT',
    );
    expect(await observe(store, probes(A, B, C))).toEqual(before);
  });

  it('deleteTenant removes the tenant and every index entry of it', async () => {
    const { store, A, B } = c;
    expect(await store.deleteTenant(A.id)).toEqual(A.doc);
    for (const [index, key] of indexKeys(A))
      expect(await store.findTenant(index, key), `${index} ${key}`).toBeUndefined();
    expect((await store.listTenants()).map((t) => t.id)).toEqual([B.id]);
    expect(await store.read(A.id, () => 'ran')).toBeUndefined();
    await expectStoreError(
      store.transact(A.id, () => undefined),
      'STORE_TENANT_GONE',
    );
    expect(await store.deleteTenant(A.id)).toBeUndefined();
    await expectIndexed(store, [B.doc]);
    await store.insertTenant(A.doc); // its keys and name are free again
    await expectIndexed(store, [A.doc, B.doc]);
  });

  it('exportAll merges every tenant; replaceAll replaces everything but meta.starts', async () => {
    const { store, A, B } = c;
    const starts = await store.countStart();
    const all = await store.exportAll();
    expect(all.schemaVersion).toBe(SCHEMA_VERSION);
    expect(all.meta).toEqual(await store.meta());
    for (const c of TENANT_COLLECTIONS) expect(all[c], c).toEqual({ ...A.doc[c], ...B.doc[c] });
    const [C, D] = [makeTenant('gamma', 3), makeTenant('delta', 4)];
    await store.replaceAll([C.doc, D.doc]);
    expect((await store.listTenants()).map((t) => t.id)).toEqual([C.id, D.id]);
    for (const [index, key] of probes(A, B))
      expect(await store.findTenant(index, key), `${index} ${key}`).toBeUndefined();
    expect(await store.read(A.id, () => 'ran')).toBeUndefined();
    await expectStoreError(
      store.transact(B.id, () => undefined),
      'STORE_TENANT_GONE',
    );
    await expectIndexed(store, [C.doc, D.doc]);
    expect((await store.meta()).starts).toBe(starts);
    const before = await observe(store, probes(A, C, D));
    await expectStoreError(
      store.replaceAll([A.doc, moved(B.doc, 'permanent_keys', B.adminAk, A.adminAk)]),
      'STORE_CONFLICT',
    );
    await expectStoreError(store.replaceAll([A.doc, A.doc]), 'STORE_CONFLICT');
    expect(await observe(store, probes(A, C, D))).toEqual(before);
  });

  it('countStart counts up; unknown tenants: read undefined, transact STORE_TENANT_GONE', async () => {
    const { store } = c;
    const first = (await store.meta()).starts;
    expect(await store.countStart()).toBe(first + 1);
    expect(await store.countStart()).toBe(first + 2);
    expect((await store.meta()).starts).toBe(first + 2);
    expect(await store.countStart(first + 10)).toBe(first + 11); // above an imported document's count
    expect(await store.countStart(first)).toBe(first + 12);
    expect(await store.read('nobody', () => 'ran')).toBeUndefined();
    await expectStoreError(
      store.transact('nobody', () => 'ran'),
      'STORE_TENANT_GONE',
    );
  });
}
