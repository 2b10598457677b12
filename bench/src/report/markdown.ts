/**
 * @module report/markdown
 * results.md: machine and method first, then where we stand against issues 9 and 16's targets, then every
 * measured table. All figures come from one run of the bench.
 */
import type { BenchResults, GrowthRow, RateRow, RestartRow } from '../results.js';
import { pairedRatio, summarize } from '../stats.js';
import { MIN_CREATES, WARMUP_CREATES } from '../sections/growth.js';
import { num, ratio, summary, table } from './format.js';

const STATUS = { met: '✅ met', missed: '❌ missed', 'n/a': '— not measured' } as const;

function header(r: BenchResults): string {
  const m = r.meta;
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\`${m.profile === 'quick' ? ' --quick (smoke profile: tiny durations, not for quoting)' : ''} on ${m.date}, in ${num(m.totalSeconds, 0)} s.`,
    '',
    table(
      ['machine', 'value'],
      [
        ['cores (`os.availableParallelism()`)', String(m.cores)],
        ['CPU', m.cpuModel],
        ['memory', `${num(m.memoryGiB, 1)} GiB`],
        ['Node', m.node],
        ['platform', m.platform],
        [
          'load average at start (1/5/15 min)',
          m.loadAverageAtStart.map((l) => num(l, 2)).join(' / '),
        ],
        ['Azurite', m.azurite ?? 'not measured'],
      ],
    ),
    '',
    `Each figure is the **median (min–max) of ${m.runs} rounds**; in a round every target runs once, on fresh server processes, ` +
      `in an order that rotates between rounds. Ratios are taken inside each round (paired) and then summarised, because the ` +
      `machine is shared and noisy: compare ratios, not absolute numbers, with other machines. Load: ${m.connections} connections, ` +
      `${num(m.warmupSeconds, 1)} s warm-up (discarded) + ${num(m.measureSeconds, 1)} s measured, load generator on the same machine.`,
  ].join('\n');
}

function targets(r: BenchResults): string {
  const rows = r.targets.map((t) => [
    t.what,
    t.id.includes('rss') || t.id.startsWith('reset') || t.id === 'durable'
      ? summary(t.value)
      : ratio(t.value),
    t.target,
    STATUS[t.verdict],
    t.note ?? '',
  ]);
  const count = (v: string) => r.targets.filter((t) => t.verdict === v).length;
  const tally = `${count('met')} of ${r.targets.length} targets met, ${count('missed')} missed, ${count('n/a')} not measured in this run.`;
  return [
    '## Where we stand (targets from issues 9 and 16)',
    '',
    tally,
    '',
    table(['figure', 'measured', 'target', 'status', 'note'], rows),
  ].join('\n');
}

/** Paired ratio against a baseline row; a cycle is two requests, so it has none. */
function vs(row: RateRow, base: RateRow['id'], mine: number[], theirs: number[]): string {
  if (row.id === base) return '1×';
  if (row.id === 'create-delete') return '—';
  return ratio(pairedRatio(mine, theirs));
}

function throughput(r: BenchResults): string {
  const rates = (id: RateRow['id']) =>
    r.throughput.find((x) => x.id === id)?.runs.map((x) => x.rate) ?? [];
  const rows = r.throughput.map((row) => {
    const mine = row.runs.map((x) => x.rate);
    const failures = row.runs.reduce((a, x) => a + x.failures, 0);
    return [
      row.label,
      row.runs.length ? `${summary(summarize(mine))} ${row.unit}` : '—',
      summary(summarize(row.runs.map((x) => x.p50Ms))),
      summary(summarize(row.runs.map((x) => x.p99Ms))),
      vs(row, 'express', mine, rates('express')),
      vs(row, 'azurite', mine, rates('azurite')),
      row.tool,
      String(failures),
    ];
  });
  return [
    '## Throughput and latency',
    '',
    'Reads and minting replay one signed request with autocannon (signed afresh for each run: `X-Sdk-Date` must stay within 15 minutes). ' +
      'The baselines get the very same request (path and signed headers) and answer a credential-shaped JSON body without checking anything. ' +
      'The create→delete cycle cannot be replayed (the delete is signed over the AK the create returned), so a closed loop of as many workers as ' +
      'connections runs it, each worker on its own user, signing every request with `signRequest`; its latency is the two round trips of a cycle. ' +
      'Latencies are per response, at full resolution. Each emulator round probes first: the expected status, and 401 for a tampered signature.',
    '',
    table(
      [
        'target',
        'throughput',
        'p50 (ms)',
        'p99 (ms)',
        '× Express 5',
        '× Azurite',
        'tool',
        'failed requests',
      ],
      rows,
    ),
  ].join('\n');
}

