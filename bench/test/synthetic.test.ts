/**
 * The synthetic store builder against a hand-written template in the emulator's shape: exact key
 * counts, fresh unique IDs and AKs, references that all resolve, and the 2-key quota respected.
 * (The smoke test additionally has the real emulator load such stores.)
 */
import { describe, expect, it } from 'vitest';
import { buildStore } from '../src/store/synthetic.js';
import type { Template } from '../src/store/template.js';

const D = 'd'.repeat(32);
const ADMIN = 'a'.repeat(32);
const USER = 'c'.repeat(32);
const GROUP = 'e'.repeat(32);
const AK1 = 'EMUPAAAAAAAAAAAAAAA1';
const AK2 = 'EMUPAAAAAAAAAAAAAAA2';

const user = (id: string, name: string, owner: boolean) => ({
  id, domain_id: D, name, kind: 'iam', is_domain_owner: owner, group_ids: owner ? [GROUP] : [], password_hash: 'scrypt$4096$00$00',
  enabled: true, description: '', email: '', created_at: 1, last_login_at: null, idp_id: null,
});
const key = (access: string, userId: string) => ({ access, secret: 'S'.repeat(40), user_id: userId, domain_id: D, status: 'active', description: '', created_at: 1, last_used_at: 1 });

function template(): Template {
  return {
    // The whole `POST /_emulator/tenants` answer (TenantView), as makeTemplate gets it.
    tenant: {
      domain: { id: D, name: 'tenant-ab12' },
      admin: { id: ADMIN, name: 'tenant-ab12', password: 'P'.repeat(16), access_key: { access: AK1, secret: 'S'.repeat(40) } },
      iam_user: { id: USER, name: 'tenant-ab12-user', password: 'P'.repeat(16), access_key: { access: AK2, secret: 'S'.repeat(40) } },
      federated_user: { id: 'b'.repeat(32), name: 'tenant-ab12-federated', idp_id: 'tenant-ab12-oidc', id_token: 'header.payload.signature' },
      projects: [{ id: 'f'.repeat(32), name: 'cn-north-4', region: 'cn-north-4' }],
    },
    doc: {
      schemaVersion: 1,
      meta: { created_at: 1, starts: 1 },
      accounts: { [D]: { id: D, name: 'tenant-ab12', created_at: 1 } },
      groups: { [GROUP]: { id: GROUP, domain_id: D, name: 'admin', description: '', created_at: 1 } },
      users: { [ADMIN]: user(ADMIN, 'tenant-ab12', true), [USER]: user(USER, 'tenant-ab12-user', false) },
      projects: { ['f'.repeat(32)]: { id: 'f'.repeat(32), domain_id: D, name: 'cn-north-4', region: 'cn-north-4', parent_id: D, description: '', enabled: true } },
      permanent_keys: { [AK1]: key(AK1, ADMIN), [AK2]: key(AK2, USER) },
      temporary_keys: {},
      identity_providers: { 'tenant-ab12-oidc': { id: 'tenant-ab12-oidc', domain_id: D, protocol: 'oidc', signing_key: 'k', client_id: 'c', description: '', created_at: 1 } },
    },
  };
}

type Doc = Record<string, Record<string, Record<string, unknown>>>;

function checkIntegrity(doc: Doc): void {
  const keysPerUser = new Map<string, number>();
  for (const [ak, k] of Object.entries(doc.permanent_keys ?? {})) {
    expect(ak).toMatch(/^EMUP[A-Z0-9]{16}$/);
    expect(k.access).toBe(ak);
    const owner = doc.users?.[String(k.user_id)];
    expect(owner, `key ${ak} has an owner`).toBeDefined();
    expect(owner?.domain_id).toBe(k.domain_id);
    keysPerUser.set(String(k.user_id), (keysPerUser.get(String(k.user_id)) ?? 0) + 1);
  }
  expect(Math.max(...keysPerUser.values())).toBeLessThanOrEqual(2);
  for (const u of Object.values(doc.users ?? {})) {
    expect(doc.accounts?.[String(u.domain_id)], `user ${String(u.id)} has an account`).toBeDefined();
    for (const g of u.group_ids as string[]) expect(doc.groups?.[g]?.domain_id).toBe(u.domain_id);
  }
  for (const p of Object.values(doc.projects ?? {})) expect(doc.accounts?.[String(p.parent_id)]).toBeDefined();
  const names = Object.values(doc.accounts ?? {}).map((a) => a.name);
  expect(new Set(names).size).toBe(names.length);
}

describe('synthetic stores', () => {
  it('spreads keys over copies of the tenant, four per tenant, all references intact', () => {
    const built = buildStore(template(), 'tenants', 23, 3);
    const doc = JSON.parse(built.text) as Doc;
    expect(built.keys).toBe(23);
    expect(Object.keys(doc.permanent_keys ?? {})).toHaveLength(23);
    // 2 template keys + 21 in copies of 4 → 6 copies (the last one holds 1 key).
    expect(Object.keys(doc.accounts ?? {})).toHaveLength(1 + 6);
    expect(Object.keys(doc.identity_providers ?? {})).toHaveLength(1 + 6);
    expect(Object.values(doc.accounts ?? {}).map((a) => a.name)).toContain('bench-tenant-5');
    checkIntegrity(doc);
  });

  it('puts every key in one account when asked, and adds key-less target users to the measuring tenant', () => {
    const built = buildStore(template(), 'one-account', 101, 4);
    const doc = JSON.parse(built.text) as Doc;
    expect(built.keys).toBe(101);
    expect(Object.keys(doc.accounts ?? {})).toEqual([D]);
    expect(built.targets).toHaveLength(4);
    for (const id of built.targets) {
      expect(doc.users?.[id]?.domain_id).toBe(D);
      expect(Object.values(doc.permanent_keys ?? {}).some((k) => k.user_id === id)).toBe(false);
    }
    expect(built.admin.access).toBe(AK1);
    checkIntegrity(doc);
  });

  it('never changes the template it was given', () => {
    const t = template();
    const before = JSON.stringify(t.doc);
    buildStore(t, 'tenants', 40, 2);
    expect(JSON.stringify(t.doc)).toBe(before);
  });
});
