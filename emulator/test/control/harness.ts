/**
 * @module Control-plane test harness: an emulator started with `startEmulator` (the QA kit)
 * for the enclosing describe, with a frozen ManualClock so times can be asserted exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { startEmulator, type EmulatorClient, type StartedEmulator } from '../../src/client/index';
import { ManualClock } from '../../src/domain/clock';
import type { ServerOptions } from '../../src/server';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

export const T0 = Date.parse('2030-01-02T03:04:05.000Z');

export interface ControlEmulator {
  url: string;
  client: EmulatorClient;
  clock: ManualClock;
  runtime: StartedEmulator['runtime'];
  /** The temp folder of this emulator (file store, exports). */
  dir: string;
}

/**
 * Starts one emulator for the describe: in memory, or with `file: true` on a lowdb store folder in its
 * own temp folder; `clock` frozen at T0 unless given.
 */
export function useControlEmulator(
  options: ServerOptions & { file?: boolean } = {},
): () => ControlEmulator {
  let running: { emu: StartedEmulator; clock: ManualClock; dir: string } | undefined;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-control-'));
    const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock(T0);
    const { file, ...rest } = options;
    const emu = await startEmulator({
      clock,
      ...rest,
      ...(file ? { memory: false, dbPath: join(dir, 'db') } : {}),
    });
    running = { emu, clock, dir };
  });
  afterAll(async () => {
    await running?.emu.stop();
    if (running) rmSync(running.dir, { recursive: true, force: true });
  });
  return () => {
    if (!running) throw new Error('emulator not started');
    const { emu, clock, dir } = running;
    return { url: emu.url, client: emu.client, clock, runtime: emu.runtime, dir };
  };
}

/** Every string in a tenant response that must never appear in another control-plane answer. */
export function secretsOf(t: {
  admin: { password: string; access_key: { secret: string } };
  iam_user: { password: string; access_key: { secret: string } };
}): string[] {
  return [
    t.admin.password,
    t.admin.access_key.secret,
    t.iam_user.password,
    t.iam_user.access_key.secret,
  ];
}
