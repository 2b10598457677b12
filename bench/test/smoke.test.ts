/**
 * Smoke test of the bench itself (not a benchmark): `run.ts --quick` end to end, against the
 * emulator bundle, into a temp dir. Checks that both report files appear with every expected row
 * and sane (finite, positive, consistent) numbers. No timing assertions: whether targets are met
 * is the bench's finding, not this test's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_DIR, REPO_ROOT } from '../src/options.js';
import type { BenchResults } from '../src/results.js';
import { MIN_CREATES } from '../src/sections/growth.js';
import { EMULATOR_CLI } from '../src/targets/emulator.js';

const out = mkdtempSync(join(tmpdir(), 'iam-testbed-bench-smoke-'));
let results: BenchResults;
let markdown: string;
let log = '';

function runQuick(): Promise<number | null> {
  const tsx = join(BENCH_DIR, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, ['run.ts', '--quick', '--out', out, '--work', join(out, 'work')], {
    cwd: BENCH_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

beforeAll(async () => {
  if (!existsSync(EMULATOR_CLI)) {
    const build = spawnSync(process.execPath, ['build.mjs'], {
      cwd: join(REPO_ROOT, 'emulator'),
      encoding: 'utf8',
    });
    if (build.status !== 0)
      throw new Error(`could not build the emulator bundle:\n${build.stderr}`);
  }
  const code = await runQuick();
  if (code !== 0) throw new Error(`run.ts --quick exited ${code}:\n${log}`);
  results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as BenchResults;
  markdown = readFileSync(join(out, 'results.md'), 'utf8');
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const positive = (n: number) => Number.isFinite(n) && n > 0;

describe('npm run bench -- --quick', () => {
  it('records the machine: cores, Node version, date', () => {
    expect(results.meta).toMatchObject({
      profile: 'quick',
      cores: availableParallelism(),
      node: process.version,
      azurite: null,
    });
    expect(Date.now() - Date.parse(results.meta.date)).toBeLessThan(10 * 60_000);
    expect(markdown).toContain(
      `| cores (\`os.availableParallelism()\`) | ${availableParallelism()} |`,
    );
    expect(markdown).toContain(`| Node | ${process.version} |`);
  });

  it('measures every throughput row but Azurite (not in quick) and the file-store read, with no failed request', () => {
    expect(results.throughput.map((r) => r.id)).toEqual([
      'bare',
      'express',
      'azurite',
      'read-permanent',
      'read-temporary',
      'create-delete',
      'mint',
      'read-permanent-file',
    ]);
    for (const row of results.throughput.filter(
      (r) => !['azurite', 'read-permanent-file'].includes(r.id),
    )) {
      expect(row.problems, row.id).toEqual([]);
      expect(row.runs, row.id).toHaveLength(results.meta.runs);
      for (const run of row.runs) {
        expect(
          positive(run.rate) && positive(run.p50Ms) && positive(run.p99Ms),
          `${row.id}: ${JSON.stringify(run)}`,
        ).toBe(true);
        expect(run.p99Ms).toBeGreaterThanOrEqual(run.p50Ms);
        expect(run.failures).toBe(0);
      }
    }
    expect(results.throughput.find((r) => r.id === 'azurite')?.runs).toEqual([]);
  });

  it('times start-up and reads idle RSS for the floor, Express and our CLI bundle', () => {
    for (const id of ['bare', 'express', 'emulator'] as const) {
      const row = results.startup.find((r) => r.id === id);
      expect(row?.problems, id).toEqual([]);
      expect(row?.readyMs).toHaveLength(results.meta.runs);
      for (const ms of row?.readyMs ?? []) expect(positive(ms)).toBe(true);
      // A node process cannot run in under 10 MiB; more than 1 GiB idle would be a measuring bug.
      for (const mib of row?.rssServerMiB ?? [])
        expect(mib > 10 && mib < 1024, `${id} RSS ${mib}`).toBe(true);
    }
    expect(results.startup.find((r) => r.id === 'emulator')?.command).toBe(
      'node emulator/dist/cli.mjs --port P --memory',
    );
  });

  it('reports reset per store size, or says it is not available', () => {
    expect(results.reset.map((r) => r.keys)).toEqual([10, 100]);
    for (const row of results.reset) {
      if (row.unavailable) expect(row.unavailable).toMatch(/not available|answered/);
      else for (const ms of [...row.ms, ...row.tenantMs]) expect(positive(ms)).toBe(true);
    }
  });

  it('measures create latency on seeded file stores of both layouts, every acknowledged key on disk', () => {
    expect(results.growth.map((g) => `${g.layout}:${g.keys}`)).toEqual([
      'tenants:20',
      'tenants:200',
      'one-account:20',
      'one-account:200',
    ]);
    for (const g of results.growth) {
      expect(g.problems, `${g.layout} ${g.keys}`).toEqual([]);
      expect(g.runs).toHaveLength(results.meta.runs);
      for (const run of g.runs) {
        expect(run.creates).toBeGreaterThanOrEqual(MIN_CREATES);
        expect(positive(run.p50Ms) && run.p99Ms >= run.p50Ms).toBe(true);
        expect(positive(run.firstMs)).toBe(true);
        expect(run.onDisk).toBe(1);
      }
    }
    const bytes = (layout: string, keys: number) =>
      results.growth.find((g) => g.layout === layout && g.keys === keys)?.storeBytes ?? 0;
    expect(bytes('one-account', 20)).toBeGreaterThan(0);
    expect(bytes('tenants', 200)).toBeGreaterThan(bytes('tenants', 20));
  });

  it('restarts the CLI on seeded store folders of both layouts after a graceful stop, then creates on them', () => {
    expect(results.restart.map((r) => `${r.layout}:${r.keys}`)).toEqual([
      'tenants:20',
      'tenants:200',
      'one-account:20',
      'one-account:200',
    ]);
    for (const r of results.restart) {
      expect(r.problems, `${r.layout} ${r.keys}`).toEqual([]);
      expect(r.runs).toHaveLength(results.meta.runs);
      for (const run of r.runs)
        expect(Object.values(run).every(positive), JSON.stringify(run)).toBe(true);
    }
    expect(results.restart.find((r) => r.layout === 'one-account')?.tenants).toBe(
      results.restart.find((r) => r.layout === 'one-account' && r.keys === 200)?.tenants,
    );
    expect(
      results.restart.find((r) => r.layout === 'tenants' && r.keys === 200)?.tenants,
    ).toBeGreaterThan(40);
  });

  it('states every target with a verdict that matches its number, in both files', () => {
    expect(results.targets.map((t) => t.id)).toEqual([
      'read-permanent-vs-express',
      'read-permanent-vs-azurite',
      'read-temporary-vs-express',
      'read-temporary-vs-azurite',
      'startup-vs-express',
      'startup-vs-azurite',
      'idle-rss',
      'reset',
      'reset-tenant',
      'create-growth-tenants',
      'create-growth-one-account',
      'restart-tenants',
      'restart-one-account',
      'durable',
    ]);
    const byId = new Map(results.targets.map((t) => [t.id, t]));
    expect(byId.get('read-permanent-vs-azurite')?.verdict).toBe('n/a');
    const vsExpress = byId.get('read-permanent-vs-express');
    expect(positive(vsExpress?.value.median ?? Number.NaN)).toBe(true);
    expect(vsExpress?.verdict).toBe((vsExpress?.value.median ?? 0) >= 0.9 ? 'met' : 'missed');
    const rss = byId.get('idle-rss');
    expect(rss?.verdict).toBe((rss?.value.median ?? Infinity) <= 80 ? 'met' : 'missed');
    expect(byId.get('durable')?.verdict).toBe('met');
    for (const t of results.targets) expect(markdown).toContain(`| ${t.what} |`);
    for (const heading of [
      '## Where we stand',
      '## Throughput and latency',
      '## Start-up and idle memory',
      '## `POST /_emulator/reset`',
      '## Create-key latency',
      '## Restart',
    ]) {
      expect(markdown).toContain(heading);
    }
  });
});
