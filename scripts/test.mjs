#!/usr/bin/env node
// `npm test`: everything, on a fresh machine too. Bootstraps (pnpm, packages, Chromium), then
// type-checks, runs the static checks (scripts/static-checks.mjs: prettier, eslint, knip), builds,
// runs every package's vitest suites (e2e last, against the built extension) and ends with one line
// `N passed, N failed[, N skipped]` summed over all of it. Type-checks, static checks and builds
// count as one check each, so a broken build is a failure in that line.
// The static checks run on a full `npm test` only; IAM_TESTBED_STATIC_CHECKS=0 skips them (it is
// set nowhere, so CI always runs them).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, bootstrap, log, pnpmRun } from './bootstrap.mjs';
import { BUILDS, fingerprint, markBuilt } from './build-cache.mjs';
import { ensureChromium } from './chromium.mjs';
import { runStaticChecks } from './static-checks.mjs';
import { readVitestReport, formatTotals, addTotals, emptyTotals } from './summary.mjs';

const PACKAGES = ['shared', 'emulator', 'extension', 'bench', 'e2e'];
const REPORTS = join(ROOT, 'reports');
const filterArg = (pkg) => `@iam-testbed/${pkg}`;

function check(totals, name, ok) {
  log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  totals.passed += ok ? 1 : 0;
  totals.failed += ok ? 0 : 1;
  if (!ok) totals.failures.push(name);
}

function vitest(pnpm, pkg, env) {
  const out = join(REPORTS, `${pkg}.json`);
  log(`vitest: ${pkg}`);
  pnpmRun(
    pnpm,
    [
      '--filter',
      filterArg(pkg),
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { env },
  );
  return readVitestReport(out, pkg);
}

async function main() {
  const pnpm = bootstrap();
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const totals = emptyTotals();
  const only = process.argv.slice(2); // `npm test -- emulator` runs one package's suites

  // Only the e2e suite needs a browser: `npm test -- emulator` never runs apt-get.
  let chromium;
  if (only.length === 0 || only.includes('e2e')) {
    try {
      chromium = ensureChromium();
    } catch (err) {
      log(err.message);
    }
    check(totals, 'chromium available', Boolean(chromium));
  }

  for (const pkg of PACKAGES.filter((p) => only.length === 0 || only.includes(p))) {
    check(
      totals,
      `typecheck ${pkg}`,
      pnpmRun(pnpm, ['--filter', filterArg(pkg), 'typecheck']) === 0,
    );
  }
  if (only.length === 0 && process.env.IAM_TESTBED_STATIC_CHECKS !== '0') {
    for (const { name, ok, fix } of await runStaticChecks())
      check(totals, ok ? name : `${name} (fix: ${fix})`, ok);
  }
  // Always a full build here (CI's truth); it also lets the next `npm start` skip building.
  const before = Object.fromEntries(Object.keys(BUILDS).map((name) => [name, fingerprint(name)]));
  const built = pnpmRun(pnpm, ['-r', '--if-present', 'build']) === 0;
  check(
    totals,
    'build (shared, emulator bundle and types, console, extension for chrome and firefox)',
    built,
  );
  if (built) for (const name of Object.keys(BUILDS)) markBuilt(name, before[name]);

  const env = { ...process.env, CHROMIUM_PATH: chromium ?? '', FORCE_COLOR: '0', NO_COLOR: '1' };
  for (const pkg of PACKAGES.filter((p) => only.length === 0 || only.includes(p))) {
    addTotals(totals, vitest(pnpm, pkg, env));
  }

  if (totals.failures.length) log(`failed: ${totals.failures.join('; ')}`);
  const total = totals.passed + totals.failed;
  console.log(formatTotals(totals));
  if (totals.failed > 0 || total === 0) process.exit(1);
}

await main();
