import { expect, test } from 'vitest';
import { ManualClock } from './clock.js';

test('a ManualClock given a start is frozen there until advanced or set', () => {
  const clock = new ManualClock(1_000);
  expect(clock.now()).toBe(1_000);
  expect(clock.frozen).toBe(true);
  clock.advance(1.5);
  expect(clock.now()).toBe(2_500);
  clock.set(10_000);
  expect(clock.now()).toBe(10_000);
});

test('a running ManualClock follows its wall clock plus an offset', () => {
  let wall = 50_000;
  const clock = new ManualClock(undefined, { frozen: false, wall: () => wall });
  expect(clock.now()).toBe(50_000);
  wall += 1_000;
  expect(clock.now()).toBe(51_000);
  clock.advance(60);
  expect(clock.now()).toBe(111_000);
  expect(clock.offsetSeconds).toBe(60);
  clock.set(0);
  expect(clock.now()).toBe(0);
  wall += 5;
  expect(clock.now()).toBe(5);
});

test('freeze stops time and unfreeze resumes from the frozen instant', () => {
  let wall = 0;
  const clock = new ManualClock(100, { frozen: false, wall: () => wall });
  wall = 40;
  clock.freeze();
  wall = 1_000;
  expect(clock.now()).toBe(140);
  clock.unfreeze();
  wall = 1_010;
  expect(clock.now()).toBe(150);
  clock.reset();
  expect(clock.now()).toBe(1_010);
  expect(clock.frozen).toBe(false);
});

test('non-finite moves are refused', () => {
  const clock = new ManualClock(0);
  expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  expect(() => clock.set(Number.POSITIVE_INFINITY)).toThrow(RangeError);
});
