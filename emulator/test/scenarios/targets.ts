/**
 * @module The three ways the scenario suite runs (docs/reference/emulator-anchors.md §7.11): a started server on
 * the lowdb store (a folder), a started server in memory, and the in-process msw handlers with no
 * server and no port (the official SDK talks to https://iam.myhuaweicloud.com and msw answers).
 * Every target exposes the same control-plane client, so scenarios are written once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, vi } from 'vitest';
import { startEmulator } from '../../src/client/index';
import type { EmulatorClient } from '../../src/client/index';
import { createIamHandlers } from '../../src/msw/index';
import type { Runtime } from '../../src/runtime';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

export type TargetMode = 'file' | 'memory' | 'msw';

export interface Target {
  mode: TargetMode;
  /** Where the SDK and the client point. */
  url: string;
  client: EmulatorClient;
  /** The emulator's runtime (same object in every mode), for calling the console's domain functions. */
  runtime: Runtime;
  close(): Promise<void>;
}

async function startTarget(mode: TargetMode): Promise<Target> {
  if (mode === 'msw') {
    const iam = createIamHandlers();
    const server = setupServer(...iam);
    // Anything not answered by the handlers fails the test: proof that no socket is used.
    server.listen({ onUnhandledRequest: 'error' });
    return {
      mode,
      url: iam.baseUrl,
      client: iam.client,
      runtime: iam.runtime,
      close: async () => server.close(),
    };
  }
  const dir = mode === 'file' ? mkdtempSync(join(tmpdir(), 'iam-testbed-scenarios-')) : undefined;
  const emu = await startEmulator(dir ? { dbPath: join(dir, 'db') } : { memory: true });
  return {
    mode,
    url: emu.url,
    client: emu.client,
    runtime: emu.runtime,
    close: async () => {
      await emu.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One target for the enclosing describe; the getter works inside tests and hooks. */
export function useTarget(mode: TargetMode): () => Target {
  let target: Target | undefined;
  beforeAll(async () => {
    target = await startTarget(mode);
  });
  afterAll(async () => {
    await target?.close();
  });
  return () => {
    if (!target) throw new Error('target not started');
    return target;
  };
}
