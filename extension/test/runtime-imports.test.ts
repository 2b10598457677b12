/**
 * Test code must never reach the built extension: the shared testing entry (vectors with probe
 * keys, a node:crypto signer) and the shared package's test folder are for tests only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const RUNTIME_DIRS = ['entrypoints', 'components', 'lib'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(ts|tsx)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

it('no runtime file imports @iam-testbed/shared/testing or shared/test', () => {
  const files = RUNTIME_DIRS.flatMap((d) => sources(join(ROOT, d)));
  expect(files.length).toBeGreaterThan(50);
  const offenders = files.filter((f) =>
    /from\s+['"](@iam-testbed\/shared\/testing|[^'"]*shared\/(test|testing)\b)/.test(
      readFileSync(f, 'utf8'),
    ),
  );
  expect(offenders).toEqual([]);
});
