/**
 * @module sections/growth
 * How the cost of a write grows with the store: sequential signed creates of permanent keys on
 * the file store holding 100 … 100,000 keys, in both layouts (store/synthetic). Each create is
 * timed by the client from request to answer; the emulator acknowledges only once the write is
 * durable, so this is the latency a caller sees. The warm-up create is timed apart: it is the
 * first request on the measuring tenant, which the emulator loads from its file only then. After
 * each run the emulator is SIGKILLed and its store folder read back (`readStoreFolder`: tenant
 * files plus the write-ahead log): every acknowledged key must be in it (that proves the write
 * reached the disk before the answer; fsync to the platter is the emulator's claim, not tested).
 */
import { readStoreFolder } from '@iam-testbed/emulator';
import type { BenchContext } from '../context.js';
import { keepAliveAgent, send } from '../http-client.js';
import type { Layout } from '../options.js';
import { stopServer } from '../proc.js';
import type { GrowthRow, GrowthRun } from '../results.js';
import { latencyStats } from '../stats.js';
import { emulatorMissing, CREDENTIALS, signed } from '../targets/emulator.js';
import { roundRobin, seedStore, startOnCopy, type SeedStore } from '../store/seeded.js';
import type { Template } from '../store/template.js';

/** creates before the measured ones (not counted) */
export const WARMUP_CREATES = 1;
/** a run goes on past its time budget until it has this many (100,000 keys: seconds each) */
export const MIN_CREATES = 3;

const FAILED: GrowthRun = {
  startMs: Number.NaN,
  firstMs: Number.NaN,
  p50Ms: Number.NaN,
  p99Ms: Number.NaN,
  meanMs: Number.NaN,
  creates: Number.NaN,
  onDisk: Number.NaN,
};

/** Creates keys for the seed's target users, two each, until `max` or the time budget. */
async function createKeys(
  url: string,
  seed: SeedStore,
  max: number,
  budgetMs: number,
): Promise<{ times: number[]; firstMs: number; acked: string[] }> {
  const agent = keepAliveAgent(1);
  const times: number[] = [];
  let firstMs = Number.NaN;
  const acked: string[] = [];
  const started = Date.now();
  try {
    for (let i = 0; i < WARMUP_CREATES + max; i++) {
      const measuring = i >= WARMUP_CREATES;
      if (measuring && times.length >= MIN_CREATES && Date.now() - started > budgetMs) break;
      const userId = seed.targets[Math.floor(i / 2)];
      if (!userId) break;
      const ex = await signed(url, seed.admin, {
        method: 'POST',
        path: CREDENTIALS,
        body: { credential: { user_id: userId, description: 'bench' } },
        domainId: seed.domainId,
      });
      const answer = await send(url, ex, agent);
      if (answer.status !== 201)
        throw new Error(`create answered ${answer.status}: ${answer.text.slice(0, 200)}`);
      acked.push((JSON.parse(answer.text) as { credential: { access: string } }).credential.access);
      if (measuring) times.push(answer.ms);
      else if (i === 0) firstMs = answer.ms;
    }
  } finally {
    agent.destroy();
  }
  return { times, firstMs, acked };
}

/**
 * How many of `acked` the store folder holds on disk: index.json, the tenant files and the
 * write-ahead log as the emulator would load them (every file must parse).
 */
function foundOnDisk(dbPath: string, acked: readonly string[]): number {
  const doc = readStoreFolder(dbPath);
  return acked.filter((ak) => Object.hasOwn(doc.permanent_keys, ak)).length;
}

async function measure(ctx: BenchContext, seed: SeedStore): Promise<GrowthRun> {
  const { server, dbPath, discard } = await startOnCopy(ctx, seed);
  try {
    let result;
    try {
      result = await createKeys(
        server.url,
        seed,
        ctx.opts.growthMaxCreates,
        ctx.opts.growthBudgetMs,
      );
    } finally {
      await stopServer(server, 'SIGKILL', 1000);
    }
    const stats = latencyStats(result.times);
    const onDisk = foundOnDisk(dbPath, result.acked) / result.acked.length;
    return {
      startMs: server.readyMs,
      firstMs: result.firstMs,
      p50Ms: stats.p50,
      p99Ms: stats.p99,
      meanMs: stats.mean,
      creates: stats.samples,
      onDisk,
    };
  } finally {
    discard();
  }
}

/** Key-less users the growth runs need in the measuring tenant (two creates each). */
export function growthTargets(ctx: BenchContext): number {
  return Math.ceil((WARMUP_CREATES + ctx.opts.growthMaxCreates) / 2);
}

export async function runGrowth(
  ctx: BenchContext,
  template: Template | undefined,
  missing: string | undefined,
): Promise<GrowthRow[]> {
  const configs: Array<{ layout: Layout; keys: number }> = ctx.opts.growthLayouts.flatMap(
    (layout) => ctx.opts.growthKeys.map((keys) => ({ layout, keys })),
  );
  const rows = configs.map(({ layout, keys }): GrowthRow => ({
    layout,
    keys,
    storeBytes: Number.NaN,
    runs: [],
    problems: [],
  }));
  const why = emulatorMissing() ?? missing;
  if (why || !template) {
    for (const row of rows) row.problems.push(why ?? 'no template store');
    return rows;
  }
  const seeds = rows.map((row) => {
    const seed = seedStore(ctx, template, row.layout, row.keys, growthTargets(ctx));
    row.storeBytes = seed.bytes;
    ctx.log(
      `growth: ${row.layout} store with ${seed.keys} keys in ${seed.tenants} tenant files (${(seed.bytes / 2 ** 20).toFixed(1)} MiB, written in ${seed.writeMs} ms)`,
    );
    return { row, seed };
  });
  for (const { row } of seeds) row.runs = Array.from({ length: ctx.opts.runs }, () => FAILED);
  await roundRobin(
    seeds,
    ctx.opts.runs,
    ctx.opts.slowRunMs,
    async ({ row, seed }, round) => {
      const run = await measure(ctx, seed);
      row.runs[round] = run;
      if (run.onDisk < 1)
        row.problems.push(
          `round ${round + 1}: only ${(run.onDisk * 100).toFixed(1)} % of acknowledged keys were in the store folder after SIGKILL`,
        );
      ctx.log(
        `growth ${row.layout} ${row.keys}: ready in ${run.startMs.toFixed(0)} ms, first create ${run.firstMs.toFixed(1)} ms, p50 ${run.p50Ms.toFixed(2)} ms p99 ${run.p99Ms.toFixed(2)} ms (${run.creates} creates)`,
      );
    },
    ({ row }, message) => {
      row.problems.push(message);
      ctx.log(`growth ${row.layout} ${row.keys}: ${message}`);
    },
  );
  return rows;
}
