/**
 * `npm run bench [-- --quick] [--out DIR] …`: runs the benchmark suite and writes results.md and
 * results.json (see src/options.ts for the flags and the time budget).
 */
import { join } from 'node:path';
import { runBench } from './src/bench.js';
import { parseOptions } from './src/options.js';

const t0 = Date.now();
const log = (line: string) =>
  process.stderr.write(`[bench +${((Date.now() - t0) / 1000).toFixed(0)}s] ${line}\n`);

let opts;
try {
  opts = parseOptions(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}

const results = await runBench(opts, log);
for (const t of results.targets)
  log(
    `${t.verdict.padEnd(6)} ${t.what}: ${Number.isFinite(t.value.median) ? t.value.median.toFixed(2) : '—'} (target ${t.target})`,
  );
log(
  `wrote ${join(opts.outDir, 'results.md')} and results.json in ${results.meta.totalSeconds.toFixed(0)} s`,
);
