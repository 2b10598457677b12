/**
 * @module options
 * The two profiles (`full` for `npm run bench`, `quick` for the smoke test) and the command line.
 * Every duration and size lives here, so the whole budget (under 10 minutes on 2 cores) can be
 * read in one place.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = join(BENCH_DIR, '..');

export type Layout = 'tenants' | 'one-account';

export interface BenchOptions {
  profile: 'full' | 'quick';
  /** where results.md and results.json go */
  outDir: string;
  /** scratch space: Azurite's install, store files, temp dirs */
  workDir: string;
  /** false in quick mode: no install, no Azurite rows */
  azurite: boolean;
  /** measured runs per figure (rounds) */
  runs: number;
  /** autocannon connections (and closed-loop workers) */
  connections: number;
  warmupSeconds: number;
  measureSeconds: number;
  /** pause between "first answer" and the load, as in the anchors */
  settleMs: number;
  startup: { discarded: number; runs: number; idleMs: number };
  resetKeys: number[];
  growthKeys: number[];
  growthLayouts: Layout[];
  /** per run: at most this many measured creates, and stop after this long (min 5 creates) */
  growthMaxCreates: number;
  growthBudgetMs: number;
  /** restart (issue 16): spawn → ready after a graceful stop, on stores of these sizes and layouts */
  restartKeys: number[];
  restartLayouts: Layout[];
  /** an emulator on a seeded store that is not ready by then fails the run, and its later rounds are skipped */
  seededStartTimeoutMs: number;
  /** a reset or growth configuration whose run takes longer than this gets one round only (budget) */
  slowRunMs: number;
  /** extra row: the permanent-key read on the file store (every read moves last_use_time) */
  fileStoreRead: boolean;
}

const FULL: Omit<BenchOptions, 'outDir' | 'workDir'> = {
  profile: 'full',
  azurite: true,
  runs: 3,
  connections: 10,
  warmupSeconds: 1.5,
  measureSeconds: 4,
  settleMs: 500,
  startup: { discarded: 1, runs: 3, idleMs: 1500 },
  // 100,000: issue 16's "reset one tenant at 100,000 keys ≤ 10 ms"
  resetKeys: [10, 1_000, 10_000, 100_000],
  growthKeys: [100, 1_000, 10_000, 100_000],
  growthLayouts: ['tenants', 'one-account'],
  growthMaxCreates: 100,
  growthBudgetMs: 4_000,
  restartKeys: [100, 100_000],
  restartLayouts: ['tenants', 'one-account'],
  seededStartTimeoutMs: 45_000,
  slowRunMs: 30_000,
  fileStoreRead: true,
};

const QUICK: Omit<BenchOptions, 'outDir' | 'workDir'> = {
  profile: 'quick',
  azurite: false,
  runs: 2,
  connections: 4,
  warmupSeconds: 0.2,
  measureSeconds: 0.5,
  settleMs: 50,
  startup: { discarded: 0, runs: 2, idleMs: 200 },
  resetKeys: [10, 100],
  growthKeys: [20, 200],
  growthLayouts: ['tenants', 'one-account'],
  growthMaxCreates: 8,
  growthBudgetMs: 1_000,
  restartKeys: [20, 200],
  restartLayouts: ['tenants', 'one-account'],
  seededStartTimeoutMs: 30_000,
  slowRunMs: 30_000,
  fileStoreRead: false,
};

export const USAGE = `usage: npm run bench [-- --quick] [--out DIR] [--work DIR] [--runs N] [--no-azurite]
  --quick        seconds, not minutes: no Azurite, tiny durations and stores (the smoke test)
  --out DIR      where results.md and results.json are written (default: bench/)
  --work DIR     scratch directory (default: bench/.work, git-ignored)
  --runs N       measured rounds per figure (default 3; quick 2)
  --no-azurite   skip installing and measuring Azurite`;

/** Parses argv (flags after `npm run bench --`). Throws with the usage on anything unknown. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const opts: BenchOptions = {
    ...(quick ? QUICK : FULL),
    outDir: BENCH_DIR,
    workDir: join(BENCH_DIR, '.work'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--quick') continue;
    else if (arg === '--out') opts.outDir = value();
    else if (arg === '--work') opts.workDir = value();
    else if (arg === '--no-azurite') opts.azurite = false;
    else if (arg === '--runs') opts.runs = positiveInt(value(), '--runs');
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else throw new Error(`unknown flag ${arg}\n${USAGE}`);
  }
  return opts;
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${flag} must be a positive integer, got "${text}"`);
  return n;
}
