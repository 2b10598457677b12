import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { findWebRoot } from './web-root.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: string[]): string {
  root = mkdtempSync(join(tmpdir(), 'web-root-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '<!doctype html>');
  }
  return root;
}

test('from source (src/console) and from the bundled CLI (dist/cli.mjs) the built console is found', () => {
  const base = tree([
    'pnpm-workspace.yaml',
    'emulator/dist/web/index.html',
    'emulator/web/index.html',
    'emulator/src/console/x.ts',
  ]);
  expect(findWebRoot(join(base, 'emulator/src/console'))).toBe(join(base, 'emulator/dist/web'));
  expect(findWebRoot(join(base, 'emulator/dist'))).toBe(join(base, 'emulator/dist/web'));
});

test('the unbuilt source page is never served; the search stops at the workspace root', () => {
  const base = tree([
    'pnpm-workspace.yaml',
    'emulator/web/index.html',
    'emulator/src/console/x.ts',
  ]);
  expect(findWebRoot(join(base, 'emulator/src/console'))).toBeUndefined();
});
