import { expect, test } from 'vitest';
import { world } from '../testing/fixtures.js';
import { ownRecord } from './state.js';
import { removeAccount, sliceOf } from './slices.js';

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
