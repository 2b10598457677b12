// Builds a package only when its inputs changed since its last successful build, so a second
// `npm start` goes straight to the banner. The fingerprint is a hash of every input file's path
// and content (not mtimes: a checkout or a copy touches those without changing anything).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, log, pnpmRun } from './bootstrap.mjs';

const COMMON = ['pnpm-lock.yaml', 'tsconfig.base.json'];
const SKIP = new Set(['node_modules', 'dist', '.output', '.wxt', 'artifacts', 'reports', 'test', '.data']);

/** What each build reads, and a file it always writes (missing → build). */
export const BUILDS = {
  shared: { inputs: ['shared'], output: 'shared/dist/src/index.js' },
  emulator: { inputs: ['emulator', 'shared/src'], output: 'emulator/dist/cli.mjs' },
  extension: { inputs: ['extension', 'shared/src'], output: 'extension/.output/chrome-mv3/manifest.json' },
};
const STAMPS = join(ROOT, 'node_modules', '.iam-testbed-builds');

function files(path, out = []) {
  const abs = join(ROOT, path);
  if (!existsSync(abs)) return out;
  const entries = readdirSync(abs, { withFileTypes: true });
  for (const e of entries) {
    if (e.isDirectory() && !SKIP.has(e.name)) files(join(path, e.name), out);
    else if (e.isFile()) out.push(join(path, e.name));
  }
  return out;
}

export function fingerprint(name) {
  const hash = createHash('sha256');
  for (const file of [...COMMON, ...BUILDS[name].inputs.flatMap((p) => files(p))].sort()) {
    hash.update(relative(ROOT, join(ROOT, file))).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  }
  return hash.digest('hex');
}

function stampPath(name) {
  return join(STAMPS, name);
}

export function isFresh(name) {
  const stamp = stampPath(name);
  return existsSync(join(ROOT, BUILDS[name].output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint(name);
}

/** Records that `name` was just built from its current inputs. */
export function markBuilt(name) {
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(stampPath(name), fingerprint(name));
}

/** Builds each stale package in order; returns false when a build failed. */
export function buildChanged(pnpm, names) {
  for (const name of names) {
    if (isFresh(name)) continue;
    log(`building ${name} (its sources changed since the last build)`);
    if (pnpmRun(pnpm, ['--filter', `@iam-testbed/${name}`, 'build']) !== 0) return false;
    markBuilt(name);
  }
  return true;
}
