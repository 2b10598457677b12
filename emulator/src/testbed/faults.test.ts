import { expect, test } from 'vitest';
import { seededRandom } from '../domain/random.js';
import { FaultBook } from './faults.js';

const target = (path: string) => ({ method: 'GET', path, operation: null });

test('a rule with many ** does not stall requests it does not match (linear-time glob)', () => {
  // With the former RegExp (`.*` per `**`) this pick took longer than any test timeout.
  const book = new FaultBook(seededRandom(1));
  const [rule] = book.add([{ match: { path: `/${'a/**'.repeat(8)}b` }, status: 503 }]);
  const long = `/${'a/'.repeat(2_000)}c`;
  for (let i = 0; i < 20; i++) expect(book.pick(target(long))).toBeNull();
  expect(book.pick(target(`/${'a/'.repeat(2_000)}b`))?.id).toBe(rule?.id);
});

test('path globs keep their documented meaning inside rules', () => {
  const book = new FaultBook(seededRandom(1));
  book.add([
    { match: { path: '/v3.0/OS-CREDENTIAL/credentials/*' }, status: 500 },
    { match: { path: '/v5/**' }, status: 502 },
  ]);
  expect(book.pick(target('/v3.0/OS-CREDENTIAL/credentials/AK'))?.status).toBe(500);
  expect(book.pick(target('/v3.0/OS-CREDENTIAL/credentials/AK/'))?.status).toBe(500);
  expect(book.pick(target('/v3.0/OS-CREDENTIAL/credentials'))).toBeNull();
  expect(book.pick(target('/v5/users/u/access-keys'))?.status).toBe(502);
  expect(book.pick(target('/v3/auth/tokens'))).toBeNull();
});
