// Builds a package only when its inputs changed since its last successful build, so a second
// `npm start` goes straight to the banner. The fingerprint is a hash of every input file's path
// and content (not mtimes: a checkout or a copy touches those without changing anything).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, log, pnpmRun } from './bootstrap.mjs';

const COMMON = ['pnpm-lock.yaml', 'tsconfig.base.json'];
const SKIP = new Set([
  'node_modules',
  'dist',
  '.output',
  '.wxt',
  'artifacts',
  'reports',
  'test',
  '.data',
]);

/** What each build reads, and files it always writes (one missing → build). */
export const BUILDS = {
  shared: {
    inputs: ['shared'],
    outputs: [
      'shared/dist/src/index.js',
      'shared/dist/src/index.d.ts',
      'shared/dist/testing/index.js',
    ],
  },
  emulator: {
    inputs: ['emulator', 'shared/src', 'shared/package.json'],
    outputs: [
      'emulator/dist/cli.mjs',
      'emulator/dist/msw.mjs',
      'emulator/dist/types/index.d.ts',
      'emulator/dist/web/index.html',
    ],
  },
  extension: {
    inputs: ['extension', 'shared/src', 'shared/package.json'],
    outputs: [
      'extension/.output/chrome-mv3/manifest.json',
      'extension/.output/firefox-mv3/manifest.json',
    ],
  },
};
const STAMPS = join(ROOT, 'node_modules', '.iam-testbed-builds');

function files(path, out = []) {
  const abs = join(ROOT, path);
  if (!existsSync(abs)) return out;
  if (statSync(abs).isFile()) return [...out, path];
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
    hash
      .update(relative(ROOT, join(ROOT, file)))
      .update('\0')
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

function stampPath(name) {
  return join(STAMPS, name);
}

export function isFresh(name) {
  const stamp = stampPath(name);
  const built = BUILDS[name].outputs.every((output) => existsSync(join(ROOT, output)));
  return built && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint(name);
}

/**
 * Records that `name` was built from the inputs whose fingerprint was taken before the build
 * started: a file edited during the build then makes the next run build again.
 */
export function markBuilt(name, before = fingerprint(name)) {
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(stampPath(name), before);
}

/** Builds each stale package in order; returns false when a build failed. */
export function buildChanged(pnpm, names) {
  for (const name of names) {
    if (isFresh(name)) continue;
    const before = fingerprint(name);
    log(`building ${name} (its sources changed since the last build)`);
    if (pnpmRun(pnpm, ['--filter', `@iam-testbed/${name}`, 'build']) !== 0) return false;
    markBuilt(name, before);
  }
  return true;
}
