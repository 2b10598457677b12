/**
 * The synthetic store builder against a hand-written template in the emulator's shape: exact key
 * counts, fresh unique IDs and AKs, references that all resolve, the 2-key quota respected, each
 * user's `access_keys` matching its keys, one tenant per account and an index.json that agrees
 * with them; and the folder it writes read back by the emulator's own `readStoreFolder`.
 * (The smoke test additionally has the real emulator load such stores.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreFolder } from '@iam-testbed/emulator';
import { describe, expect, it } from 'vitest';
import { buildStore, writeStoreFolder, type BuiltStore } from '../src/store/synthetic.js';
import type { Template } from '../src/store/template.js';

const D = 'd'.repeat(32);
const ADMIN = 'a'.repeat(32);
const USER = 'c'.repeat(32);
const GROUP = 'e'.repeat(32);
const AK1 = 'EMUPAAAAAAAAAAAAAAA1';
const AK2 = 'EMUPAAAAAAAAAAAAAAA2';

const user = (id: string, name: string, owner: boolean) => ({
  id,
  domain_id: D,
  name,
  kind: 'iam',
  is_domain_owner: owner,
  group_ids: owner ? [GROUP] : [],
  password_hash: 'scrypt$4096$00$00',
  enabled: true,
  description: '',
  email: '',
  created_at: 1,
  last_login_at: null,
  idp_id: null,
  access_keys: [owner ? AK1 : AK2],
});
const key = (access: string, userId: string) => ({
  access,
  secret: 'S'.repeat(40),
  user_id: userId,
  domain_id: D,
  status: 'active',
  description: '',
  created_at: 1,
  last_used_at: null,
});

function template(): Template {
  return {
    // The whole `POST /_emulator/tenants` answer (TenantView), as makeTemplate gets it.
    tenant: {
      domain: { id: D, name: 'tenant-ab12' },
      admin: {
        id: ADMIN,
        name: 'tenant-ab12',
        password: 'P'.repeat(16),
        access_key: { access: AK1, secret: 'S'.repeat(40) },
      },
      iam_user: {
        id: USER,
        name: 'tenant-ab12-user',
        password: 'P'.repeat(16),
        access_key: { access: AK2, secret: 'S'.repeat(40) },
      },
      federated_user: {
        id: 'b'.repeat(32),
        name: 'tenant-ab12-federated',
        idp_id: 'tenant-ab12-oidc',
        id_token: 'header.payload.signature',
      },
      projects: [{ id: 'f'.repeat(32), name: 'cn-north-4', region: 'cn-north-4' }],
    },
    doc: {
      schemaVersion: 2,
      meta: { created_at: 1, starts: 1 },
      accounts: { [D]: { id: D, name: 'tenant-ab12', created_at: 1 } },
      groups: {
        [GROUP]: { id: GROUP, domain_id: D, name: 'admin', description: '', created_at: 1 },
      },
      users: {
        [ADMIN]: user(ADMIN, 'tenant-ab12', true),
        [USER]: user(USER, 'tenant-ab12-user', false),
      },
      projects: {
        ['f'.repeat(32)]: {
          id: 'f'.repeat(32),
          domain_id: D,
          name: 'cn-north-4',
          region: 'cn-north-4',
          parent_id: D,
          description: '',
          enabled: true,
        },
      },
      permanent_keys: { [AK1]: key(AK1, ADMIN), [AK2]: key(AK2, USER) },
      temporary_keys: {},
      tokens: {},
      agencies: {},
      identity_providers: {
        'tenant-ab12-oidc': {
          id: 'tenant-ab12-oidc',
          domain_id: D,
          protocol: 'oidc',
          signing_key: 'k',
          client_id: 'c',
          description: '',
          created_at: 1,
        },
      },
    },
  };
}

type Recs = Record<string, Record<string, Record<string, unknown>>>;

/** Every tenant's records merged, as one document. */
function merged(built: BuiltStore): Recs {
  const doc: Recs = {};
  for (const t of built.tenants.values())
    for (const [name, recs] of Object.entries(t)) Object.assign((doc[name] ??= {}), recs);
  return doc;
}

