/**
 * Reset with a large store: 10,000 access keys in one tenant. Resetting another tenant leaves
 * them alone; resetting that tenant restores its imported baseline; a full reset drops them and
 * brings the seed back from its copy (no re-seeding). Functional checks only: no timings.
 */
import { describe, expect, it } from 'vitest';
import type { StateDoc } from '../../src/client/index';
import { useControlEmulator } from './harness';

const KEYS = 10_000;

/** The tenant's IAM user cloned into KEYS / 2 users with two keys each (valid for import). */
function withManyKeys(state: StateDoc, domainId: string, userId: string): StateDoc {
  const next = structuredClone(state);
  const template = next.users[userId];
  if (!template) throw new Error('template user missing');
  for (let i = 0; i < KEYS / 2; i++) {
    const id = `b${i.toString(16).padStart(31, '0')}`;
    next.users[id] = { ...template, id, name: `bulk-${i}`, group_ids: [] };
    for (const suffix of ['A', 'B']) {
      const access = `EMUP${suffix}${i.toString().padStart(15, '0')}`;
      next.permanent_keys[access] = { access, secret: `Emu${'s'.repeat(37)}`, user_id: id, domain_id: domainId, status: 'active', description: '', created_at: 0, last_used_at: 0 };
    }
  }
  return next;
}

const keysOf = (state: StateDoc, domainId: string) => Object.values(state.permanent_keys).filter((k) => k.domain_id === domainId).length;

describe('reset with 10,000 keys on the file store', () => {
  const emu = useControlEmulator({ file: true });

  it('resets one tenant without touching the big one, the big one to its import, and all to the seed', async () => {
    const { client, runtime } = emu();
    const big = await client.createTenant({ name: 'big' });
    await client.importState(withManyKeys(await client.exportState(), big.domain.id, big.iam_user.id));
    expect(keysOf(runtime.store.state, big.domain.id)).toBe(KEYS + 2);
    const small = await client.createTenant({ name: 'small' });
    // The first bulk key, by its exact AK: a random key of another tenant may also start with EMUPA.
    const victim = `EMUPA${'0'.padStart(15, '0')}`;
    expect(runtime.store.state.permanent_keys[victim]?.domain_id).toBe(big.domain.id);
    const deleted = await fetch(`${emu().url}/_emulator/tenants/${small.domain.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    const again = await client.createTenant({ name: 'small2' });
    expect((await client.reset(again.domain.id)).scope).toBe('tenant');
    expect(keysOf(runtime.store.state, big.domain.id)).toBe(KEYS + 2);
    delete runtime.store.state.permanent_keys[victim];
    expect(keysOf(runtime.store.state, big.domain.id)).toBe(KEYS + 1);
    await client.reset(big.domain.id);
    expect(keysOf(runtime.store.state, big.domain.id)).toBe(KEYS + 2);
    const all = await client.reset();
    expect(all.accounts).toBe(1);
    expect(Object.keys(runtime.store.state.permanent_keys)).toHaveLength(2);
    expect((await client.listTenants()).map((t) => t.domain.name)).toEqual(['iam-testbed']);
  });
});
