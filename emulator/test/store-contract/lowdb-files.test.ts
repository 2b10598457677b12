/**
 * The lowdb backend's files: a corrupt tenant file, lazy loading, compaction.
 */
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertPermanentKey } from '../../src/domain/permanent-keys.js';
import { tenantPath } from '../../src/store/lowdb/layout.js';
import { closeStore, openAt, tempDir } from './lowdb-support.js';
import {
  createKeyFor,
  expectIndexed,
  expectStoreError,
  makeTenant,
  observe,
} from './make-tenant.js';

describe('lowdb store: tenant files', () => {
  it('a corrupt tenant file refuses that tenant (STORE_NOT_JSON); start-up and the other tenants work', async () => {
    const dir = join(await tempDir(), 'db');
    const [A, B] = [makeTenant('alpha', 1), makeTenant('beta', 2)];
    const first = await openAt(dir);
    await first.insertTenant(A.doc);
    await first.insertTenant(B.doc);
    await closeStore(first);
    await writeFile(tenantPath(dir, A.id), '{"accounts": {"torn');
    const store = await openAt(dir);
    expect(store.loadedCount).toBe(0);
    await expectStoreError(
      store.read(A.id, () => 'ran'),
      'STORE_NOT_JSON',
    );
    await expectStoreError(
      store.transact(A.id, () => 'ran'),
      'STORE_NOT_JSON',
    );
    expect(await store.findTenant('access_key', A.adminAk)).toBe(A.id); // the index does not need the file
    expect(await store.read(B.id, (d) => structuredClone(d))).toEqual(B.doc);
    const ak = await store.transact(B.id, (doc) => createKeyFor(doc, B, B.adminId));
    expect(await store.findTenant('access_key', ak)).toBe(B.id);
  });

  it('loads tenants lazily: start-up reads no tenant file', async () => {
    const dir = join(await tempDir(), 'db');
    const tenants = ['alpha', 'beta', 'gamma'].map((name, i) => makeTenant(name, i));
    const first = await openAt(dir);
    for (const t of tenants) await first.insertTenant(t.doc);
    await closeStore(first);
    await writeFile(tenantPath(dir, tenants[2]!.id), 'garbage, not JSON');
    await chmod(tenantPath(dir, tenants[1]!.id), 0o000); // unreadable for non-root; root reads it but only on demand
    const store = await openAt(dir);
    expect(store.loadedCount).toBe(0);
    expect((await store.listTenants()).map((t) => t.id)).toEqual(tenants.map((t) => t.id));
    for (const t of tenants) expect(await store.findTenant('user', t.userId)).toBe(t.id);
    expect(store.loadedCount).toBe(0);
    const loads: string[] = [];
    store.onFirstLoad = (doc) => loads.push(Object.keys(doc.accounts)[0]!);
    expect(await store.read(tenants[0]!.id, (d) => Object.keys(d.users).length)).toBe(3);
    await store.transact(
      tenants[0]!.id,
      (doc) => void (doc.users[tenants[0]!.userId]!.description = 'loaded once'),
    );
    expect(store.loadedCount).toBe(1);
    expect(loads).toEqual([tenants[0]!.id]);
  });
});

describe('lowdb store: compaction', () => {
  it('finishes while a tenant is written back to back, so the log stays bounded', async () => {
    const A = makeTenant('alpha', 1);
    const store = await openAt(join(await tempDir(), 'db'), { compactAtBytes: 4096 });
    await store.insertTenant(A.doc);
    const CAP = 400;
    let units = 0;
    const writer = async () => {
      while (store.backend.compactions < 2 && units < CAP)
        await store.transact(
          A.id,
          (doc) => void (doc.users[A.userId]!.description = String(++units)),
        );
    };
    await Promise.all([writer(), writer()]);
    expect(units, 'commits before two compactions had finished').toBeLessThan(CAP);
  });

  it('folds the log into the files while commits go on; the state survives reopen; close leaves no log', async () => {
    const dir = join(await tempDir(), 'db');
    const tenants = ['alpha', 'beta', 'gamma', 'delta'].map((name, i) => makeTenant(name, i));
    const store = await openAt(dir, { compactAtBytes: 4096 });
    for (const t of tenants) await store.insertTenant(t.doc);
    const aks: Array<[string, string]> = [];
    for (let round = 0; round < 15; round++) {
      const results = await Promise.allSettled(
        tenants.map((t) =>
          store.transact(
            t.id,
            (doc) =>
              [t.id, insertPermanentKey(doc, doc.users[t.adminId]!, t.ctx).access] as [
                string,
                string,
              ],
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual(
        [],
      );
      for (const r of results) if (r.status === 'fulfilled') aks.push(r.value);
    }
    await store.backend.compacted();
    expect(store.backend.compactions).toBeGreaterThan(0);
    const before = await observe(
      store,
      aks.map(([, ak]) => ['access_key', ak] as const),
    );
    expect(before.finds.map(([, , id]) => id)).toEqual(aks.map(([id]) => id));
    await closeStore(store);
    expect((await readdir(dir)).filter((name) => name.startsWith('wal'))).toEqual([]);
    for (const t of tenants) {
      const file = JSON.parse(await readFile(tenantPath(dir, t.id), 'utf8')) as Record<
        string,
        unknown
      >;
      expect({ ...file, schemaVersion: undefined }).toEqual({
        ...before.docs[t.id],
        schemaVersion: undefined,
      });
    }
    const again = await openAt(dir);
    expect(
      await observe(
        again,
        aks.map(([, ak]) => ['access_key', ak] as const),
      ),
    ).toEqual(before);
    await expectIndexed(
      again,
      Object.values(before.docs) as Array<(typeof tenants)[number]['doc']>,
    );
  });
});
