/**
 * @module report/targets
 * Issue 9's and issue 16's targets, each computed from figures of the same run (paired by round where both
 * sides are per-round), with a verdict on the median.
 */
import type {
  BenchResults,
  GrowthRow,
  RateId,
  RateRow,
  RestartRow,
  StartupId,
  StartupRow,
  TargetRow,
  Verdict,
} from '../results.js';
import { pairedRatio, summarize, type Summary } from '../stats.js';

type Parts = Omit<BenchResults, 'targets' | 'meta' | 'notes'>;

function verdict(value: Summary, op: '>=' | '<=', threshold: number): Verdict {
  if (value.n === 0) return 'n/a';
  return (op === '>=' ? value.median >= threshold : value.median <= threshold) ? 'met' : 'missed';
}

function row(
  id: string,
  what: string,
  op: '>=' | '<=',
  threshold: number,
  unit: string,
  value: Summary,
  note?: string,
): TargetRow {
  return {
    id,
    what,
    target: `${op === '>=' ? '≥' : '≤'} ${threshold}${unit}`,
    value,
    verdict: verdict(value, op, threshold),
    ...(note ? { note } : {}),
  };
}

const rates = (rows: RateRow[], id: RateId) =>
  rows.find((r) => r.id === id)?.runs.map((r) => r.rate) ?? [];
const startup = (rows: StartupRow[], id: StartupId) => rows.find((r) => r.id === id);

/**
 * p99 at the largest store ÷ p99 at the smallest. When the emulator could not even serve the
 * largest store (not ready in time) while the smallest worked, that is a miss, not "not measured".
 */
function growthRow(rows: GrowthRow[], layout: GrowthRow['layout'], what: string): TargetRow {
  const mine = rows.filter((r) => r.layout === layout).sort((a, b) => a.keys - b.keys);
  const small = mine[0];
  const large = mine[mine.length - 1];
  if (!small || !large || small === large)
    return row(`create-growth-${layout}`, what, '<=', 2, '×', summarize([]), 'not measured');
  const value = pairedRatio(
    large.runs.map((r) => r.p99Ms),
    small.runs.map((r) => r.p99Ms),
  );
  const keys = (n: number) => n.toLocaleString('en-US');
  const target = row(
    `create-growth-${layout}`,
    what,
    '<=',
    2,
    '×',
    value,
    `p99 at ${keys(large.keys)} keys ÷ p99 at ${keys(small.keys)} keys`,
  );
  const smallWorked = small.runs.some((r) => Number.isFinite(r.p99Ms));
  if (value.n === 0 && smallWorked && large.problems.length > 0) {
    return {
      ...target,
      verdict: 'missed',
      note: `no create at ${keys(large.keys)} keys: ${large.problems[0]}`,
    };
  }
  return target;
}

/**
 * Issue 16: spawn → ready after a graceful stop, at the largest store ÷ at the smallest, paired
 * by round. A largest store that never got ready while the smallest did is a miss.
 */
function restartRow(rows: RestartRow[], layout: RestartRow['layout']): TargetRow {
  const mine = rows.filter((r) => r.layout === layout).sort((a, b) => a.keys - b.keys);
  const small = mine[0];
  const large = mine[mine.length - 1];
  const where = layout === 'tenants' ? 'keys spread over tenants' : 'keys in one account';
  if (!small || !large || small === large)
    return row(
      `restart-${layout}`,
      `restart (spawn → ready) at the largest ÷ the smallest store, ${where}`,
      '<=',
      2,
      '×',
      summarize([]),
      'not measured',
    );
  const keys = (n: number) => n.toLocaleString('en-US');
  const what = `restart (spawn → ready) at ${keys(large.keys)} keys ÷ restart at ${keys(small.keys)} keys, ${where}`;
  const value = pairedRatio(
    large.runs.map((r) => r.restartMs),
    small.runs.map((r) => r.restartMs),
  );
  const target = row(
    `restart-${layout}`,
    what,
    '<=',
    2,
    '×',
    value,
    'after a graceful stop (SIGTERM, exit), on the same folder',
  );
  const smallWorked = small.runs.some((r) => Number.isFinite(r.restartMs));
  if (value.n === 0 && smallWorked && large.problems.length > 0) {
    return {
      ...target,
      verdict: 'missed',
      note: `no restart at ${keys(large.keys)} keys: ${large.problems[0]}`,
    };
  }
  return target;
}

