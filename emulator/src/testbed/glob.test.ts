import { expect, test } from 'vitest';
import { compileGlob, matchGlob } from './glob.js';

const matches = (pattern: string, path: string) => matchGlob(compileGlob(pattern), path).matched;

test('* matches within one segment, ** across segments, the rest literally', () => {
  expect(matches('/v3.0/OS-CREDENTIAL/credentials/*', '/v3.0/OS-CREDENTIAL/credentials/AK1')).toBe(
    true,
  );
  expect(
    matches('/v3.0/OS-CREDENTIAL/credentials/*', '/v3.0/OS-CREDENTIAL/credentials/AK1/x'),
  ).toBe(false);
  expect(matches('/v3.0/OS-CREDENTIAL/credentials/*', '/v3.0/OS-CREDENTIAL/credentials/')).toBe(
    false,
  );
  expect(matches('/v5/**', '/v5/users/u/access-keys')).toBe(true);
  expect(matches('/v5/**', '/v5/x')).toBe(true);
  expect(matches('/v5/**', '/v5/')).toBe(false);
  expect(matches('/v5/**', '/v5')).toBe(false);
  expect(matches('/**', '/')).toBe(true);
  expect(matches('/v3/*/tokens', '/v3/auth/tokens')).toBe(true);
  expect(matches('/v3/*/tokens', '/v3/a/b/tokens')).toBe(false);
  expect(matches('/v3/**/tokens', '/v3/a/b/tokens')).toBe(true);
  expect(matches('/v3/**/tokens', '/v3/tokens')).toBe(false);
  expect(matches('/v3/a*c', '/v3/abbbc')).toBe(true);
  expect(matches('/v3/a*c', '/v3/ab/c')).toBe(false);
  expect(matches('/v3/***', '/v3/a/b')).toBe(true);
  // Regex metacharacters are literal.
  expect(matches('/v3.0/(x)+', '/v3.0/(x)+')).toBe(true);
  expect(matches('/v3.0/x', '/v3a0/x')).toBe(false);
  expect(matches('/a', '/A')).toBe(false);
});

test('trailing slashes as before: one is ignored on the pattern, up to two on the path', () => {
  expect(matches('/v3/regions', '/v3/regions/')).toBe(true);
  expect(matches('/v3/regions', '/v3/regions//')).toBe(true);
  expect(matches('/v3/regions', '/v3/regions///')).toBe(false);
  expect(matches('/v3/regions/', '/v3/regions')).toBe(true);
  expect(matches('/', '/')).toBe(true);
  expect(matches('/', '//')).toBe(true);
});

test('many ** against a long path that does not match costs at most 2 x (pattern + 1) x (path + 1) steps', () => {
  // A backtracking regex (^/a.*a.*…a.*b$) needs on the order of n^8 steps here: hours.
  const pattern = `/${'a/**'.repeat(8)}b`;
  const path = `/${'a/'.repeat(2_000)}c`;
  const glob = compileGlob(pattern);
  const result = matchGlob(glob, path);
  expect(result.matched).toBe(false);
  expect(result.steps).toBeLessThanOrEqual(2 * (pattern.length + 1) * (path.length + 1));
  expect(matchGlob(glob, `/${'a/'.repeat(2_000)}b`).matched).toBe(true);
});

test('the work grows linearly with the path for a fixed pattern', () => {
  const glob = compileGlob('/**/x/**/y/**/z/**/*/q');
  const steps = (n: number) => matchGlob(glob, `/${'x/y/'.repeat(n)}nope`).steps;
  expect(steps(2_000)).toBeLessThanOrEqual(2.1 * steps(1_000));
});

test('same answers as the former regular expression, on random short patterns and paths', () => {
  // The former matcher, safe on inputs this short.
  const former = (glob: string, path: string) => {
    const trim = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
    const parts = trim(glob)
      .split(/(\*\*|\*)/)
      .map((p) =>
        p === '**' ? '.*' : p === '*' ? '[^/]*' : p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      );
    return new RegExp(`^${parts.join('')}/?$`).test(trim(path));
  };
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (alphabet: string, max: number) =>
    Array.from(
      { length: Math.floor(next() * max) },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join('');
  for (let i = 0; i < 5_000; i++) {
    const glob = `/${pick('ab/*', 7)}`;
    const path = `/${pick('ab/', 8)}`;
    expect(matches(glob, path), `${glob} ${path}`).toBe(former(glob, path));
  }
});
