/**
 * @module Runs once before the e2e files: empties `e2e/artifacts/` so its screenshots are this
 * run's only, and stops early, with the command to run, when a build the journeys need is missing.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, EMULATOR_CLI, EXTENSION_DIR } from './paths.js';

export default function setup(): void {
  rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  const cli = process.env.E2E_EMULATOR_CLI || EMULATOR_CLI;
  const web = join(cli, '..', 'web', 'index.html');
  const needed: Array<[string, string]> = [
    [cli, 'the emulator bundle'],
    [web, 'the console web app'],
    [join(EXTENSION_DIR, 'manifest.json'), 'the Chrome build of the extension'],
  ];
  const missing = needed.filter(([path]) => !existsSync(path));
  if (missing.length) {
    throw new Error(
      `E2E_NOT_BUILT: missing ${missing.map(([p, what]) => `${what} (${p})`).join(', ')}. Run: pnpm -r --if-present build`,
    );
  }
}
