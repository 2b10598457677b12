/**
 * @module sections/startup
 * Spawn → ready (first HTTP answer; for our CLI, `/_emulator/ready` → 200), and RSS once idle, for the bare floor, Express 5 `.mjs`, our CLI as
 * shipped (`node emulator/dist/cli.mjs --memory --port P`) and Azurite (direct, fresh `--location`
 * per run). Targets take turns within each round; the first round(s) are discarded (cold disk
 * cache), as in docs/reference/perf-anchors.md.
 */
import { rotate, type BenchContext } from '../context.js';
import { freePort, rssMiB, sleep, startServer, stopServer, type ServerSpec } from '../proc.js';
import type { StartupId, StartupRow } from '../results.js';
import { bareSpec, expressSpec } from '../targets/baselines.js';
import { azuriteSpec } from '../targets/azurite.js';
import { emulatorMissing, emulatorSpec } from '../targets/emulator.js';

interface StartupTarget {
  id: StartupId;
  label: string;
  spec: (port: number) => ServerSpec;
}

function targets(ctx: BenchContext): { list: StartupTarget[]; missing: Map<StartupId, string> } {
  const list: StartupTarget[] = [
    { id: 'bare', label: 'bare node:http (.mjs)', spec: bareSpec },
    { id: 'express', label: 'Express 5 hello (.mjs)', spec: expressSpec },
  ];
  const missing = new Map<StartupId, string>();
  const emu = emulatorMissing();
  if (emu) missing.set('emulator', emu);
  else
    list.push({
      id: 'emulator',
      label: 'iam-testbed CLI bundle, --memory',
      spec: (port) => emulatorSpec(port, { memory: true }),
    });
  const az = ctx.azurite;
  if ('missing' in az) missing.set('azurite', az.missing);
  else
    list.push({
      id: 'azurite',
      label: 'Azurite 3.37 blob, disk',
      spec: (port) => azuriteSpec(az.entry, port, ctx.tempDir('azurite-startup')),
    });
  return { list, missing };
}

function commandLine(spec: ServerSpec): string {
  const rel = (a: string) =>
    a
      .replace(/^.*\/(emulator\/dist|bench\/src\/servers|node_modules\/azurite)\//, '$1/')
      .replace(/^.*\/\.work\/tmp\/[^ ]*/, '<fresh dir>');
  const port = (a: string, i: number, all: string[]) =>
    /^--(blobP|p)ort$/.test(all[i - 1] ?? '') ? 'P' : a;
  return ['node', ...spec.args.map(rel).map(port)].join(' ');
}

export async function runStartup(ctx: BenchContext): Promise<StartupRow[]> {
  const { list, missing } = targets(ctx);
  const rows = new Map<StartupId, StartupRow>();
  for (const t of list) {
    rows.set(t.id, {
      id: t.id,
      label: t.label,
      command: commandLine(t.spec(0)),
      firstAnswerMs: [],
      readyMs: [],
      rssServerMiB: [],
      rssTreeMiB: [],
      problems: [],
    });
  }
  const { discarded, runs, idleMs } = ctx.opts.startup;
  for (let round = 0; round < discarded + runs; round++) {
    for (const t of rotate(list, round)) {
      const row = rows.get(t.id);
      if (!row) continue;
      const keep = round >= discarded;
      try {
        const server = await startServer(t.spec(await freePort()));
        await sleep(idleMs);
        const rss = rssMiB(server.pid);
        await stopServer(server, 'SIGTERM', 1000);
        if (!keep) continue;
        row.firstAnswerMs.push(server.firstAnswerMs);
        row.readyMs.push(server.readyMs);
        row.rssServerMiB.push(rss.server);
        row.rssTreeMiB.push(rss.tree);
        ctx.log(
          `startup ${t.id} round ${round - discarded + 1}: ${server.readyMs.toFixed(0)} ms, ${rss.server.toFixed(1)} MiB`,
        );
      } catch (err) {
        row.problems.push((err as Error).message.split('\n')[0] ?? 'failed');
        if (keep) {
          row.firstAnswerMs.push(Number.NaN);
          row.readyMs.push(Number.NaN);
          row.rssServerMiB.push(Number.NaN);
          row.rssTreeMiB.push(Number.NaN);
        }
      }
    }
  }
  const out = [...rows.values()];
  for (const [id, why] of missing) {
    out.push({
      id,
      label: id === 'azurite' ? 'Azurite 3.37 blob, disk' : 'iam-testbed CLI bundle, --memory',
      command: '',
      firstAnswerMs: [],
      readyMs: [],
      rssServerMiB: [],
      rssTreeMiB: [],
      problems: [why],
    });
  }
  return out;
}
