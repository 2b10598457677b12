/**
 * shared/src must run unchanged in Node, an MV3 service worker and a page: no Node built-ins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

test('no file in src imports a Node built-in or uses Buffer/process', () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(20);
  const offenders = files.filter((f) => {
    const text = readFileSync(f, 'utf8');
    return (
      /from\s+['"](node:|crypto['"]|fs['"]|path['"]|buffer['"])/.test(text) ||
      /\b(Buffer|process|require)\s*[.(]/.test(text)
    );
  });
  expect(offenders).toEqual([]);
});

test('no source file is over 300 lines', () => {
  const long = sourceFiles(SRC).filter((f) => readFileSync(f, 'utf8').split('\n').length > 300);
  expect(long).toEqual([]);
});
