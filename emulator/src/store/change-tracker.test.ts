import { expect, test } from 'vitest';
import { emptyState, plain, type AccountRecord, type PermanentKeyRecord, type StateDoc } from '../domain/state.js';
import { ChangeTracker, type Changes } from './change-tracker.js';

const key = (access: string): PermanentKeyRecord => ({
  access,
  secret: 's'.repeat(40),
  user_id: 'u1',
  domain_id: 'd1',
  status: 'active',
  description: '',
  created_at: 1,
  last_used_at: 1,
});

const account = (id: string): AccountRecord => ({
  id,
  name: id,
  created_at: 1,
  protect_policy: {
    operation_protection: false,
    allow_user: { manage_accesskey: true, manage_email: true, manage_mobile: true, manage_password: true },
    admin_check: 'off',
    scene: '',
    mobile: '',
    email: '',
  },
});

function tracked(): ChangeTracker {
  const state: StateDoc = emptyState();
  state.permanent_keys.AK1 = key('AK1');
  state.accounts.d1 = account('d1');
  state.users.u1 = {
    id: 'u1', domain_id: 'd1', name: 'u', kind: 'iam', is_domain_owner: false, group_ids: [], password_hash: null,
    enabled: true, description: '', email: '', created_at: 1, last_login_at: null, idp_id: null,
  };
  return new ChangeTracker(state);
}

const marked = (changes: Changes) => Object.fromEntries([...changes.records].map(([c, ids]) => [c, [...ids].sort()]));

test('reads mark nothing', () => {
  const t = tracked();
  expect(t.doc.permanent_keys.AK1?.status).toBe('active');
  expect(Object.values(t.doc.permanent_keys).length).toBe(1);
  expect(t.doc.accounts.d1?.protect_policy.allow_user.manage_email).toBe(true);
  const changes = t.take();
  expect(changes).toEqual({ full: false, meta: false, records: new Map() });
});

test('catches inserts, deletes and in-place changes of a record', () => {
  const t = tracked();
  t.doc.permanent_keys.AK2 = key('AK2');
  const existing = t.doc.permanent_keys.AK1;
  if (existing) existing.status = 'inactive';
  delete t.doc.accounts.nothing;
  expect(marked(t.take())).toEqual({ permanent_keys: ['AK1', 'AK2'], accounts: ['nothing'] });
  delete t.doc.permanent_keys.AK2;
  expect(marked(t.take())).toEqual({ permanent_keys: ['AK2'] });
  expect(t.plainDoc.permanent_keys.AK1?.status).toBe('inactive');
});

test('catches nested changes: objects inside records and arrays', () => {
  const t = tracked();
  const policy = t.doc.accounts.d1?.protect_policy;
  if (policy) policy.allow_user.manage_password = false;
  t.doc.users.u1?.group_ids.push('g1');
  expect(marked(t.take())).toEqual({ accounts: ['d1'], users: ['u1'] });
  expect(t.plainDoc.users.u1?.group_ids).toEqual(['g1']);
  const policy2 = t.doc.accounts.d1?.protect_policy;
  if (policy2) policy2.allow_user = { ...policy2.allow_user, manage_email: false };
  expect(marked(t.take())).toEqual({ accounts: ['d1'] });
});

test('meta is logged whole; reassigning a collection or the document marks everything', () => {
  const t = tracked();
  t.doc.meta.starts += 1;
  expect(t.take()).toMatchObject({ meta: true, full: false });
  Object.assign(t.doc, { tokens: {} });
  expect(t.take().full).toBe(true);
  t.replace(emptyState());
  expect(t.take().full).toBe(true);
});

test('stores plain objects: what is set can be structuredCloned and serialised', () => {
  const t = tracked();
  const proxied = t.doc.permanent_keys.AK1;
  expect(() => structuredClone(proxied)).toThrow();
  t.doc.permanent_keys.COPY = proxied as PermanentKeyRecord; // a proxy stored is unwrapped
  expect(() => structuredClone(t.plainDoc)).not.toThrow();
  expect(structuredClone(plain(t.doc.accounts.d1))).toEqual(account('d1'));
});

test('a failed write puts its changes back', () => {
  const t = tracked();
  t.doc.permanent_keys.AK3 = key('AK3');
  const taken = t.take();
  t.doc.permanent_keys.AK4 = key('AK4');
  t.restore(taken);
  expect(marked(t.take())).toEqual({ permanent_keys: ['AK3', 'AK4'] });
});
