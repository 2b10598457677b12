import { expect, test } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import { randomFor } from '../domain/random.js';
import { emptyTenant, type TemporaryKeyRecord, type TenantDoc } from '../domain/state.js';
import { createTenant } from '../domain/tenants.js';
import { deltaOf, GlobalIndexes, indexKeysOf, summaryOf, type IndexDelta } from './indexes.js';
import { TenantTracker } from './tenant-tracker.js';

function tenant(name = 'acme', seed = 5) {
  const doc = emptyTenant();
  const created = createTenant(
    doc,
    { name },
    { clock: new ManualClock(Date.UTC(2026, 0, 1)), random: randomFor(seed, name) },
  );
  return {
    doc,
    id: created.account.id,
    adminId: created.admin.user.id,
    userId: created.users[0]!.user.id,
    fedId: created.federated[0]!.user.id,
    adminAk: created.admin.keys[0]!.access,
    userAk: created.users[0]!.keys[0]!.access,
    idp: created.idpId,
  };
}

/** Runs `change` as a unit of work and returns what deltaOf makes of it. */
function unit(doc: TenantDoc, change: (doc: TenantDoc) => void) {
  const before = summaryOf(doc);
  const tracker = new TenantTracker(doc);
  tracker.begin();
  change(tracker.doc);
  const out = deltaOf(tracker.raw, tracker.end(), before);
  return { ...out, before };
}

const sorted = (delta: IndexDelta) => ({ set: [...delta.set].sort(), del: [...delta.del].sort() });

const tempKey = (access: string, domainId: string, userId: string): TemporaryKeyRecord => ({
  access,
  secret: 's',
  security_token: 't',
  domain_id: domainId,
  principal: { type: 'user', user_id: userId },
  source: 'token',
  created_at: 0,
  expires_at: 1,
  policy: null,
});

test('creates and deletes become index keys to set and to remove, and move the counts', () => {
  const t = tenant();
  const { delta, summary, before } = unit(t.doc, (doc) => {
    doc.permanent_keys.EMUPNEWKEY0000000001 = {
      ...doc.permanent_keys[t.adminAk]!,
      access: 'EMUPNEWKEY0000000001',
    };
    doc.temporary_keys.EMUTNEWKEY0000000001 = tempKey('EMUTNEWKEY0000000001', t.id, t.userId);
    doc.tokens.tok = {
      id: 'tok',
      user_id: t.userId,
      domain_id: t.id,
      methods: ['password'],
      scope: { type: 'unscoped' },
      issued_at: 0,
      expires_at: 1,
      idp_id: null,
    };
    doc.users.newuser = { ...doc.users[t.userId]!, id: 'newuser' };
    doc.identity_providers['second-oidc'] = {
      ...doc.identity_providers[t.idp]!,
      id: 'second-oidc',
    };
    doc.groups.g2 = { id: 'g2', domain_id: t.id, name: 'g2', description: '', created_at: 0 }; // neither indexed nor counted
    delete doc.permanent_keys[t.userAk];
    delete doc.users[t.fedId];
    delete doc.identity_providers[t.idp];
  });
  expect(sorted(delta)).toEqual({
    set: [
      ['access_key', 'EMUPNEWKEY0000000001'],
      ['access_key', 'EMUTNEWKEY0000000001'],
      ['identity_provider', 'second-oidc'],
      ['token', 'tok'],
      ['user', 'newuser'],
    ],
    del: [
      ['access_key', t.userAk],
      ['identity_provider', t.idp],
      ['user', t.fedId],
    ],
  });
  expect(summary).toEqual({
    ...before,
    counts: { users: 3, projects: 6, permanent_keys: 2, temporary_keys: 1, tokens: 1 },
  });
  expect(summary.counts).toEqual(summaryOf(t.doc).counts); // what a full count says
  expect(before.counts).toEqual({
    users: 3,
    projects: 6,
    permanent_keys: 2,
    temporary_keys: 0,
    tokens: 0,
  });
});

test('changes inside existing records, and records made and removed in one unit, change no index or count', () => {
  const t = tenant();
  const { delta, summary, before } = unit(t.doc, (doc) => {
    doc.permanent_keys[t.userAk]!.status = 'inactive';
    doc.users[t.userId]!.group_ids.push('g');
    doc.users.brief = { ...doc.users[t.userId]!, id: 'brief' };
    delete doc.users.brief;
    doc.permanent_keys[t.adminAk] = {
      ...doc.permanent_keys[t.adminAk]!,
      description: 'replaced whole',
    };
  });
  expect(delta).toEqual({ set: [], del: [] });
  expect(summary).toEqual(before);
});

test('renaming the account moves its name in the index and the summary; renaming back is no change', () => {
  const t = tenant();
  const renamed = unit(t.doc, (doc) => void (doc.accounts[t.id]!.name = 'acme-2'));
  expect(renamed.delta).toEqual({
    set: [['account_name', 'acme-2']],
    del: [['account_name', 'acme']],
  });
  expect(renamed.summary).toEqual({ ...renamed.before, name: 'acme-2' });
  const roundTrip = unit(t.doc, (doc) => {
    doc.accounts[t.id]!.name = 'other';
    doc.accounts[t.id]!.name = 'acme-2';
  });
  expect(roundTrip.delta).toEqual({ set: [], del: [] });
  expect(roundTrip.summary.name).toBe('acme-2');
});

test('indexKeysOf lists every key of a document once; summaryOf counts it', () => {
  const t = tenant();
  const keys = indexKeysOf(t.doc);
  expect(keys.sort()).toEqual(
    [
      ['access_key', t.adminAk],
      ['access_key', t.userAk],
      ['account_name', 'acme'],
      ['identity_provider', t.idp],
      ...Object.keys(t.doc.users).map((id) => ['user', id]),
    ].sort(),
  );
  expect(summaryOf(t.doc)).toEqual({
    id: t.id,
    name: 'acme',
    created_at: Date.UTC(2026, 0, 1),
    counts: { users: 3, projects: 6, permanent_keys: 2, temporary_keys: 0, tokens: 0 },
  });
});

test('GlobalIndexes: conflicts are keys of other tenants; removing only removes what the tenant owns', () => {
  const [a, b] = [tenant('a', 1), tenant('b', 2)];
  const indexes = new GlobalIndexes({ created_at: 0, starts: 0 });
  indexes.apply(a.id, { set: indexKeysOf(a.doc), del: [] }, summaryOf(a.doc));
  expect(indexes.conflict(a.id, { set: indexKeysOf(a.doc), del: [] })).toBeNull(); // its own keys
  expect(indexes.conflict(b.id, { set: [['access_key', a.adminAk]], del: [] })).toMatch(
    new RegExp(`access key "${a.adminAk}" belongs to another account`),
  );
  expect(indexes.conflict(b.id, { set: indexKeysOf(b.doc), del: [] })).toBeNull();
  indexes.apply(
    b.id,
    { set: indexKeysOf(b.doc), del: [['access_key', a.adminAk]] },
    summaryOf(b.doc),
  );
  expect(indexes.find('access_key', a.adminAk)).toBe(a.id); // b cannot remove a's key
  expect(indexes.find('user', b.userId)).toBe(b.id);
  indexes.apply(a.id, { set: [], del: indexKeysOf(a.doc) }, null);
  expect(indexes.find('access_key', a.adminAk)).toBeUndefined();
  expect([...indexes.tenants.keys()]).toEqual([b.id]);
  expect(Object.values(indexes.maps).reduce((n, m) => n + m.size, 0)).toBe(
    indexKeysOf(b.doc).length,
  );
});
