/**
 * @module sections/restart
 * Issue 16: "a restart on a 100,000-key store takes ≤ 2× a restart on a 100-key store". Each run
 * starts the CLI on a fresh copy of a seeded store folder (store/synthetic), stops it gracefully
 * (SIGTERM, waiting for the exit: it folds its log into the files on the way out), then times
 * spawn → `GET /_emulator/ready` 200 on the same folder. Start-up reads only index.json; each
 * tenant loads when first used, so the first create after the restart (on the measuring tenant,
 * which holds every key in the one-account layout) is timed too, and the one after it. Last, a
 * signed read with a key of the last synthetic tenant checks that the emulator accepts that
 * tenant's file too (it validates each file when it first loads it).
 */
import type { BenchContext } from '../context.js';
import { keepAliveAgent, send } from '../http-client.js';
import type { Layout } from '../options.js';
import { stopServer } from '../proc.js';
import type { RestartRow, RestartRun } from '../results.js';
import { copySeed, roundRobin, seedStore, startOn, type SeedStore } from '../store/seeded.js';
import type { Template } from '../store/template.js';
import { CREDENTIALS, emulatorMissing, signed } from '../targets/emulator.js';
import { growthTargets } from './growth.js';

/** a graceful stop that takes longer than this is cut short with SIGKILL (and fails the run) */
const STOP_GRACE_MS = 30_000;

const FAILED: RestartRun = {
  startMs: Number.NaN,
  stopMs: Number.NaN,
  restartMs: Number.NaN,
  firstCreateMs: Number.NaN,
  nextCreateMs: Number.NaN,
};

/** Two signed creates for the seed's first target user: their round trips. */
async function twoCreates(url: string, seed: SeedStore): Promise<[number, number]> {
  const userId = seed.targets[0];
  if (!userId) throw new Error('the seeded store has no target user');
  const agent = keepAliveAgent(1);
  const times: number[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const ex = await signed(url, seed.admin, {
        method: 'POST',
        path: CREDENTIALS,
        body: { credential: { user_id: userId, description: 'bench' } },
        domainId: seed.domainId,
      });
      const answer = await send(url, ex, agent);
      if (answer.status !== 201)
        throw new Error(
          `create after restart answered ${answer.status}: ${answer.text.slice(0, 200)}`,
        );
      times.push(answer.ms);
    }
  } finally {
    agent.destroy();
  }
  return [times[0] ?? Number.NaN, times[1] ?? Number.NaN];
}

/** A signed read with the seed's sample key: its tenant's file must load and pass the schema. */
async function checkSample(url: string, seed: SeedStore): Promise<void> {
  const { domainId, ...key } = seed.sample;
  const path = `${CREDENTIALS}/${key.access}`;
  const answer = await send(url, await signed(url, key, { method: 'GET', path, domainId }));
  if (answer.status !== 200)
    throw new Error(
      `a signed read with a key of tenant ${domainId} answered ${answer.status}: ${answer.text.slice(0, 200)}`,
    );
}

async function measure(ctx: BenchContext, seed: SeedStore): Promise<RestartRun> {
  const { dbPath, discard } = copySeed(ctx, seed);
  try {
    const first = await startOn(ctx, dbPath);
    const t0 = performance.now();
    await stopServer(first, 'SIGTERM', STOP_GRACE_MS);
    const stopMs = performance.now() - t0;
    if (first.child.signalCode === 'SIGKILL')
      throw new Error(`the first process did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM`);
    const again = await startOn(ctx, dbPath);
    try {
      const [firstCreateMs, nextCreateMs] = await twoCreates(again.url, seed);
      await checkSample(again.url, seed);
      return {
        startMs: first.readyMs,
        stopMs,
        restartMs: again.readyMs,
        firstCreateMs,
        nextCreateMs,
      };
    } finally {
      await stopServer(again, 'SIGTERM', STOP_GRACE_MS);
    }
  } finally {
    discard();
  }
}

export async function runRestart(
  ctx: BenchContext,
  template: Template | undefined,
  missing: string | undefined,
): Promise<RestartRow[]> {
  const configs: Array<{ layout: Layout; keys: number }> = ctx.opts.restartLayouts.flatMap(
    (layout) => ctx.opts.restartKeys.map((keys) => ({ layout, keys })),
  );
  const rows = configs.map(({ layout, keys }): RestartRow => ({
    layout,
    keys,
    tenants: Number.NaN,
    storeBytes: Number.NaN,
    runs: [],
    problems: [],
  }));
  const why = emulatorMissing() ?? missing;
  if (why || !template) {
    for (const row of rows) row.problems.push(why ?? 'no template store');
    return rows;
  }
  // the same stores as the growth section's (written once)
  const seeds = rows.map((row) => {
    const seed = seedStore(ctx, template, row.layout, row.keys, growthTargets(ctx));
    row.tenants = seed.tenants;
    row.storeBytes = seed.bytes;
    row.runs = Array.from({ length: ctx.opts.runs }, () => FAILED);
    return { row, seed };
  });
  await roundRobin(
    seeds,
    ctx.opts.runs,
    ctx.opts.slowRunMs,
    async ({ row, seed }, round) => {
      const run = await measure(ctx, seed);
      row.runs[round] = run;
      ctx.log(
        `restart ${row.layout} ${row.keys}: start ${run.startMs.toFixed(0)} ms, stop ${run.stopMs.toFixed(0)} ms, restart ${run.restartMs.toFixed(0)} ms, ` +
          `first create ${run.firstCreateMs.toFixed(1)} ms, next ${run.nextCreateMs.toFixed(1)} ms`,
      );
    },
    ({ row }, message) => {
      row.problems.push(message);
      ctx.log(`restart ${row.layout} ${row.keys}: ${message}`);
    },
  );
  return rows;
}
