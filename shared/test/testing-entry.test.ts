/**
 * `@iam-testbed/shared/testing`: what other packages' tests import instead of reaching into
 * shared/test/ around the package's exports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = new URL('../', import.meta.url);

test('the ./testing export exposes the signing vectors and the independent oracle', async () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
    exports: Record<string, string>;
  };
  expect(Object.keys(pkg.exports)).toEqual(['.', './icons', './testing']);
  const entry = pkg.exports['./testing'];
  expect(entry).toBeDefined();
  const mod = (await import(new URL(entry!, ROOT).href)) as Record<string, unknown>;
  for (const name of [
    'GO_VECTOR_1',
    'GO_VECTOR_2',
    'NODE_DATE',
    'NODE_EXAMPLE_A',
    'NODE_EXAMPLE_B',
    'NODE_EXAMPLE_C',
    'oracleCanonicalRequest',
    'oracleSignature',
  ]) {
    expect(mod[name], name).toBeDefined();
  }
});

test('runtime code (src) never imports the testing entry', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
    );
  const offenders = files(new URL('src/', ROOT).pathname).filter((f) =>
    /from\s+['"][^'"]*testing/.test(readFileSync(f, 'utf8')),
  );
  expect(offenders).toEqual([]);
});
