#!/usr/bin/env node
// `npm run bench`: bootstrap, build the emulator as shipped, then run the benchmark suite
// (bench/run.ts), which writes bench/results.md and bench/results.json. Flags pass through.
import { bootstrap, fail, pnpmRun } from './bootstrap.mjs';
import { buildChanged } from './build-cache.mjs';

const pnpm = bootstrap();
if (!buildChanged(pnpm, ['emulator'])) fail('the emulator build failed');
process.exit(
  pnpmRun(pnpm, [
    '--filter',
    '@iam-testbed/bench',
    'exec',
    'tsx',
    'run.ts',
    ...process.argv.slice(2),
  ]),
);
