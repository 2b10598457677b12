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

test('the CSPRNG source hands out fresh bytes across pool refills and for large requests', () => {
  const r = randomFor(undefined, 'x');
  const seen = new Set<string>();
  for (let i = 0; i < 600; i++) seen.add(hex(r, 16)); // 9,600 bytes: more than two pool refills
  expect(seen.size).toBe(600);
  const big = r(10_000);
  expect(big).toHaveLength(10_000);
  expect(new Set(big).size).toBeGreaterThan(200);
  const a = r(8);
  a.fill(0); // a caller scribbling on its bytes never changes the next ones
  expect(hex(r, 8)).not.toBe('0000000000000000');
});
