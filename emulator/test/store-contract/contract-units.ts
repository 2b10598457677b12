/**
 * The contract, continued (contract.ts): units of work — commit, undo, conflicts, reads that wait
 * and are not starved, one at a time — then close and, for durable backends, reopen.
 */
import { expect, it } from 'vitest';
import { issueToken } from '../../src/domain/tokens.js';
import type { TenantDoc } from '../../src/domain/state.js';
import type { IndexName } from '../../src/store/port.js';
import type { ContractContext } from './contract.js';
import {
  clone,
  counts,
  createKeyFor,
  expectIndexed,
  expectStoreError,
  gate,
  makeTenant,
  moved,
  observe,
  probes,
  T0,
  ticks,
} from './make-tenant.js';

export function unitOfWorkContract(c: ContractContext): void {
  it("refuses a unit of work that takes another tenant's access key or name, and undoes it", async () => {
    const { store, A, B } = c;
    const before = await observe(store, probes(A, B));
    await expectStoreError(
      store.transact(B.id, (doc) => {
        doc.users[B.userId]!.description = 'changed too';
        doc.permanent_keys[A.adminAk] = { ...doc.permanent_keys[B.adminAk]!, access: A.adminAk };
      }),
      'STORE_CONFLICT',
    );
    await expectStoreError(
      store.transact(B.id, (doc) => void (doc.accounts[B.id]!.name = 'alpha')),
      'STORE_CONFLICT',
    );
    expect(await observe(store, probes(A, B))).toEqual(before);
  });

  it('commits a unit of work and indexes what it created, renamed and deleted at once', async () => {
    const { store, A, B } = c;
    const made = await store.transact(A.id, (doc) => {
      const ak = createKeyFor(doc, A, A.adminId);
      const token = issueToken(
        doc,
        { user: doc.users[A.adminId]!, methods: ['password'], scope: { type: 'domain' } },
        A.ctx,
      ).id;
      delete doc.permanent_keys[A.userAk];
      doc.accounts[A.id]!.name = 'alpha-renamed';
      return { ak, token };
    });
    expect(await store.findTenant('access_key', made.ak)).toBe(A.id);
    expect(await store.findTenant('token', made.token)).toBe(A.id);
    expect(await store.findTenant('access_key', A.userAk)).toBeUndefined();
    expect(await store.findTenant('account_name', 'alpha')).toBeUndefined();
    expect(await store.findTenant('account_name', 'alpha-renamed')).toBe(A.id);
    expect((await store.listTenants())[0]).toEqual({
      id: A.id,
      name: 'alpha-renamed',
      created_at: T0 + 1000,
      counts: counts(3, 2, 2),
    });
    expect(await store.read(A.id, (d) => d.permanent_keys[made.ak])).toMatchObject({
      user_id: A.adminId,
      status: 'active',
    });
    await expectIndexed(store, [(await store.read(A.id, clone))!, B.doc]);
  });

  it('a unit of work that throws leaves the document and the indexes exactly as they were', async () => {
    const { store, A, B } = c;
    const before = await observe(store, probes(A, B));
    const boom = new Error('the domain refused');
    let newAk = '';
    const unit = store.transact(A.id, async (doc) => {
      doc.permanent_keys[A.userAk]!.status = 'inactive';
      doc.users[A.userId]!.group_ids.push(A.groupId);
      const policy = doc.accounts[A.id]!.protect_policy;
      policy.allow_user.manage_email = !policy.allow_user.manage_email;
      newAk = createKeyFor(doc, A, A.adminId);
      delete doc.permanent_keys[A.adminAk];
      delete doc.users[A.fedId];
      doc.accounts[A.id]!.name = 'renamed';
      doc.groups.made = {
        id: 'made',
        domain_id: A.id,
        name: 'x',
        description: '',
        created_at: 0,
      };
      delete doc.groups.made;
      await Promise.resolve();
      throw boom;
    });
    await expect(unit).rejects.toBe(boom);
    expect(await observe(store, probes(A, B))).toEqual(before);
    expect(await store.findTenant('access_key', newAk)).toBeUndefined();
    expect(await store.findTenant('account_name', 'renamed')).toBeUndefined();
    // the next unit starts from the original document
    expect(
      await store.transact(A.id, (doc) => [
        doc.permanent_keys[A.userAk]!.status,
        [...doc.users[A.userId]!.group_ids],
      ]),
    ).toEqual(['active', []]);
  });

  it('a read waits for the unit of work in flight on its tenant and sees only what it committed', async () => {
    const { store, A, B } = c;
    for (const outcome of ['throw', 'commit'] as const) {
      const g = gate();
      const entered = gate();
      const unit = store.transact(A.id, async (doc) => {
        doc.permanent_keys[A.userAk]!.status = 'inactive';
        entered.open();
        await g.promise;
        doc.permanent_keys[A.userAk]!.description = 'late';
        if (outcome === 'throw') throw new Error('undo');
      });
      await entered.promise;
      let seen: unknown = 'pending';
      const reading = store
        .read(A.id, (d) => ({ ...d.permanent_keys[A.userAk]! }))
        .then((v) => (seen = v));
      await ticks();
      expect(seen).toBe('pending');
      expect(await store.read(B.id, (d) => d.accounts[B.id]!.name)).toBe('beta'); // other tenants are not held up
      g.open();
      await unit.catch(() => undefined);
      await reading;
      expect(seen).toMatchObject(
        outcome === 'commit'
          ? { status: 'inactive', description: 'late' }
          : { status: 'active', description: '' },
      );
    }
  });

  it('a read is not starved by units of work that follow each other on its tenant', async () => {
    const { store, A } = c;
    const CAP = 300;
    let units = 0;
    let reading: Promise<number> | undefined;
    const writer = async () => {
      while (units < CAP) {
        await store.transact(
          A.id,
          (doc) => void (doc.users[A.userId]!.description = String(++units)),
        );
        // asked while the writers hold the tenant back to back
        if (units === 10)
          reading = store
            .read(A.id, (d) => Number(d.users[A.userId]!.description))
            .then((seen) => (expect(seen).toBeGreaterThanOrEqual(10), units));
      }
    };
    await Promise.all([writer(), writer()]);
    expect(await reading, 'units committed before the read got its turn').toBeLessThan(CAP);
  });

  it('units of work on one tenant run one at a time (quota holds, no lost update)', async () => {
    const { store, A } = c;
    const creates = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        store.transact(A.id, (doc) => createKeyFor(doc, A, A.userId)),
      ),
    );
    expect(creates.filter((r) => r.status === 'fulfilled')).toHaveLength(1); // the user had 1 of 2 keys
    for (const r of creates)
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ name: 'IamError', id: 'AK_QUOTA_EXCEEDED' });
    expect(
      await store.read(
        A.id,
        (d) => Object.values(d.permanent_keys).filter((k) => k.user_id === A.userId).length,
      ),
    ).toBe(2);
    expect((await store.listTenants())[0]!.counts.permanent_keys).toBe(3);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.transact(A.id, async (doc) => {
          const n = Number(doc.users[A.userId]!.description || '0');
          await ticks(1);
          doc.users[A.userId]!.description = String(n + 1);
        }),
      ),
    );
    expect(await store.read(A.id, (d) => d.users[A.userId]!.description)).toBe('20');
  });

  it('close waits for units in flight, then refuses every change with STORE_CLOSED', async () => {
    const { store, A, B, h } = c;
    const g = gate();
    const entered = gate();
    const unit = store.transact(A.id, async (doc) => {
      entered.open();
      await g.promise;
      doc.users[A.userId]!.description = 'committed before close';
    });
    await entered.promise;
    const queued = store.transact(
      A.id,
      (doc) => void (doc.users[A.userId]!.description = 'too late'),
    );
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await ticks();
    expect(closed).toBe(false);
    g.open();
    await unit;
    await expectStoreError(queued, 'STORE_CLOSED');
    await closing;
    const C = makeTenant('gamma', 3);
    await expectStoreError(
      store.transact(B.id, () => undefined),
      'STORE_CLOSED',
    );
    await expectStoreError(store.insertTenant(C.doc), 'STORE_CLOSED');
    await expectStoreError(store.putTenant(C.doc), 'STORE_CLOSED');
    await expectStoreError(store.deleteTenant(B.id), 'STORE_CLOSED');
    await expectStoreError(store.replaceAll([C.doc]), 'STORE_CLOSED');
    await expectStoreError(store.countStart(), 'STORE_CLOSED');
    await store.close(); // idempotent
    if (h.reopen) {
      const again = await h.reopen();
      expect(await again.read(A.id, (d) => d.users[A.userId]!.description)).toBe(
        'committed before close',
      );
    }
  });

  it('durable: everything committed, and the meta, survive close and reopen (or the backend says it keeps nothing)', async () => {
    const { store, A, B, h } = c;
    if (!h.reopen) {
      // A backend that cannot be reopened must be the in-memory one, and say so.
      expect(store.kind).toBe('memory');
      expect(store.location).toBeUndefined();
      return;
    }
    await store.countStart();
    const ak = await store.transact(A.id, (doc) => {
      doc.permanent_keys[A.userAk]!.status = 'inactive';
      doc.users[A.userId]!.group_ids.push(A.groupId);
      delete doc.tokens[A.token];
      return createKeyFor(doc, A, A.adminId);
    });
    const [C, D] = [makeTenant('gamma', 3), makeTenant('delta', 4)];
    await store.insertTenant(C.doc);
    await store.insertTenant(D.doc);
    await store.deleteTenant(B.id);
    await store.putTenant(moved(C.doc, 'users', C.fedId, 'fed-renamed'));
    const all: Array<[IndexName, string]> = [
      ...probes(A, B, C, D),
      ['access_key', ak],
      ['user', 'fed-renamed'],
    ];
    const before = await observe(store, all);
    await store.close();
    const again = await h.reopen();
    const loads: TenantDoc[] = [];
    again.onFirstLoad = (doc) => loads.push(clone(doc));
    expect(await observe(again, all)).toEqual(before);
    await observe(again, all);
    expect(loads).toEqual(Object.values(before.docs)); // each tenant once, as committed
    await expectIndexed(again, Object.values(before.docs) as TenantDoc[]);
    await again.replaceAll([B.doc]);
    await again.close();
    const third = await h.reopen();
    expect((await third.listTenants()).map((t) => t.id)).toEqual([B.id]);
    expect(await third.findTenant('access_key', ak)).toBeUndefined();
    expect(await third.meta()).toEqual(before.meta);
    await expectIndexed(third, [B.doc]);
  });
}
