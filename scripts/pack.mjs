#!/usr/bin/env node
// `npm run pack`: the tarballs a project installs (or that `npm publish` would upload), in
// artifacts/packages/: @iam-testbed/emulator (the `iam-testbed` bin, JavaScript and .d.ts) and
// @iam-testbed/shared (the signer and shapes its types use). `pnpm pack` turns `workspace:*`
// into the real version and applies each package's publishConfig (dist/ instead of sources).
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, bootstrap, fail, log, pnpmRun } from './bootstrap.mjs';
import { buildChanged } from './build-cache.mjs';

export const PACKED = ['shared', 'emulator'];
export const PACKAGES_DIR = join(ROOT, 'artifacts', 'packages');

/** Builds what changed and writes the tarballs; returns their paths. */
export function pack(pnpm) {
  if (!buildChanged(pnpm, PACKED)) fail('the build failed (see above)');
  rmSync(PACKAGES_DIR, { recursive: true, force: true });
  mkdirSync(PACKAGES_DIR, { recursive: true });
  for (const name of PACKED) {
    // The root LICENSE goes into each tarball; the copy is removed again so the package's sources
    // (and the build cache's fingerprint of them) stay as they were.
    const license = join(ROOT, name, 'LICENSE');
    copyFileSync(join(ROOT, 'LICENSE'), license);
    let status;
    try {
      status = pnpmRun(
        pnpm,
        ['--filter', `@iam-testbed/${name}`, 'pack', '--pack-destination', PACKAGES_DIR],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
    } finally {
      rmSync(license, { force: true });
    }
    if (status !== 0) fail(`pnpm pack of @iam-testbed/${name} failed (see above)`);
  }
  const tarballs = readdirSync(PACKAGES_DIR)
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => join(PACKAGES_DIR, f));
  for (const t of tarballs) log(`packed ${t}`);
  return tarballs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  pack(bootstrap());
  log('install them in another project with: npm install <path>/artifacts/packages/*.tgz');
}