function startup(r: BenchResults): string {
  const rows = r.startup.map((s) => [
    s.label,
    s.command ? `\`${s.command}\`` : '—',
    summary(summarize(s.firstAnswerMs), 0),
    summary(summarize(s.readyMs), 0),
    summary(summarize(s.rssServerMiB), 1),
    summary(summarize(s.rssTreeMiB), 1),
  ]);
  return [
    '## Start-up and idle memory',
    '',
    'Spawn → first HTTP answer (any status; polled every 5 ms) and → ready: the same for the baselines and Azurite, which answer only once ' +
      'ready; our CLI listens before its store is loaded and answers 503 until then, so its ready is `GET /_emulator/ready` → 200. ' +
      'Then RSS from `/proc` after the server has idled ' +
      `${num(r.meta.startupIdleMs / 1000, 1)} s. Our CLI is started as shipped: the esbuild bundle, no tsx.`,
    '',
    table(
      [
        'server',
        'command',
        'spawn → first answer (ms)',
        'spawn → ready (ms)',
        'idle RSS (MiB)',
        'process tree RSS (MiB)',
      ],
      rows,
    ),
  ].join('\n');
}

function reset(r: BenchResults): string {
  const rows = r.reset.map((x) =>
    x.unavailable
      ? [num(x.keys, 0), `not available (${x.unavailable})`, '—']
      : [num(x.keys, 0), summary(summarize(x.ms)), summary(summarize(x.tenantMs))],
  );
  return [
    '## `POST /_emulator/reset`',
    '',
    'Client-measured round trip of one reset, on a store folder (`--db`) pre-filled with that many keys spread over tenants, a fresh copy ' +
      'per run: a signed read in the measuring tenant (tenants load lazily; a test worker resets a tenant it has been using), then ' +
      '`?domain_id=` for that tenant (what parallel test workers use), then the whole store.',
    '',
    table(['keys in the store', 'reset everything (ms)', 'reset one tenant (ms)'], rows),
  ].join('\n');
}

function worstOnDisk(g: GrowthRow): string {
  const shares = g.runs.map((x) => x.onDisk * 100).filter(Number.isFinite);
  return shares.length ? `${num(Math.min(...shares), 0)} %` : '—';
}

function growth(r: BenchResults): string {
  const base = (g: GrowthRow) =>
    r.growth.filter((x) => x.layout === g.layout).sort((a, b) => a.keys - b.keys)[0];
  const rows = r.growth.map((g) => {
    const first = base(g);
    const p99 = g.runs.map((x) => x.p99Ms);
    return [
      g.layout === 'tenants' ? 'spread over tenants' : 'one account',
      num(g.keys, 0),
      num(g.storeBytes / 2 ** 20, 1),
      summary(summarize(g.runs.map((x) => x.startMs)), 0),
      summary(summarize(g.runs.map((x) => x.firstMs))),
      summary(summarize(g.runs.map((x) => x.p50Ms))),
      summary(summarize(p99)),
      summary(summarize(g.runs.map((x) => x.meanMs))),
      summary(summarize(g.runs.map((x) => x.creates)), 0),
      first && first !== g
        ? ratio(
            pairedRatio(
              p99,
              first.runs.map((x) => x.p99Ms),
            ),
          )
        : '1×',
      worstOnDisk(g),
    ];
  });
  return [
    '## Create-key latency as the store grows',
    '',
    `Sequential signed \`POST /v3.0/OS-CREDENTIAL/credentials\` (one connection; ${WARMUP_CREATES} warm-up create not counted in the percentiles), ` +
      "client-timed, on the store folder (`--db`). The stores were written directly in the emulator's folder layout before start (`index.json` " +
      'and one file per account; seeding 100,000 keys through HTTP would take longer than the whole bench), from a template the emulator ' +
      'itself wrote. The CLI reads only `index.json` at start and loads a tenant\'s file when it is first used: "first create" is the warm-up ' +
      'create, the first request on the measuring tenant. "Spread over tenants": copies of a tenant as ' +
      '`POST /_emulator/tenants` makes it, admin and IAM user at 2 keys each. "One account": one account, many IAM users at 2 keys each. ' +
      `A run stops after its time budget (at least ${MIN_CREATES} creates; with so few, p99 is the slowest). After` +
      ' each run the emulator is SIGKILLed and its folder read back (`readStoreFolder`: tenant files plus write-ahead log): the last column ' +
      'is the share of acknowledged creates found in it (worst run). "Spawn → ready" is how long the CLI takes to open that store; ' +
      'a store it cannot load within the time limit fails its run (see Problems) and its later rounds are skipped.',
    '',
    table(
      [
        'layout',
        'keys',
        'store folder (MiB)',
        'spawn → ready (ms)',
        'first create (ms)',
        'create p50 (ms)',
        'create p99 (ms)',
        'mean (ms)',
        'creates per run',
        'p99 ÷ smallest store',
        'acknowledged on disk',
      ],
      rows,
    ),
  ].join('\n');
}

