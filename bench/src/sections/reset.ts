/**
 * @module sections/reset
 * `POST /_emulator/reset` (issue 5: back to the seed, without restart) timed by the client, on a
 * store folder holding 10 … 100,000 keys spread over tenants (issue 16: one tenant's reset at
 * 100,000 keys within 10 ms). Each run starts on a fresh copy of the store, asks for health once
 * (so the connection and the server are warm), uses the measuring tenant once (a signed read with
 * its admin's key: tenants load lazily, and a test worker resets a tenant it has been using),
 * resets that tenant (`?domain_id=`, what parallel test workers use), then everything.
 * A 404 or 405 means the control plane has not got the endpoint yet: reported, not a failure.
 */
import type { BenchContext } from '../context.js';
import { keepAliveAgent, send } from '../http-client.js';
import { stopServer } from '../proc.js';
import type { ResetRow } from '../results.js';
import { roundRobin, seedStore, startOnCopy, type SeedStore } from '../store/seeded.js';
import type { Template } from '../store/template.js';
import { CREDENTIALS, emulatorMissing, signed } from '../targets/emulator.js';
import { growthTargets } from './growth.js';

type Outcome = { ms: number; tenantMs: number } | { unavailable: string };

async function resetOnce(ctx: BenchContext, seed: SeedStore): Promise<Outcome> {
  const { server, discard } = await startOnCopy(ctx, seed);
  const agent = keepAliveAgent(1);
  const reset = async (query: string): Promise<{ ms: number } | { unavailable: string }> => {
    const path = `/_emulator/reset${query}`;
    const answer = await send(
      server.url,
      { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: '{}' },
      agent,
    );
    if (answer.status === 404 || answer.status === 405)
      return {
        unavailable: `POST ${path.replace(/=.*/, '=…')} answered ${answer.status}: not available yet`,
      };
    if (answer.status < 200 || answer.status >= 300)
      throw new Error(`POST ${path} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    return { ms: answer.ms };
  };
  try {
    await send(server.url, { method: 'GET', path: '/_emulator/health' }, agent);
    const read = await send(
      server.url,
      await signed(server.url, seed.admin, {
        method: 'GET',
        path: `${CREDENTIALS}/${seed.admin.access}`,
        domainId: seed.domainId,
      }),
      agent,
    );
    if (read.status !== 200)
      throw new Error(
        `the signed read before the reset answered ${read.status}: ${read.text.slice(0, 200)}`,
      );
    const tenant = await reset(`?domain_id=${seed.domainId}`);
    const all = await reset('');
    if ('unavailable' in all) return all;
    return { ms: all.ms, tenantMs: 'ms' in tenant ? tenant.ms : Number.NaN };
  } finally {
    agent.destroy();
    await stopServer(server, 'SIGTERM', 5000);
    discard();
  }
}

export async function runReset(
  ctx: BenchContext,
  template: Template | undefined,
  missing: string | undefined,
): Promise<ResetRow[]> {
  const rows = ctx.opts.resetKeys.map((keys): ResetRow => ({
    keys,
    ms: [],
    tenantMs: [],
    problems: [],
  }));
  const why = emulatorMissing() ?? missing;
  if (why || !template) {
    for (const row of rows) row.unavailable = why ?? 'no template store';
    return rows;
  }
  // the same stores as the growth section's (written once)
  const seeds = rows.map((row) => ({
    row,
    seed: seedStore(ctx, template, 'tenants', row.keys, growthTargets(ctx)),
  }));
  for (const { row } of seeds) {
    row.ms = Array.from({ length: ctx.opts.runs }, () => Number.NaN);
    row.tenantMs = [...row.ms];
  }
  await roundRobin(
    seeds,
    ctx.opts.runs,
    ctx.opts.slowRunMs,
    async ({ row, seed }, round) => {
      if (row.unavailable) return;
      const out = await resetOnce(ctx, seed);
      if ('unavailable' in out) {
        row.unavailable = out.unavailable;
        return;
      }
      row.ms[round] = out.ms;
      row.tenantMs[round] = out.tenantMs;
      ctx.log(
        `reset at ${row.keys} keys: ${out.ms.toFixed(2)} ms (one tenant: ${out.tenantMs.toFixed(2)} ms)`,
      );
    },
    ({ row }, message) => row.problems.push(message),
  );
  return rows;
}
