import { types } from 'node:util';
import { expect, test } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import { randomFor } from '../domain/random.js';
import { emptyTenant, type TenantDoc } from '../domain/state.js';
import { createTenant } from '../domain/tenants.js';
import { ABSENT, TenantTracker, unwrap } from './tenant-tracker.js';

function tenant() {
  const doc = emptyTenant();
  const created = createTenant(
    doc,
    { name: 'acme' },
    { clock: new ManualClock(Date.UTC(2026, 0, 1)), random: randomFor(3, 'tracker') },
  );
  return {
    doc,
    id: created.account.id,
    userId: created.users[0]!.user.id,
    fedId: created.federated[0]!.user.id,
    userAk: created.users[0]!.keys[0]!.access,
    groupId: Object.keys(doc.groups)[0]!,
  };
}

test('undo puts back every record a unit touched, at any depth and in any collection, exactly', () => {
  const t = tenant();
  const before = structuredClone(t.doc);
  const tracker = new TenantTracker(t.doc);
  tracker.begin();
  const doc = tracker.doc;
  doc.permanent_keys[t.userAk]!.status = 'inactive';
  doc.users[t.userId]!.group_ids.push(t.groupId);
  doc.accounts[t.id]!.protect_policy.allow_user.manage_email = false;
  doc.accounts[t.id]!.name = 'renamed';
  delete doc.users[t.fedId];
  doc.groups.made = { id: 'made', domain_id: t.id, name: 'made', description: '', created_at: 1 };
  doc.groups.gone = { ...doc.groups.made, id: 'gone' };
  delete doc.groups.gone;
  Object.assign(doc.projects, { extra: { ...Object.values(doc.projects)[0]!, id: 'extra' } });
  doc.users[t.userId]!.group_ids.splice(0, 1, 'other');
  expect(t.doc).not.toEqual(before);
  tracker.undo(tracker.end());
  expect(t.doc).toEqual(before);
  expect(Object.keys(t.doc.users)).toEqual(Object.keys(before.users)); // deleted records come back
  expect(Object.hasOwn(t.doc.groups, 'made')).toBe(false);
});

test('end reports each touched record once, with its value before the unit (ABSENT when it is new)', () => {
  const t = tenant();
  const key = structuredClone(t.doc.permanent_keys[t.userAk]!);
  const tracker = new TenantTracker(t.doc);
  tracker.begin();
  tracker.doc.permanent_keys[t.userAk]!.status = 'inactive';
  tracker.doc.permanent_keys[t.userAk]!.description = 'twice';
  tracker.doc.groups.made = {
    id: 'made',
    domain_id: t.id,
    name: 'made',
    description: '',
    created_at: 1,
  };
  delete tracker.doc.groups.made;
  void tracker.doc.users[t.userId]!.name; // reads touch nothing
  const touched = tracker.end();
  expect([...touched.keys()]).toEqual(['permanent_keys', 'groups']);
  expect(touched.get('permanent_keys')).toEqual(new Map([[t.userAk, key]]));
  expect(touched.get('groups')).toEqual(new Map([['made', ABSENT]]));
  tracker.begin();
  expect(tracker.end().size).toBe(0);
});

test('a change outside begin/end throws and changes nothing', () => {
  const t = tenant();
  const before = structuredClone(t.doc);
  const tracker = new TenantTracker(t.doc);
  expect(() => (tracker.doc.permanent_keys[t.userAk]!.status = 'inactive')).toThrow(
    /outside a unit of work/,
  );
  tracker.begin();
  const groups = tracker.doc.users[t.userId]!.group_ids; // kept past the unit
  tracker.end();
  expect(() => groups.push(t.groupId)).toThrow(/outside a unit of work/);
  expect(() => delete tracker.doc.users[t.userId]).toThrow(/outside a unit of work/);
  expect(t.doc).toEqual(before);
});

test('collections cannot be replaced or removed, even inside a unit', () => {
  const tracker = new TenantTracker(tenant().doc);
  tracker.begin();
  const doc = tracker.doc as unknown as Record<string, unknown>;
  expect(() => (doc.users = {})).toThrow(/cannot be replaced/);
  expect(() => delete doc.tokens).toThrow(/cannot be replaced/);
  expect(tracker.end().size).toBe(0);
});

test('what is stored is plain: a tracked value assigned elsewhere is unwrapped', () => {
  const t = tenant();
  const tracker = new TenantTracker(t.doc);
  tracker.begin();
  const user = tracker.doc.users[t.userId]!;
  expect(types.isProxy(user)).toBe(true);
  tracker.doc.users.copy = user;
  tracker.doc.users[t.userId]!.group_ids = tracker.doc.users[t.fedId]!.group_ids;
  tracker.end();
  expect(types.isProxy(t.doc.users.copy)).toBe(false);
  expect(types.isProxy(t.doc.users[t.userId]!.group_ids)).toBe(false);
  expect(unwrap(user)).toBe(t.doc.users[t.userId]);
  expect(structuredClone(t.doc)).toEqual(t.doc); // a proxy would not clone
});

test('a record ID such as __proto__ is stored as a record, and undone as one', () => {
  const doc: TenantDoc = emptyTenant();
  const tracker = new TenantTracker(doc);
  tracker.begin();
  tracker.doc.groups['__proto__'] = {
    id: '__proto__',
    domain_id: 'd',
    name: 'p',
    description: '',
    created_at: 1,
  };
  const touched = tracker.end();
  expect(Object.hasOwn(doc.groups, '__proto__')).toBe(true);
  expect(Object.getPrototypeOf(doc.groups)).toBe(Object.prototype);
  tracker.undo(touched);
  expect(Object.hasOwn(doc.groups, '__proto__')).toBe(false);
  expect(Object.getPrototypeOf(doc.groups)).toBe(Object.prototype);
});
