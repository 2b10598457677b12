#!/usr/bin/env node
// `npm run emulator -- <flags>`: the emulator CLI with your flags (see `npm run emulator -- --help`).
import { bootstrap, pnpmRun, fail } from './bootstrap.mjs';
import { runEmulator } from './start.mjs';

const pnpm = bootstrap();
// Always rebuild: the esbuild bundle takes well under a second and a stale one misleads.
if (pnpmRun(pnpm, ['--filter', '@iam-testbed/emulator', 'build']) !== 0) fail('the emulator build failed');
runEmulator(process.argv.slice(2));
