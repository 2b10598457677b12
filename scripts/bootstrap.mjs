#!/usr/bin/env node
// Brings a fresh machine (Node 20 + npm only) to a working checkout: the pinned pnpm, then the
// locked packages. Plain Node, no dependencies, because it runs before anything is installed.
// A second run is fast: the install is skipped while the lockfile and manifests are unchanged.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '12.21.0'; // pnpm 11 dies on Node 20; corepack cannot verify pnpm here (docs/reference/toolchain.md §1–§2)
const STAMP = join(ROOT, 'node_modules', '.iam-testbed-install');
const MANIFESTS = [
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'package.json',
  'shared/package.json',
  'emulator/package.json',
  'extension/package.json',
  'e2e/package.json',
  'bench/package.json',
];

export function log(message) {
  process.stderr.write(`[iam-testbed] ${message}\n`);
}

export function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

/** Runs a command with inherited output; returns its exit status. */
export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (res.error) return 127;
  return res.status ?? 1;
}

function capture(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : '';
}

/** Returns the command prefix that runs the pinned pnpm, installing it when needed. */
export function ensurePnpm() {
  if (capture('pnpm', ['--version']) === PNPM_VERSION) return ['pnpm'];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot || process.env.CI) {
    log(`installing pnpm@${PNPM_VERSION} with npm (global)`);
    const status = run('npm', [
      'install',
      '-g',
      '--force',
      '--no-fund',
      '--no-audit',
      '--loglevel=error',
      `pnpm@${PNPM_VERSION}`,
    ]);
    if (status === 0 && capture('pnpm', ['--version']) === PNPM_VERSION) return ['pnpm'];
    log('global install of pnpm failed; falling back to npx');
  }
  // Not root: don't touch the global prefix, run the pinned pnpm through npx instead.
  if (capture('npx', ['-y', `pnpm@${PNPM_VERSION}`, '--version']) === PNPM_VERSION)
    return ['npx', '-y', `pnpm@${PNPM_VERSION}`];
  fail(`could not run pnpm@${PNPM_VERSION}. Install it with: npm install -g pnpm@${PNPM_VERSION}`);
}

/**
 * Prints pnpm's output except its "Unsupported engine" warnings, and returns how many there were.
 * They all come from wxt 0.21's store-upload prompts (publish-browser-extension, @inquirer/*),
 * which wxt build, zip and prepare never load; on Node 20.19+ the install and builds are sound.
 */
const KNOWN_NODE22_PACKAGES =
  /Unsupported engine for (wxt|@inquirer\/[\w-]+|mute-stream|publish-browser-extension|@topcli\/prompts)@/;

function printInstallOutput(output) {
  let warnings = 0;
  for (const line of output.split('\n')) {
    if (KNOWN_NODE22_PACKAGES.test(line)) warnings++;
    else if (line.trim() !== '') process.stderr.write(`${line}\n`); // any other warning stays visible
  }
  return warnings;
}

function installFingerprint() {
  const hash = createHash('sha256');
  for (const file of MANIFESTS) {
    const path = join(ROOT, file);
    hash.update(file).update(existsSync(path) ? readFileSync(path) : '');
  }
  return hash.digest('hex');
}

/** pnpm install --frozen-lockfile, skipped when nothing changed since the last successful one. */
export function ensurePackages(pnpm) {
  const fingerprint = installFingerprint();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint) return;
  log('installing packages (pnpm install --frozen-lockfile)');
  const [cmd, ...pre] = pnpm;
  const res = spawnSync(cmd, [...pre, 'install', '--frozen-lockfile'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  const engineWarnings = printInstallOutput(`${res.stdout ?? ''}${res.stderr ?? ''}`);
  if (engineWarnings > 0)
    log(
      `${engineWarnings} packages of the extension's build tool declare Node 22 (README, "Versions": why that is harmless)`,
    );
  if (res.status !== 0)
    fail('pnpm install failed (see above). If pnpm-lock.yaml is out of date, run: pnpm install');
  writeFileSync(STAMP, fingerprint);
}

/** Everything `npm start` and `npm test` need before they do their own work. */
export function bootstrap() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) fail(`Node ${process.versions.node} is too old: use Node 20 (20.19 or later).`);
  const pnpm = ensurePnpm();
  ensurePackages(pnpm);
  return pnpm;
}

/** Runs pnpm with the given arguments; returns the exit status. */
export function pnpmRun(pnpm, args, opts = {}) {
  const [cmd, ...pre] = pnpm;
  return run(cmd, [...pre, ...args], opts);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) bootstrap();
