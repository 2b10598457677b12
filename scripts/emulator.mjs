#!/usr/bin/env node
// `npm run emulator -- <flags>`: the emulator CLI with your flags (see `npm run emulator -- --help`).
import { bootstrap, fail } from './bootstrap.mjs';
import { buildChanged } from './build-cache.mjs';
import { runEmulator } from './start.mjs';

const pnpm = bootstrap();
// Rebuilt when its sources (or shared's) changed, so a stale bundle never runs.
if (!buildChanged(pnpm, ['emulator'])) fail('the emulator build failed');
runEmulator(process.argv.slice(2));
