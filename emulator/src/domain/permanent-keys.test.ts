import { expect, test } from 'vitest';
import { people, world } from '../testing/fixtures.js';
import { createAccount } from './accounts.js';
import { IamError } from './errors.js';
import {
  createPermanentKey,
  deletePermanentKey,
  findPermanentKey,
  keysOf,
  listPermanentKeys,
  updatePermanentKey,
  V3_KEY_ERRORS,
  V5_KEY_ERRORS,
} from './permanent-keys.js';

const errorId = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof IamError) return error.id;
    throw error;
  }
  throw new Error('expected an IamError');
};

test('a user gets at most two keys and an inactive key still counts', () => {
  const w = world();
  const { admin, user } = people(w);
  const second = createPermanentKey(w.state, { user_id: user.id }, w.as(admin), V3_KEY_ERRORS);
  updatePermanentKey(w.state, second.access, { status: 'inactive' }, w.as(admin), V3_KEY_ERRORS);
  expect(
    errorId(() => createPermanentKey(w.state, { user_id: user.id }, w.as(admin), V3_KEY_ERRORS)),
  ).toBe('AK_QUOTA_EXCEEDED');
  expect(
    errorId(() => createPermanentKey(w.state, { user_id: user.id }, w.as(admin), V5_KEY_ERRORS)),
  ).toBe('V5_QUOTA_EXCEEDED');
  expect(keysOf(w.state, user.id)).toHaveLength(2);
  deletePermanentKey(w.state, second.access, w.as(admin), V3_KEY_ERRORS);
  expect(createPermanentKey(w.state, { user_id: user.id }, w.as(admin), V3_KEY_ERRORS).status).toBe(
    'active',
  );
});

test("the quota error body is Huawei's akSkNumExceed", () => {
  expect(V3_KEY_ERRORS.quotaExceeded().toBody('r')).toEqual({
    error: { code: 400, message: 'akSkNumExceed', title: 'Bad Request' },
  });
});

test('an IAM user manages their own keys only while manage_accesskey allows, and always reads them', () => {
  const w = world();
  const { user } = people(w);
  const me = w.as(user);
  const own = createPermanentKey(w.state, { user_id: user.id }, me, V3_KEY_ERRORS);
  const account = w.state.accounts[user.domain_id];
  if (!account) throw new Error('no account');
  account.protect_policy.allow_user.manage_accesskey = false;
  expect(
    errorId(() =>
      updatePermanentKey(w.state, own.access, { status: 'inactive' }, me, V3_KEY_ERRORS),
    ),
  ).toBe('IAM_FORBIDDEN');
  expect(errorId(() => deletePermanentKey(w.state, own.access, me, V3_KEY_ERRORS))).toBe(
    'IAM_FORBIDDEN',
  );
  expect(own.status).toBe('active');
  expect(listPermanentKeys(w.state, undefined, me, V3_KEY_ERRORS).map((k) => k.access)).toContain(
    own.access,
  );
  expect(findPermanentKey(w.state, own.access, 'read', me, V3_KEY_ERRORS).access).toBe(own.access);
});

test("an IAM user never touches another user's keys; an admin touches anyone's in the account", () => {
  const w = world();
  const { admin, user } = people(w);
  const adminKey = w.acme.admin.keys[0];
  if (!adminKey) throw new Error('no admin key');
  expect(
    errorId(() => createPermanentKey(w.state, { user_id: admin.id }, w.as(user), V3_KEY_ERRORS)),
  ).toBe('IAM_FORBIDDEN');
  expect(errorId(() => listPermanentKeys(w.state, admin.id, w.as(user), V5_KEY_ERRORS))).toBe(
    'V5_ACCESS_DENIED',
  );
  expect(
    errorId(() => findPermanentKey(w.state, adminKey.access, 'read', w.as(user), V3_KEY_ERRORS)),
  ).toBe('IAM_FORBIDDEN');
  const account = w.state.accounts[admin.domain_id];
  if (account) account.protect_policy.allow_user.manage_accesskey = false;
  const forUser = createPermanentKey(w.state, { user_id: user.id }, w.as(admin), V3_KEY_ERRORS);
  expect(
    updatePermanentKey(w.state, forUser.access, { description: 'x' }, w.as(admin), V3_KEY_ERRORS)
      .description,
  ).toBe('x');
});

test("another account's users and keys are not found, and federated users get no permanent keys", () => {
  const w = world();
  const { user, fed } = people(w);
  const other = createAccount(
    w.state,
    { name: 'other', regions: ['cn-north-4'], admin: { password: 'Other-pass-1' } },
    w.ctx,
  );
  const intruder = w.as(other.admin.user);
  const victimKey = w.acme.users[0]?.keys[0];
  if (!victimKey) throw new Error('no key');
  expect(
    errorId(() => findPermanentKey(w.state, victimKey.access, 'read', intruder, V3_KEY_ERRORS)),
  ).toBe('KEYSTONE_NOT_FOUND');
  expect(
    errorId(() => createPermanentKey(w.state, { user_id: user.id }, intruder, V3_KEY_ERRORS)),
  ).toBe('KEYSTONE_NOT_FOUND');
  expect(
    errorId(() => deletePermanentKey(w.state, victimKey.access, intruder, V5_KEY_ERRORS)),
  ).toBe('V5_NOT_FOUND');
  expect(
    errorId(() => createPermanentKey(w.state, { user_id: fed.id }, w.as(fed), V3_KEY_ERRORS)),
  ).toBe('IAM_FORBIDDEN');
  expect(
    errorId(() =>
      createPermanentKey(w.state, { user_id: fed.id }, w.as(w.acme.admin.user), V3_KEY_ERRORS),
    ),
  ).toBe('IAM_FORBIDDEN');
  expect(listPermanentKeys(w.state, undefined, w.as(fed), V3_KEY_ERRORS)).toEqual([]);
});

test("v5 paths must name the key's owner", () => {
  const w = world();
  const { admin, user } = people(w);
  const key = w.acme.users[0]?.keys[0];
  if (!key) throw new Error('no key');
  expect(
    findPermanentKey(w.state, key.access, 'read', w.as(admin), V5_KEY_ERRORS, user.id).access,
  ).toBe(key.access);
  expect(
    errorId(() =>
      findPermanentKey(w.state, key.access, 'read', w.as(admin), V5_KEY_ERRORS, admin.id),
    ),
  ).toBe('V5_NOT_FOUND');
});
