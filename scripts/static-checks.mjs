#!/usr/bin/env node
// Static checks over the whole workspace: Prettier (format), ESLint (type-aware lint) and knip
// (unused files, exports and dependencies). `npm test` runs them (scripts/test.mjs); alone:
// `node scripts/static-checks.mjs`, which bootstraps like `npm test` and exits 1 if any fails.
// The three run at once (ESLint takes most of the time) and each one's output is printed whole
// when it ends, so they do not interleave. No ESLint cache: CI starts from a fresh clone, and a
// cache keyed on one file's content misses findings that a change in another file causes (types).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, bootstrap, log } from './bootstrap.mjs';

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

const STATIC_CHECKS = [
  {
    name: 'format (prettier --check)',
    cmd: bin('prettier'),
    args: ['--check', '--log-level=warn', '.'],
    fix: 'npm run format',
  },
  {
    name: 'lint (eslint)',
    cmd: bin('eslint'),
    args: ['.'],
    fix: 'npm run lint:fix, fix the rest by hand (npm run lint lists it), then npm run format',
  },
  {
    name: 'unused code and dependencies (knip)',
    cmd: bin('knip'),
    args: ['--no-progress'],
    fix: 'remove what knip lists; if it is used in a way knip cannot see, say so in knip.json',
  },
];

function runOne({ name, cmd, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const done = (status, extra = '') =>
      resolve({
        name,
        ok: status === 0,
        status,
        output: output + extra,
        seconds: (Date.now() - started) / 1000,
      });
    child.on('error', (err) => done(127, `${err.message}\n`));
    child.on('close', (code, signal) => done(code ?? 1, signal ? `killed by ${signal}\n` : ''));
  });
}

/**
 * Runs the three checks (packages must be installed: bootstrap() first) and prints each one's
 * output and time; the caller reports the verdicts. Returns [{ name, ok, seconds, fix }] in
 * STATIC_CHECKS order.
 */
export async function runStaticChecks() {
  log('static checks: prettier, eslint and knip, at once');
  return Promise.all(
    STATIC_CHECKS.map(async (check) => {
      const result = await runOne(check);
      const output = result.output.trimEnd();
      if (output) process.stderr.write(`${output}\n`);
      log(`${check.name}: exit ${result.status}, ${result.seconds.toFixed(1)} s`);
      return { ...result, fix: check.fix };
    }),
  );
}

async function main() {
  bootstrap();
  const results = await runStaticChecks();
  for (const r of results)
    log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.ok ? '' : `; to fix: ${r.fix}`}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