export function computeTargets(p: Parts): TargetRow[] {
  const express = rates(p.throughput, 'express');
  const azurite = rates(p.throughput, 'azurite');
  const out: TargetRow[] = [];
  for (const [id, label] of [
    ['read-permanent', 'permanent'],
    ['read-temporary', 'temporary'],
  ] as const) {
    const mine = rates(p.throughput, id);
    out.push(
      row(
        `${id}-vs-express`,
        `signed read (${label} key) req/s ÷ Express 5 hello`,
        '>=',
        0.9,
        '×',
        pairedRatio(mine, express),
      ),
    );
    out.push(
      row(
        `${id}-vs-azurite`,
        `signed read (${label} key) req/s ÷ Azurite signed List Containers`,
        '>=',
        2.5,
        '×',
        pairedRatio(mine, azurite),
      ),
    );
  }
  const emu = startup(p.startup, 'emulator');
  const exp = startup(p.startup, 'express');
  const az = startup(p.startup, 'azurite');
  out.push(
    row(
      'startup-vs-express',
      'CLI spawn → ready ÷ Express 5 .mjs spawn → first answer',
      '<=',
      1.5,
      '×',
      pairedRatio(emu?.readyMs ?? [], exp?.readyMs ?? []),
    ),
  );
  out.push(
    row(
      'startup-vs-azurite',
      'Azurite spawn → first answer ÷ CLI spawn → ready',
      '>=',
      4,
      '×',
      pairedRatio(az?.readyMs ?? [], emu?.readyMs ?? []),
    ),
  );
  out.push(
    row('idle-rss', 'CLI idle RSS (MiB)', '<=', 80, ' MiB', summarize(emu?.rssServerMiB ?? [])),
  );
  // Issue 9: the whole reset, at the largest store up to 10,000 keys; issue 16: one tenant's, at the largest store.
  const bySize = [...p.reset].sort((a, b) => b.keys - a.keys);
  const issue9Reset = bySize.find((r) => r.keys <= 10_000);
  out.push(
    row(
      'reset',
      `POST /_emulator/reset at ${issue9Reset?.keys.toLocaleString('en-US') ?? '?'} keys (ms)`,
      '<=',
      10,
      ' ms',
      summarize(issue9Reset?.ms ?? []),
      issue9Reset?.unavailable,
    ),
  );
  const largestReset = bySize[0];
  out.push(
    row(
      'reset-tenant',
      `POST /_emulator/reset?domain_id= (one tenant) at ${largestReset?.keys.toLocaleString('en-US') ?? '?'} keys spread over tenants (ms)`,
      '<=',
      10,
      ' ms',
      summarize(largestReset?.tenantMs ?? []),
      largestReset?.unavailable,
    ),
  );
  for (const layout of ['tenants', 'one-account'] as const) {
    out.push(
      growthRow(
        p.growth,
        layout,
        `create-key p99 growth, keys ${layout === 'tenants' ? 'spread over tenants' : 'in one account'}`,
      ),
    );
  }
  for (const layout of ['tenants', 'one-account'] as const) out.push(restartRow(p.restart, layout));
  const durable = p.growth.flatMap((g) => g.runs.map((r) => r.onDisk * 100));
  const worst = durable.filter(Number.isFinite);
  const durability = worst.length
    ? {
        median: Math.min(...worst),
        min: Math.min(...worst),
        max: Math.min(...worst),
        n: worst.length,
      }
    : summarize([]);
  out.push(
    row(
      'durable',
      'acknowledged creates found in the store folder after SIGKILL (worst run, %)',
      '>=',
      100,
      ' %',
      durability,
    ),
  );
  return out;
}
