/**
 * Tenants (list, delete) and reset (all, per tenant, GET refused) over HTTP, with the official SDK
 * checking what the credentials can still do afterwards.
 */
import { describe, expect, it } from 'vitest';
import { readStoreFolder } from '../../src/store/lowdb/inspect';
import '../support/sdk';
import { v3As } from '../support/clients';
import { raw } from '../support/raw';
import { createKey, listKeys } from '../support/requests';
import { wire } from '../support/sdk';
import { expectSdkError } from '../support/sdk-error';
import { secretsOf, useControlEmulator } from './harness';

const AK_GONE = (ak: string) => ({
  status: 401,
  code: 'APIGW.0301',
  msg: `Incorrect IAM authentication information: Get secretKey failed,ak:${ak},err:ak not exist`,
});

describe('tenants and reset', () => {
  const emu = useControlEmulator();

  it('lists every account with its origin and counts, and no secret', async () => {
    const t = await emu().client.createTenant({ name: 'listed' });
    const res = await raw(emu().url, { method: 'GET', path: '/_emulator/tenants' });
    expect(res.status).toBe(200);
    const seed = res.json.tenants.find(
      (x: { domain: { name: string } }) => x.domain.name === 'iam-testbed',
    );
    expect(seed).toEqual({
      domain: { id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'iam-testbed' },
      created_at: '2030-01-02T03:04:05.000Z',
      origin: 'seed',
      counts: { users: 3, projects: 6, permanent_keys: 2, temporary_keys: 0, tokens: 0 },
    });
    expect(res.json.tenants).toContainEqual(
      expect.objectContaining({
        domain: t.domain,
        origin: 'tenant',
        counts: expect.objectContaining({ users: 3, permanent_keys: 2 }),
      }),
    );
    for (const secret of secretsOf(t)) expect(res.text).not.toContain(secret);
    expect(res.text).not.toContain('scrypt$');
  });

  it('deletes a tenant with all its records; a second delete is 404', async () => {
    const t = await emu().client.createTenant();
    const del = await raw(emu().url, {
      method: 'DELETE',
      path: `/_emulator/tenants/${t.domain.id}`,
    });
    expect(del.status).toBe(204);
    expect((await emu().client.listTenants()).map((x) => x.domain.id)).not.toContain(t.domain.id);
    const store = emu().runtime.store;
    const state = await store.exportAll();
    expect(Object.values(state.users).filter((u) => u.domain_id === t.domain.id)).toEqual([]);
    expect(Object.values(state.projects).filter((p) => p.domain_id === t.domain.id)).toEqual([]);
    // The global indexes forget it too: its name, keys and users resolve to no tenant.
    expect(await store.read(t.domain.id, () => true)).toBeUndefined();
    expect(await store.findTenant('account_name', t.domain.name)).toBeUndefined();
    expect(await store.findTenant('access_key', t.admin.access_key.access)).toBeUndefined();
    expect(await store.findTenant('user', t.iam_user.id)).toBeUndefined();
    await expectSdkError(
      v3As(emu().url, t, t.admin).listPermanentAccessKeys(listKeys()),
      AK_GONE(t.admin.access_key.access),
    );
    const again = await raw(emu().url, {
      method: 'DELETE',
      path: `/_emulator/tenants/${t.domain.id}`,
    });
    expect(again.status).toBe(404);
    expect(again.json).toEqual({
      error_code: 'IAMTB.0005',
      error_msg: expect.stringContaining(t.domain.id),
    });
  });

  it('resets one tenant to its creation: later keys gone, its own credentials still work, others untouched', async () => {
    const a = await emu().client.createTenant();
    const b = await emu().client.createTenant();
    const asA = v3As(emu().url, a, a.admin);
    const extra = wire(await asA.createPermanentAccessKey(createKey(a.admin.id))).credential
      .access as string;
    const extraB = wire(
      await v3As(emu().url, b, b.admin).createPermanentAccessKey(createKey(b.admin.id)),
    ).credential.access as string;
    const res = await raw(emu().url, {
      method: 'POST',
      path: `/_emulator/reset?domain_id=${a.domain.id}`,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({
      scope: 'tenant',
      domain_id: a.domain.id,
      accounts: 1,
      cleared: ['state', 'lockouts', 'console'],
    });
    const keysA = wire(await asA.listPermanentAccessKeys(listKeys())).credentials.map(
      (c: { access: string }) => c.access,
    );
    expect(keysA).toEqual([a.admin.access_key.access]);
    expect(keysA).not.toContain(extra);
    const keysB = wire(
      await v3As(emu().url, b, b.admin).listPermanentAccessKeys(listKeys()),
    ).credentials.map((c: { access: string }) => c.access);
    expect(keysB.sort()).toEqual([b.admin.access_key.access, extraB].sort());
  });

  it('refuses reset of an unknown tenant (404) and a GET reset (405, Allow: POST), changing nothing', async () => {
    const t = await emu().client.createTenant();
    const unknown = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/reset?domain_id=00000000000000000000000000000000',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error_code).toBe('IAMTB.0005');
    const get = await raw(emu().url, { method: 'GET', path: '/_emulator/reset' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.json).toEqual({
      error_code: 'IAMTB.0011',
      error_msg: 'GET is not supported on /_emulator/reset; allowed: POST.',
    });
    expect((await emu().client.listTenants()).map((x) => x.domain.id)).toContain(t.domain.id);
  });

  it('a full reset keeps only the seed accounts, with their original credentials, and empties faults and the journal', async () => {
    const before = await emu().runtime.store.exportAll();
    const seedKeys = Object.keys(before.permanent_keys).filter((ak) => {
      const k = before.permanent_keys[ak];
      return k && emu().runtime.baselines.originOf(k.domain_id) === 'seed';
    });
    expect(seedKeys).toHaveLength(2);
    const t = await emu().client.createTenant();
    await emu().client.addFaults({ match: { path: '/nowhere' }, status: 500 });
    const res = await emu().client.reset();
    expect(res).toEqual({
      scope: 'all',
      domain_id: null,
      accounts: 1,
      cleared: ['state', 'lockouts', 'console', 'faults', 'journal'],
    });
    // The journal was emptied: the reset itself is its first entry.
    expect((await emu().client.requests({ control: true })).map((e) => e.operation)).toEqual([
      'emulatorReset',
    ]);
    expect((await emu().client.listTenants()).map((x) => x.domain.name)).toEqual(['iam-testbed']);
    expect(Object.keys((await emu().runtime.store.exportAll()).permanent_keys).sort()).toEqual(
      seedKeys.sort(),
    );
    expect(await emu().client.faults()).toEqual([]);
    await expectSdkError(
      v3As(emu().url, t, t.admin).listPermanentAccessKeys(listKeys()),
      AK_GONE(t.admin.access_key.access),
    );
  });
});

describe('reset on the file store', () => {
  const emu = useControlEmulator({ file: true });

  it('writes the reset state to disk', async () => {
    const t = await emu().client.createTenant();
    const onDisk = () => readStoreFolder(emu().runtime.store.location ?? ''); // tenant files + write-ahead log
    expect(onDisk().accounts[t.domain.id]).toBeDefined();
    const extra = wire(
      await v3As(emu().url, t, t.admin).createPermanentAccessKey(createKey(t.admin.id)),
    ).credential.access as string;
    expect(onDisk().permanent_keys[extra]).toBeDefined();
    await emu().client.reset(t.domain.id);
    expect(onDisk().accounts[t.domain.id]).toBeDefined();
    expect(onDisk().permanent_keys[extra]).toBeUndefined();
    expect(onDisk().users[t.admin.id]?.access_keys).toEqual([t.admin.access_key.access]);
    await emu().client.reset();
    expect(onDisk().accounts[t.domain.id]).toBeUndefined();
  });
});
