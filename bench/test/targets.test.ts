/** Issue 9's and 16's targets from hand-made results: pairing by round, verdicts, and the growth and restart rules. */
import { describe, expect, it } from 'vitest';
import { computeTargets } from '../src/report/targets.js';
import type {
  GrowthRow,
  GrowthRun,
  RateId,
  RateRow,
  RestartRow,
  StartupRow,
} from '../src/results.js';

const rate = (id: RateId, rates: number[]): RateRow => ({
  id,
  label: id,
  unit: 'req/s',
  tool: 'autocannon',
  problems: [],
  runs: rates.map((r) => ({ rate: r, p50Ms: 1, p99Ms: 2, littleMs: 1, failures: 0 })),
});
const boot = (id: StartupRow['id'], ready: number[], rss: number[]): StartupRow => ({
  id,
  label: id,
  command: '',
  firstAnswerMs: ready,
  readyMs: ready,
  rssServerMiB: rss,
  rssTreeMiB: rss,
  problems: [],
});
const run = (p99Ms: number): GrowthRun => ({
  startMs: 1,
  firstMs: 1,
  p50Ms: p99Ms / 2,
  p99Ms,
  meanMs: p99Ms / 2,
  creates: 10,
  onDisk: 1,
});
const grow = (
  layout: GrowthRow['layout'],
  keys: number,
  p99: number[],
  problems: string[] = [],
): GrowthRow => ({
  layout,
  keys,
  storeBytes: keys * 100,
  runs: p99.map(run),
  problems,
});

const restartAt = (
  layout: RestartRow['layout'],
  keys: number,
  ms: number[],
  problems: string[] = [],
): RestartRow => ({
  layout,
  keys,
  tenants: keys / 4,
  storeBytes: keys * 100,
  problems,
  runs: ms.map((restartMs) => ({
    startMs: 1,
    stopMs: 1,
    restartMs,
    firstCreateMs: 1,
    nextCreateMs: 1,
  })),
});

function targets(growth: GrowthRow[], restart: RestartRow[] = []) {
  return new Map(
    computeTargets({
      throughput: [
        rate('express', [1000, 2000, 1000]),
        rate('azurite', [400, 800, 400]),
        rate('read-permanent', [950, 1600, 800]),
        rate('read-temporary', [500, 500, 500]),
      ],
      startup: [
        boot('express', [200, 200, 200], [57]),
        boot('emulator', [250, 400, 280], [66, 66, 70]),
        boot('azurite', [1500, 1500, 1500], [145]),
      ],
      reset: [
        { keys: 10, ms: [1], tenantMs: [1], problems: [] },
        { keys: 10_000, ms: [12, 9, 20], tenantMs: [1], problems: [] },
        { keys: 100_000, ms: [500], tenantMs: [4, 12, 6], problems: [] },
      ],
      growth,
      restart,
    }).map((t) => [t.id, t]),
  );
}

describe('targets', () => {
  it('pairs throughput by round and judges the median', () => {
    const t = targets([]);
    // Paired ratios 0.95, 0.8, 0.8 → median 0.8 (a ratio of medians would say 0.95).
    expect(t.get('read-permanent-vs-express')).toMatchObject({
      value: { median: 0.8, min: 0.8, max: 0.95, n: 3 },
      verdict: 'missed',
    });
    expect(t.get('read-permanent-vs-azurite')).toMatchObject({
      value: { median: 2, max: 2.375 },
      verdict: 'missed',
    });
    expect(t.get('startup-vs-express')).toMatchObject({ value: { median: 1.4 }, verdict: 'met' });
    expect(t.get('startup-vs-azurite')?.verdict).toBe('met');
    expect(t.get('idle-rss')).toMatchObject({ value: { median: 66 }, verdict: 'met' });
    expect(t.get('reset')).toMatchObject({
      what: expect.stringContaining('10,000 keys'),
      value: { median: 12 },
      verdict: 'missed',
    });
    expect(t.get('reset-tenant')).toMatchObject({
      what: expect.stringContaining('100,000 keys'),
      value: { median: 6 },
      verdict: 'met',
    });
  });

  it('compares restart at the largest store with the smallest, paired by round, per layout', () => {
    const t = targets(
      [],
      [
        restartAt('tenants', 100, [200, 400, 200]),
        restartAt('tenants', 100_000, [300, 900, 500]),
        restartAt('one-account', 100, [200]),
      ],
    );
    // Paired 1.5, 2.25, 2.5 → median 2.25.
    expect(t.get('restart-tenants')).toMatchObject({
      what: expect.stringContaining('100,000 keys ÷ restart at 100 keys'),
      value: { median: 2.25 },
      verdict: 'missed',
    });
    expect(t.get('restart-one-account')?.verdict).toBe('n/a');
    const failed = targets(
      [],
      [
        restartAt('tenants', 100, [200]),
        restartAt('tenants', 100_000, [Number.NaN], ['round 1: not ready within 45 s']),
      ],
    );
    expect(failed.get('restart-tenants')).toMatchObject({
      verdict: 'missed',
      note: expect.stringContaining('not ready within 45 s'),
    });
  });

  it('compares create p99 at the largest store with the smallest, per layout', () => {
    const t = targets([
      grow('tenants', 100, [10, 10, 10]),
      grow('tenants', 100_000, [15, 30, 19]),
      grow('one-account', 100, [10, 10, 10]),
    ]);
    expect(t.get('create-growth-tenants')).toMatchObject({
      value: { median: 1.9 },
      verdict: 'met',
    });
    expect(t.get('create-growth-one-account')?.verdict).toBe('n/a');
    expect(t.get('durable')).toMatchObject({ value: { median: 100 }, verdict: 'met' });
  });

  it('calls a largest store the emulator could not serve a miss, with the reason', () => {
    const failed = grow('tenants', 100_000, [Number.NaN], ['round 1: not ready within 45 s']);
    const t = targets([grow('tenants', 100, [10, 10, 10]), failed]);
    expect(t.get('create-growth-tenants')).toMatchObject({
      verdict: 'missed',
      note: expect.stringContaining('not ready within 45 s'),
    });
  });

  it('fails durability when any run lost an acknowledged key', () => {
    const lossy = grow('one-account', 1000, [10]);
    lossy.runs[0] = { ...run(10), onDisk: 0.98 };
    const t = targets([grow('one-account', 100, [10]), lossy]);
    expect(t.get('durable')).toMatchObject({ value: { median: 98 }, verdict: 'missed' });
  });
});