function checkIntegrity(built: BuiltStore): Recs {
  for (const [id, t] of built.tenants) {
    expect(Object.keys(t.accounts ?? {}), `tenant ${id} holds its account only`).toEqual([id]);
    for (const [name, recs] of Object.entries(t)) {
      if (name !== 'accounts')
        for (const r of Object.values(recs))
          expect(r.domain_id, `${name} record in tenant ${id}`).toBe(id);
    }
  }
  const doc = merged(built);
  const keysPerUser = new Map<string, string[]>();
  for (const [ak, k] of Object.entries(doc.permanent_keys ?? {})) {
    expect(ak).toMatch(/^EMUP[A-Z0-9]{16}$/);
    expect(k.access).toBe(ak);
    const owner = doc.users?.[String(k.user_id)];
    expect(owner, `key ${ak} has an owner`).toBeDefined();
    expect(owner?.domain_id).toBe(k.domain_id);
    keysPerUser.set(String(k.user_id), [...(keysPerUser.get(String(k.user_id)) ?? []), ak]);
  }
  expect(Math.max(...[...keysPerUser.values()].map((l) => l.length))).toBeLessThanOrEqual(2);
  for (const u of Object.values(doc.users ?? {})) {
    expect(
      doc.accounts?.[String(u.domain_id)],
      `user ${String(u.id)} has an account`,
    ).toBeDefined();
    for (const g of u.group_ids as string[]) expect(doc.groups?.[g]?.domain_id).toBe(u.domain_id);
    expect(u.access_keys, `access_keys of user ${String(u.id)}`).toEqual(
      keysPerUser.get(String(u.id)) ?? [],
    );
  }
  for (const p of Object.values(doc.projects ?? {}))
    expect(doc.accounts?.[String(p.parent_id)]).toBeDefined();
  const names = Object.values(doc.accounts ?? {}).map((a) => a.name);
  expect(new Set(names).size).toBe(names.length);
  // index.json: every global key and every tenant's counts
  const { index } = built;
  expect(index).toMatchObject({
    format: 'iam-testbed-index',
    schemaVersion: 2,
    meta: { created_at: 1, starts: 1 },
  });
  expect(Object.keys(index.tenants).sort()).toEqual([...built.tenants.keys()].sort());
  expect(Object.keys(index.indexes.access_key).sort()).toEqual(
    Object.keys(doc.permanent_keys ?? {}).sort(),
  );
  expect(Object.keys(index.indexes.user).sort()).toEqual(Object.keys(doc.users ?? {}).sort());
  expect(Object.keys(index.indexes.identity_provider).sort()).toEqual(
    Object.keys(doc.identity_providers ?? {}).sort(),
  );
  for (const [ak, k] of Object.entries(doc.permanent_keys ?? {}))
    expect(index.indexes.access_key[ak]).toBe(k.domain_id);
  for (const [id, a] of Object.entries(doc.accounts ?? {})) {
    expect(index.indexes.account_name[String(a.name)]).toBe(id);
    const t = built.tenants.get(id) ?? {};
    expect(index.tenants[id]).toEqual({
      name: a.name,
      created_at: a.created_at,
      counts: {
        users: Object.keys(t.users ?? {}).length,
        projects: Object.keys(t.projects ?? {}).length,
        permanent_keys: Object.keys(t.permanent_keys ?? {}).length,
        temporary_keys: 0,
        tokens: 0,
      },
    });
  }
  return doc;
}

describe('synthetic stores', () => {
  it('spreads keys over copies of the tenant, four per tenant, all references intact', () => {
    const built = buildStore(template(), 'tenants', 23, 3);
    const doc = checkIntegrity(built);
    expect(built.keys).toBe(23);
    expect(Object.keys(doc.permanent_keys ?? {})).toHaveLength(23);
    // 2 template keys + 21 in copies of 4 → 6 copies (the last one holds 1 key).
    expect(built.tenants.size).toBe(1 + 6);
    expect(Object.keys(doc.identity_providers ?? {})).toHaveLength(1 + 6);
    expect(Object.values(doc.accounts ?? {}).map((a) => a.name)).toContain('bench-tenant-5');
  });

  it('puts every key in one account when asked, and adds key-less target users to the measuring tenant', () => {
    const built = buildStore(template(), 'one-account', 101, 4);
    const doc = checkIntegrity(built);
    expect(built.keys).toBe(101);
    expect([...built.tenants.keys()]).toEqual([D]);
    expect(built.targets).toHaveLength(4);
    for (const id of built.targets) {
      expect(doc.users?.[id]?.domain_id).toBe(D);
      expect(Object.values(doc.permanent_keys ?? {}).some((k) => k.user_id === id)).toBe(false);
    }
    expect(built.admin.access).toBe(AK1);
  });

  it('never changes the template it was given', () => {
    const t = template();
    const before = JSON.stringify(t.doc);
    buildStore(t, 'tenants', 40, 2);
    expect(JSON.stringify(t.doc)).toBe(before);
  });

  it('writes a store folder the emulator reads back whole: index.json and one file per account', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bench-synthetic-')), 'store');
    try {
      const built = buildStore(template(), 'tenants', 23, 3);
      const bytes = writeStoreFolder(dir, built);
      expect(readdirSync(join(dir, 'tenants')).sort()).toEqual(
        [...built.tenants.keys()].map((id) => `${id}.json`).sort(),
      );
      const file = JSON.parse(readFileSync(join(dir, 'tenants', `${D}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(file.schemaVersion).toBe(2);
      expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))).toEqual(built.index);
      expect(bytes).toBeGreaterThan(1000);
      const state = readStoreFolder(dir);
      const doc = merged(built);
      expect(Object.keys(state.permanent_keys).sort()).toEqual(
        Object.keys(doc.permanent_keys ?? {}).sort(),
      );
      expect(Object.keys(state.users).sort()).toEqual(Object.keys(doc.users ?? {}).sort());
      expect(Object.keys(state.accounts)).toHaveLength(7);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
