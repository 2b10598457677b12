/**
 * @module store/seeded
 * Synthetic store files written once per configuration, and an emulator started on a fresh copy
 * of one for each run (a run changes its file; the next must start from the same state).
 */
import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rotate, type BenchContext } from '../context.js';
import type { Layout } from '../options.js';
import { freePort, startServer, type RunningServer } from '../proc.js';
import { emulatorSpec } from '../targets/emulator.js';
import { buildStore, type BuiltStore } from './synthetic.js';
import type { Template } from './template.js';

export interface SeedFile extends Omit<BuiltStore, 'text'> {
  layout: Layout;
  path: string;
  bytes: number;
}

export function writeSeedFile(ctx: BenchContext, template: Template, layout: Layout, keys: number, targets: number): SeedFile {
  const built = buildStore(template, layout, keys, targets);
  const path = join(ctx.tempDir(`seed-${layout}-${keys}`), 'seed.json');
  writeFileSync(path, built.text);
  const { text: _text, ...rest } = built;
  return { ...rest, layout, path, bytes: statSync(path).size };
}

/** Starts the CLI (`--db`) on a fresh copy of `seed`; large stores take seconds to load. */
export async function startOnCopy(ctx: BenchContext, seed: SeedFile): Promise<{ server: RunningServer; dbPath: string }> {
  const dbPath = join(ctx.tempDir('run'), 'iam.json');
  copyFileSync(seed.path, dbPath);
  const server = await startServer({ ...emulatorSpec(await freePort(), { dbPath }), timeoutMs: ctx.opts.seededStartTimeoutMs });
  return { server, dbPath };
}

/**
 * Runs `rounds` rounds over `items` (order rotating), calling `run(item, round)`. To stay in the
 * time budget, an item whose run throws (a store the emulator cannot load within the limit would
 * cost the limit again every round) or takes longer than `slowMs` gets no later rounds; `note`
 * says why.
 */
export async function roundRobin<T>(
  items: readonly T[],
  rounds: number,
  slowMs: number,
  run: (item: T, round: number) => Promise<void>,
  note: (item: T, message: string) => void,
): Promise<void> {
  const done = new Set<T>();
  for (let round = 0; round < rounds; round++) {
    for (const item of rotate(items, round)) {
      if (done.has(item)) continue;
      const more = round + 1 < rounds ? '; its later rounds were skipped' : '';
      const started = Date.now();
      try {
        await run(item, round);
      } catch (err) {
        done.add(item);
        note(item, `round ${round + 1}: ${(err as Error).message.split('\n')[0] ?? 'failed'}${more}`);
        continue;
      }
      const took = Date.now() - started;
      if (took > slowMs && more) {
        done.add(item);
        note(item, `round ${round + 1} took ${(took / 1000).toFixed(0)} s${more} (time budget)`);
      }
    }
  }
}
