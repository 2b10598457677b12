/**
 * @module Starts the emulator in-process for a test file, on either store, with a ManualClock.
 *
 * Each started emulator gets its own temp directory (file store) so files never share state;
 * `close()` stops the server and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../../src/domain/clock';
import type { JournalEntry } from '../../src/testbed/journal';
import { startServer } from '../../src/server';
import type { TenantRequest } from '../../src/client/index';
import { createTenant, type Tenant } from './tenant';

export type StoreMode = 'memory' | 'file';
export const STORE_MODES: readonly StoreMode[] = ['memory', 'file'];

export interface EmulatorOptions {
  auth?: 'strict' | 'lenient';
  seedRandom?: number;
  /** Where the (frozen) ManualClock starts. @default now */
  clockStart?: number;
  /** Use this store folder instead of a fresh temp one (file store); it is not deleted on close. */
  dbPath?: string;
}

export interface Emulator {
  mode: StoreMode;
  url: string;
  port: number;
  /** The injected clock: advance it to expire temporary keys, tokens and AK locks. */
  clock: ManualClock;
  /** The lowdb store folder (file store only). */
  dbPath: string | undefined;
  /** A brand-new isolated account from `POST /_emulator/tenants`. */
  tenant(body?: TenantRequest): Promise<Tenant>;
  /**
   * The request journal's entry for an `X-Request-Id`. Read in-process until the control plane
   * exposes it as `GET /_emulator/requests` (issue 5).
   */
  journal(requestId: string): JournalEntry | undefined;
  close(): Promise<void>;
}

export async function startEmulator(
  mode: StoreMode,
  options: EmulatorOptions = {},
): Promise<Emulator> {
  const dir =
    mode === 'file' && !options.dbPath
      ? mkdtempSync(join(tmpdir(), 'iam-testbed-store-'))
      : undefined;
  const dbPath = mode === 'file' ? (options.dbPath ?? join(dir ?? '', 'db')) : undefined;
  const clock = new ManualClock(options.clockStart ?? Date.now());
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    ...(dbPath ? { dbPath } : { memory: true }),
    quiet: true,
    clock,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.seedRandom !== undefined ? { seedRandom: options.seedRandom } : {}),
  });
  return {
    mode,
    url: server.url,
    port: server.port,
    clock,
    dbPath,
    tenant: (body) => createTenant(server.url, body),
    journal: (requestId) => server.runtime.journal.list().find((e) => e.request_id === requestId),
    close: async () => {
      await server.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts one emulator for the enclosing `describe` and stops it afterwards. Returns a getter,
 * since the emulator only exists once `beforeAll` has run.
 */
export function useEmulator(mode: StoreMode, options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(mode, options);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('emulator not started: call the getter inside a test or hook');
    return emulator;
  };
}
