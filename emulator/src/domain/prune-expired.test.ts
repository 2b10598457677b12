import { expect, test } from 'vitest';
import { pruneExpired } from './prune-expired.js';
import { seededRandom } from './random.js';
import { emptyState, type PermanentKeyRecord, type TemporaryKeyRecord } from './state.js';
import { uniqueAccessKey } from './unique-access-key.js';

test('drops records past expiry plus retention, at most once a minute per collection', () => {
  const records: Record<string, { expires_at: number }> = {
    old: { expires_at: 0 },
    fresh: { expires_at: 10_000 },
  };
  pruneExpired(records, 5_000, 1_000);
  expect(Object.keys(records)).toEqual(['fresh']);
  records.later = { expires_at: 0 };
  pruneExpired(records, 30_000, 1_000);
  expect(Object.keys(records)).toEqual(['fresh', 'later']);
  pruneExpired(records, 70_000, 1_000);
  expect(Object.keys(records)).toEqual([]);
});

test('a new access key is free in both the permanent and the temporary namespace', () => {
  const state = emptyState();
  state.permanent_keys.EMUPTAKEN = {} as PermanentKeyRecord;
  state.temporary_keys.EMUTTAKEN = {} as TemporaryKeyRecord;
  const draws = ['EMUPTAKEN', 'EMUTTAKEN', 'EMUPFREE'];
  expect(uniqueAccessKey(state, () => draws.shift() ?? '', seededRandom(1))).toBe('EMUPFREE');
});
