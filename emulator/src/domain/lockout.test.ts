import { expect, test } from 'vitest';
import { ManualClock } from './clock.js';
import { AkLockout } from './lockout.js';

test('five failures do not lock; the sixth locks for five minutes of the clock', () => {
  const clock = new ManualClock(0);
  const lockout = new AkLockout(clock);
  for (let i = 0; i < 5; i++) expect(lockout.recordFailure('AK1')).toBe(false);
  expect(lockout.lockedUntil('AK1')).toBeNull();
  expect(lockout.recordFailure('AK1')).toBe(true);
  expect(lockout.lockedUntil('AK1')).toBe(300_000);
  expect(lockout.lockedUntil('AK2')).toBeNull();
  clock.advance(299);
  expect(lockout.lockedUntil('AK1')).toBe(300_000);
  clock.advance(1);
  expect(lockout.lockedUntil('AK1')).toBeNull();
  expect(lockout.failures('AK1')).toBe(0);
});

test('a success resets the count', () => {
  const lockout = new AkLockout(new ManualClock(0));
  for (let i = 0; i < 5; i++) lockout.recordFailure('AK');
  lockout.recordSuccess('AK');
  for (let i = 0; i < 5; i++) lockout.recordFailure('AK');
  expect(lockout.lockedUntil('AK')).toBeNull();
});

test('threshold and duration are configurable, and clear unlocks everything', () => {
  const lockout = new AkLockout(new ManualClock(0), { threshold: 1, lockSeconds: 10 });
  lockout.recordFailure('AK');
  expect(lockout.recordFailure('AK')).toBe(true);
  expect(lockout.lockedUntil('AK')).toBe(10_000);
  lockout.clear();
  expect(lockout.lockedUntil('AK')).toBeNull();
});
