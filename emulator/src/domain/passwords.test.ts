import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fuzzSeed } from '../../test/fuzz/seed.js';
import { hashPassword, passwordHashProblem, verifyPassword } from './passwords.js';
import { seededRandom } from './random.js';

fuzzSeed('src/domain/passwords.test.ts');

test('a hash this emulator writes is well formed and verifies only its password', () => {
  const stored = hashPassword('Secret-pass-1', seededRandom(1));
  expect(stored).toMatch(/^scrypt\$4096\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
  expect(passwordHashProblem(stored)).toBeNull();
  expect(verifyPassword('Secret-pass-1', stored)).toBe(true);
  expect(verifyPassword('Secret-pass-2', stored)).toBe(false);
  expect(verifyPassword('Secret-pass-1', null)).toBe(false);
});

test('each malformed part is named', () => {
  const [salt, hash] = ['ab'.repeat(16), 'cd'.repeat(32)];
  expect(passwordHashProblem(`argon2$4096$${salt}$${hash}`)).toMatch(/^the algorithm is "argon2"/);
  expect(passwordHashProblem(`scrypt$4095$${salt}$${hash}`)).toMatch(/^the cost N "4095"/);
  expect(passwordHashProblem(`scrypt$32768$${salt}$${hash}`)).toMatch(/^the cost N "32768"/);
  expect(passwordHashProblem(`scrypt$4096$xyz$${hash}`)).toMatch(/^the salt/);
  expect(passwordHashProblem(`scrypt$4096$${salt}$zz`)).toMatch(/^the hash/);
  expect(passwordHashProblem(`scrypt$4096$${salt}`)).toMatch(/^it has 3 "\$"-separated parts/);
  expect(passwordHashProblem(`scrypt$16384$${salt}$${hash}`)).toBeNull();
});

test('verifyPassword never throws and never matches a hash it cannot use', () => {
  const part = fc.oneof(
    fc.string({ maxLength: 70 }),
    fc.stringMatching(/^[0-9a-f]{0,66}$/),
    fc.integer().map(String),
  );
  const stored = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.array(part, { minLength: 1, maxLength: 5 }).map((p) => p.join('$')),
  );
  fc.assert(
    fc.property(stored, fc.string({ maxLength: 20 }), (hash, password) => {
      const usable = passwordHashProblem(hash) === null;
      const matched = verifyPassword(password, hash);
      expect(usable || !matched).toBe(true);
    }),
    { numRuns: 300 },
  );
});
