/**
 * @module bench
 * One sitting: install Azurite if needed, then start-up, throughput, reset, store growth and
 * restart, then
 * results.md and results.json. Every server the bench starts is killed on the way out, whatever
 * happens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createContext, type BenchContext } from './context.js';
import type { BenchOptions } from './options.js';
import { killAll } from './proc.js';
import { renderMarkdown } from './report/markdown.js';
import { computeTargets } from './report/targets.js';
import type { BenchResults, Meta } from './results.js';
import { runGrowth } from './sections/growth.js';
import { runReset } from './sections/reset.js';
import { runRestart } from './sections/restart.js';
import { runStartup } from './sections/startup.js';
import { runThroughput } from './sections/throughput.js';
import { makeTemplate, type Template } from './store/template.js';
import { AZURITE_VERSION, ensureAzurite } from './targets/azurite.js';
import { emulatorMissing } from './targets/emulator.js';

const NOTES = [
  'Servers bind 127.0.0.1; the load generator (autocannon, or the closed loop) runs in the bench process on the same cores, as in docs/reference/perf-anchors.md.',
  'The emulator rows run the CLI bundle with `--memory`, except the "file store" read row and the reset, growth and restart sections (`--db`, a fresh copy of the store folder per run: hard links to the seed\'s files, which the emulator only ever replaces by rename; the bench checks after each run that the seed is unchanged).',
  'Azurite is installed on demand into `bench/.work/azurite` (`npm install azurite@3.37.0`) and started directly with node (not npx) with a fresh `--location` per run; it declares Node ≥ 22 and runs on Node 20 for every path used here.',
  "The Express 5 hello-world is the emulator's own Express (resolved from the emulator package), answering the same credential JSON on the same route.",
  "The synthetic stores for reset, growth and restart are written in the emulator's store-folder layout (index.json, one file per account) before start, once per size and layout; each tenant file passes the emulator's own schema check when first loaded.",
];

function meta(opts: BenchOptions, azurite: boolean, startedAt: number, load: number[]): Meta {
  return {
    date: new Date(startedAt).toISOString(),
    node: process.version,
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: load,
    profile: opts.profile,
    runs: opts.runs,
    connections: opts.connections,
    warmupSeconds: opts.warmupSeconds,
    measureSeconds: opts.measureSeconds,
    startupIdleMs: opts.startup.idleMs,
    azurite: azurite ? AZURITE_VERSION : null,
    totalSeconds: (Date.now() - startedAt) / 1000,
  };
}

function azuriteFor(opts: BenchOptions, log: (line: string) => void): BenchContext['azurite'] {
  if (!opts.azurite)
    return {
      missing:
        opts.profile === 'quick'
          ? 'not measured in the quick profile'
          : 'not measured (--no-azurite)',
    };
  try {
    return { entry: ensureAzurite(opts.workDir, log) };
  } catch (err) {
    return { missing: (err as Error).message };
  }
}

async function template(ctx: BenchContext): Promise<{ template?: Template; missing?: string }> {
  if (emulatorMissing()) return {};
  try {
    return { template: await makeTemplate(ctx) };
  } catch (err) {
    return { missing: `could not make a template store: ${(err as Error).message.split('\n')[0]}` };
  }
}

/** NaN (a failed run) becomes null in JSON. */
const jsonSafe = (_key: string, value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) ? null : value;

export async function runBench(
  opts: BenchOptions,
  log: (line: string) => void,
): Promise<BenchResults> {
  const startedAt = Date.now();
  const load = loadavg();
  const ctx = createContext(opts, log, azuriteFor(opts, log));
  const onSignal = () => {
    killAll();
    ctx.cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    log('start-up and idle memory');
    const startup = await runStartup(ctx);
    log('throughput');
    const throughput = await runThroughput(ctx);
    const t = await template(ctx);
    log('reset');
    const reset = await runReset(ctx, t.template, t.missing);
    log('store growth');
    const growth = await runGrowth(ctx, t.template, t.missing);
    log('restart');
    const restart = await runRestart(ctx, t.template, t.missing);
    const parts = { startup, throughput, reset, growth, restart };
    const results: BenchResults = {
      meta: meta(opts, 'entry' in ctx.azurite, startedAt, load),
      targets: computeTargets(parts),
      ...parts,
      notes: NOTES,
    };
    mkdirSync(opts.outDir, { recursive: true });
    writeFileSync(join(opts.outDir, 'results.json'), `${JSON.stringify(results, jsonSafe, 2)}\n`);
    writeFileSync(join(opts.outDir, 'results.md'), renderMarkdown(results));
    return results;
  } finally {
    killAll();
    ctx.cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
