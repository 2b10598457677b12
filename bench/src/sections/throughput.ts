/**
 * @module sections/throughput
 * Throughput and latency under 10 connections, every target in every round (the order rotates
 * between rounds), each round on fresh server processes: the floor, Express 5, Azurite's signed
 * List Containers, and the emulator's signed reads (permanent and temporary key), create→delete
 * cycle and temporary-key minting — plus the permanent read on the file store.
 */
import { rotate, type BenchContext } from '../context.js';
import { freePort, sleep, startServer, stopServer } from '../proc.js';
import type { RateId, RateRow, RateRun } from '../results.js';
import { bareSpec, expressSpec } from '../targets/baselines.js';
import { azuriteSpec } from '../targets/azurite.js';
import { emulatorMissing, emulatorSpec } from '../targets/emulator.js';
import {
  azuriteUnit,
  baselineUnit,
  emulatorFileUnit,
  emulatorUnit,
  type RateUnit,
} from './rate-units.js';
import { join } from 'node:path';

const ROWS: Array<Omit<RateRow, 'runs' | 'problems'> & { unit: string }> = [
  { id: 'bare', label: 'bare node:http, same JSON', unit: 'req/s', tool: 'autocannon' },
  { id: 'express', label: 'Express 5 hello, same JSON', unit: 'req/s', tool: 'autocannon' },
  {
    id: 'azurite',
    label: 'Azurite: SharedKey-signed List Containers',
    unit: 'req/s',
    tool: 'autocannon',
  },
  {
    id: 'read-permanent',
    label: 'emulator: signed GET credential, permanent key',
    unit: 'req/s',
    tool: 'autocannon',
  },
  {
    id: 'read-temporary',
    label: 'emulator: signed GET credential, temporary key',
    unit: 'req/s',
    tool: 'autocannon',
  },
  {
    id: 'create-delete',
    label: 'emulator: create→delete permanent key',
    unit: 'cycles/s',
    tool: 'closed loop',
  },
  {
    id: 'mint',
    label: 'emulator: mint temporary key (signed POST securitytokens)',
    unit: 'keys/s',
    tool: 'autocannon',
  },
  {
    id: 'read-permanent-file',
    label: 'emulator, file store: signed GET credential, permanent key',
    unit: 'req/s',
    tool: 'autocannon',
  },
];

const UNIT_ROWS: Record<string, RateId[]> = {
  bare: ['bare'],
  express: ['express'],
  azurite: ['azurite'],
  emulator: ['read-permanent', 'read-temporary', 'create-delete', 'mint'],
  'emulator-file': ['read-permanent-file'],
};

const FAILED: RateRun = {
  rate: Number.NaN,
  p50Ms: Number.NaN,
  p99Ms: Number.NaN,
  littleMs: Number.NaN,
  failures: 0,
};

function units(ctx: BenchContext, problems: Map<RateId, string[]>): RateUnit[] {
  const list: RateUnit[] = [baselineUnit('bare', bareSpec), baselineUnit('express', expressSpec)];
  const az = ctx.azurite;
  if ('entry' in az)
    list.push(azuriteUnit((port) => azuriteSpec(az.entry, port, ctx.tempDir('azurite-load'))));
  else problems.get('azurite')?.push(az.missing);
  const missing = emulatorMissing();
  if (missing) {
    for (const id of [...(UNIT_ROWS.emulator ?? []), 'read-permanent-file' as const])
      problems.get(id)?.push(missing);
    return list;
  }
  list.push(emulatorUnit((port) => emulatorSpec(port, { memory: true })));
  if (ctx.opts.fileStoreRead) {
    list.push(
      emulatorFileUnit((port) =>
        emulatorSpec(port, { dbPath: join(ctx.tempDir('emulator-file'), 'iam.json') }),
      ),
    );
  } else {
    problems.get('read-permanent-file')?.push('not measured in this profile');
  }
  return list;
}

async function runUnit(
  ctx: BenchContext,
  unit: RateUnit,
  record: (id: RateId, run: RateRun, problem?: string) => void,
): Promise<void> {
  const shape = {
    connections: ctx.opts.connections,
    warmupSeconds: ctx.opts.warmupSeconds,
    measureSeconds: ctx.opts.measureSeconds,
  };
  const ids = UNIT_ROWS[unit.id] ?? [];
  let server;
  try {
    server = await startServer(unit.spec(await freePort()));
    await sleep(ctx.opts.settleMs);
    const scenarios = await unit.prepare(server.url, ctx.opts.connections);
    for (const s of scenarios) {
      try {
        const run = await s.run(server.url, shape);
        record(
          s.id,
          run,
          run.failures > 0 ? `${run.failures} failed requests in one run` : undefined,
        );
        ctx.log(
          `load ${s.id}: ${run.rate.toFixed(0)}/s p50 ${run.p50Ms.toFixed(2)} ms p99 ${run.p99Ms.toFixed(2)} ms`,
        );
      } catch (err) {
        record(s.id, FAILED, (err as Error).message.split('\n')[0]);
      }
    }
  } catch (err) {
    for (const id of ids) record(id, FAILED, (err as Error).message.split('\n')[0]);
  } finally {
    if (server) await stopServer(server, 'SIGTERM', 1000);
  }
}

export async function runThroughput(ctx: BenchContext): Promise<RateRow[]> {
  const problems = new Map<RateId, string[]>(ROWS.map((r) => [r.id, []]));
  const runs = new Map<RateId, RateRun[]>(ROWS.map((r) => [r.id, []]));
  const list = units(ctx, problems);
  for (let round = 0; round < ctx.opts.runs; round++) {
    for (const unit of rotate(list, round)) {
      await runUnit(ctx, unit, (id, run, problem) => {
        runs.get(id)?.push(run);
        if (problem && !problems.get(id)?.includes(problem)) problems.get(id)?.push(problem);
      });
    }
  }
  return ROWS.map(({ id, label, unit, tool }) => ({
    id,
    label,
    unit,
    tool,
    runs: runs.get(id) ?? [],
    problems: problems.get(id) ?? [],
  }));
}