function restart(r: BenchResults): string {
  const base = (x: RestartRow) =>
    r.restart.filter((y) => y.layout === x.layout).sort((a, b) => a.keys - b.keys)[0];
  const rows = r.restart.map((x) => {
    const first = base(x);
    const ms = x.runs.map((y) => y.restartMs);
    return [
      x.layout === 'tenants' ? 'spread over tenants' : 'one account',
      num(x.keys, 0),
      num(x.tenants, 0),
      num(x.storeBytes / 2 ** 20, 1),
      summary(summarize(x.runs.map((y) => y.startMs)), 0),
      summary(summarize(x.runs.map((y) => y.stopMs)), 0),
      summary(summarize(ms), 0),
      first && first !== x
        ? ratio(
            pairedRatio(
              ms,
              first.runs.map((y) => y.restartMs),
            ),
          )
        : '1×',
      summary(summarize(x.runs.map((y) => y.firstCreateMs))),
      summary(summarize(x.runs.map((y) => y.nextCreateMs))),
    ];
  });
  return [
    '## Restart on a large store',
    '',
    'Each run starts the CLI (`--db`) on a fresh copy of the seeded store folder, stops it with SIGTERM and waits for the exit (it folds its ' +
      'write-ahead log into the files on the way out), then times spawn → `GET /_emulator/ready` 200 on the same folder (5 ms polling). ' +
      'Tenants load lazily, so the first signed create after the restart (on the measuring tenant: in the one-account layout the tenant ' +
      'holding every key) and the create after it are timed as well. Same stores as the growth section.',
    '',
    table(
      [
        'layout',
        'keys',
        'tenant files',
        'store folder (MiB)',
        'first start (ms)',
        'SIGTERM → exit (ms)',
        'restart: spawn → ready (ms)',
        'restart ÷ smallest store',
        'first create after restart (ms)',
        'next create (ms)',
      ],
      rows,
    ),
  ].join('\n');
}

function notes(r: BenchResults): string {
  const problems = [
    ...r.throughput.flatMap((x) => x.problems.map((p) => `throughput ${x.id}: ${p}`)),
    ...r.startup.flatMap((x) => x.problems.map((p) => `start-up ${x.id}: ${p}`)),
    ...r.reset.flatMap((x) => x.problems.map((p) => `reset ${x.keys}: ${p}`)),
    ...r.growth.flatMap((x) => x.problems.map((p) => `growth ${x.layout} ${x.keys}: ${p}`)),
    ...r.restart.flatMap((x) => x.problems.map((p) => `restart ${x.layout} ${x.keys}: ${p}`)),
  ];
  const lines = ['## Notes', '', ...r.notes.map((n) => `- ${n}`)];
  if (problems.length)
    lines.push('', '### Problems in this run', '', ...problems.map((p) => `- ${p}`));
  return lines.join('\n');
}

export function renderMarkdown(r: BenchResults): string {
  return `${[header(r), targets(r), throughput(r), startup(r), reset(r), growth(r), restart(r), notes(r)].join('\n\n')}\n`;
}
