import { expect, test } from 'vitest';
import { hex, randomFor, seededRandom } from './random.js';

test('a seeded stream repeats for the same seed and label, and differs otherwise', () => {
  expect(hex(seededRandom(7), 40)).toBe(hex(seededRandom(7), 40));
  expect(hex(seededRandom(7), 16)).not.toBe(hex(seededRandom(8), 16));
  expect(hex(seededRandom(7, 'a'), 16)).not.toBe(hex(seededRandom(7, 'b'), 16));
});

test('reading in pieces gives the same bytes as reading at once', () => {
  const a = seededRandom(3);
  const pieces = hex(a, 5) + hex(a, 33) + hex(a, 2);
  expect(pieces).toBe(hex(seededRandom(3), 40));
});

test('without a seed the source is the CSPRNG', () => {
  const r = randomFor(undefined, 'x');
  expect(hex(r, 16)).not.toBe(hex(r, 16));
});
