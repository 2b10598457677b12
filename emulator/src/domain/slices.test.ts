import { expect, test } from 'vitest';
import { accountSpec, world } from '../testing/fixtures.js';
import { createAccount } from './accounts.js';
import { ownRecord } from './state.js';
import { removeAccount, sliceOf, slicesOf } from './slices.js';

const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

test('ownRecord finds only records stored under the key, never Object members', () => {
  const { state, acme } = world();
  expect(ownRecord(state.accounts, acme.account.id)).toBe(acme.account);
  for (const name of INHERITED) expect(ownRecord(state.accounts, name)).toBeUndefined();
});

test('an inherited name is no account: nothing is cut or removed', () => {
  const { state } = world();
  const before = structuredClone(state);
  for (const name of INHERITED) {
    expect(sliceOf(state, name)).toBeUndefined();
    expect(removeAccount(state, name)).toBeUndefined();
  }
  expect(state).toEqual(before);
});

test('slicesOf cuts several accounts in one pass, each exactly as sliceOf cuts it alone, as copies', () => {
  const { state, ctx, acme } = world();
  const other = createAccount(state, accountSpec('globex'), ctx);
  const ids = [acme.account.id, other.account.id];
  const slices = slicesOf(state, [...ids, 'no-such-account', 'constructor']);
  expect([...slices.keys()]).toEqual(ids);
  for (const id of ids) {
    const slice = slices.get(id);
    expect(slice).toEqual(sliceOf(state, id));
    expect(Object.keys(slice?.users ?? {}).length).toBeGreaterThan(0);
    for (const user of Object.values(slice?.users ?? {})) expect(user.domain_id).toBe(id);
  }
  const first = Object.values(slices.get(acme.account.id)?.users ?? {})[0];
  if (!first) throw new Error('fixture account has no user');
  first.name = 'changed in the copy';
  expect(state.users[first.id]?.name).not.toBe('changed in the copy');
});
