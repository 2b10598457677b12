/**
 * Reset with a large store: 10,000 access keys in one tenant. Resetting another tenant leaves
 * them alone; resetting that tenant restores its imported baseline; a full reset drops them and
 * brings the seed back from its copy (no re-seeding). Functional checks only: no timings.
 */
import { describe, expect, it } from 'vitest';
import type { StateDoc } from '../../src/client/index';
import type { StorePort } from '../../src/store/port';
import { useControlEmulator } from './harness';

const KEYS = 10_000;

/** The tenant's IAM user cloned into KEYS / 2 users with two keys each (valid for import). */
function withManyKeys(state: StateDoc, domainId: string, userId: string): StateDoc {
  const next = structuredClone(state);
  const template = next.users[userId];
  if (!template) throw new Error('template user missing');
  for (let i = 0; i < KEYS / 2; i++) {
    const id = `b${i.toString(16).padStart(31, '0')}`;
    const access_keys = ['A', 'B'].map(
      (suffix) => `EMUP${suffix}${i.toString().padStart(15, '0')}`,
    );
    next.users[id] = { ...template, id, name: `bulk-${i}`, group_ids: [], access_keys };
    for (const access of access_keys) {
      next.permanent_keys[access] = {
        access,
        secret: `Emu${'s'.repeat(37)}`,
        user_id: id,
        domain_id: domainId,
        status: 'active',
        description: '',
        created_at: 0,
        last_used_at: null,
      };
    }
  }
  return next;
}

/** The tenant's permanent keys, as its document in the store holds them. */
const keysOf = async (store: StorePort, domainId: string) =>
  (await store.read(domainId, (doc) => Object.keys(doc.permanent_keys).length)) ?? 0;

describe('reset with 10,000 keys on the file store', () => {
  const emu = useControlEmulator({ file: true });

  it('resets one tenant without touching the big one, the big one to its import, and all to the seed', async () => {
    const { client, runtime } = emu();
    const big = await client.createTenant({ name: 'big' });
    await client.importState(
      withManyKeys(await client.exportState(), big.domain.id, big.iam_user.id),
    );
    expect(await keysOf(runtime.store, big.domain.id)).toBe(KEYS + 2);
    const small = await client.createTenant({ name: 'small' });
    // The first bulk key, by its exact AK: a random key of another tenant may also start with EMUPA.
    const victim = `EMUPA${'0'.padStart(15, '0')}`;
    expect(await runtime.store.findTenant('access_key', victim)).toBe(big.domain.id);
    const deleted = await fetch(`${emu().url}/_emulator/tenants/${small.domain.id}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    const again = await client.createTenant({ name: 'small2' });
    expect((await client.reset(again.domain.id)).scope).toBe('tenant');
    expect(await keysOf(runtime.store, big.domain.id)).toBe(KEYS + 2);
    // A change behind the API's back: the tenant reset must bring the key back from the baseline.
    await runtime.store.transact(big.domain.id, (doc) => {
      const key = doc.permanent_keys[victim];
      if (!key) throw new Error('victim key missing');
      const user = doc.users[key.user_id];
      if (user) user.access_keys = user.access_keys.filter((ak) => ak !== victim);
      delete doc.permanent_keys[victim];
    });
    expect(await keysOf(runtime.store, big.domain.id)).toBe(KEYS + 1);
    await client.reset(big.domain.id);
    expect(await keysOf(runtime.store, big.domain.id)).toBe(KEYS + 2);
    const all = await client.reset();
    expect(all.accounts).toBe(1);
    expect(Object.keys((await runtime.store.exportAll()).permanent_keys)).toHaveLength(2);
    expect(await runtime.store.findTenant('access_key', victim)).toBeUndefined();
    expect((await client.listTenants()).map((t) => t.domain.name)).toEqual(['iam-testbed']);
  });
});
