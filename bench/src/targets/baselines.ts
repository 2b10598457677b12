/**
 * @module targets/baselines
 * The floor (bare `node:http`) and Express 5 hello-world, as plain `.mjs` files started by node.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, REPO_ROOT } from '../options.js';
import type { ServerSpec } from '../proc.js';

const SERVERS = join(BENCH_DIR, 'src', 'servers');

/** The emulator's own Express 5 (the bench depends on nothing extra for it). */
export function expressUrl(): string {
  const require = createRequire(join(REPO_ROOT, 'emulator', 'package.json'));
  return pathToFileURL(require.resolve('express')).href;
}

export function bareSpec(port: number): ServerSpec {
  return {
    name: 'bare node:http',
    cmd: process.execPath,
    args: [join(SERVERS, 'bare.mjs')],
    cwd: SERVERS,
    env: { PORT: String(port) },
    port,
  };
}

export function expressSpec(port: number): ServerSpec {
  return {
    name: 'Express 5 hello',
    cmd: process.execPath,
    args: [join(SERVERS, 'express.mjs')],
    cwd: SERVERS,
    env: { PORT: String(port), EXPRESS_URL: expressUrl() },
    port,
  };
}
