/**
 * @module paths
 * Where things live on disk by default.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root (the folder with pnpm-workspace.yaml above this file), else the cwd. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** `<repo>/.data/iam-testbed`, a store folder (`.data/` is git-ignored). */
export function defaultDbPath(): string {
  return resolve(repoRoot(), '.data', 'iam-testbed');
}

/** Where iam-testbed 0.1 kept its default store (one file): migrated into defaultDbPath(). */
export function legacyDefaultDbPath(): string {
  return resolve(repoRoot(), '.data', 'iam-testbed.json');
}
