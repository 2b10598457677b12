/**
 * @module server
 * `startServer(options)` → `{url, port, close()}`: opens the store, seeds a fresh one, builds the
 * runtime and listens (127.0.0.1 by default). Options mirror the CLI flags, plus an injectable
 * clock for tests and the control plane.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CreatedAccount } from './domain/accounts.js';
import { ManualClock, SystemClock, type Clock } from './domain/clock.js';
import { randomFor } from './domain/random.js';
import { applySeed, DEFAULT_SEED, parseSeedFile, type SeedFile } from './domain/seed.js';
import { emptyState, isEmpty } from './domain/state.js';
import { createExpressApp } from './http/express-app.js';
import { defaultDbPath } from './paths.js';
import { createRuntime, type AuthMode, type Runtime } from './runtime.js';
import { FileStore } from './store/file-store.js';
import { MemoryStore } from './store/memory-store.js';
import type { Store } from './store/store.js';
import { VERSION } from './version.js';

export interface ServerOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** The lowdb JSON file. @default `<repo>/.data/iam-testbed.json` unless `memory` */
  dbPath?: string;
  /** Keep state in memory only. @default false */
  memory?: boolean;
  /** Fixtures for a fresh store (format: emulator/README.md). @default the built-in seed */
  seedFile?: string;
  /** @default 'strict' */
  auth?: AuthMode;
  /** Deterministic IDs, keys and tokens. */
  seedRandom?: number;
  /** Accepted for symmetry with the CLI; startServer itself prints nothing. */
  quiet?: boolean;
  /** Emulator time. @default a running ManualClock (wall time until moved) */
  clock?: Clock;
  /** For X-Sdk-Date skew only. @default the system clock */
  wallClock?: Clock;
  /** Request journal capacity. @default 1000 */
  journalSize?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  runtime: Runtime;
  /** The seed in effect (for the banner). */
  seed: SeedFile;
  /** Accounts created by seeding at this start; empty when the store already had state. */
  seeded: CreatedAccount[];
  close(): Promise<void>;
}

async function loadSeed(seedFile: string | undefined): Promise<SeedFile> {
  if (seedFile === undefined) return DEFAULT_SEED;
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(seedFile, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the seed file ${seedFile}: ${(error as Error).message}`);
  }
  return parseSeedFile(doc, seedFile);
}

async function openStore(options: ServerOptions, clock: Clock): Promise<Store> {
  const initial = () => emptyState(clock.now());
  if (options.memory) return new MemoryStore(initial());
  return FileStore.open(options.dbPath ?? defaultDbPath(), initial);
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? new ManualClock(undefined, { frozen: false });
  const seed = await loadSeed(options.seedFile);
  const store = await openStore(options, clock);
  try {
    const state = store.state;
    state.meta.starts += 1;
    const generation = state.meta.starts;
    const rt = createRuntime({
      store,
      clock,
      wallClock: options.wallClock ?? new SystemClock(),
      random: randomFor(options.seedRandom, `entities#${generation}`),
      requestIds: randomFor(options.seedRandom, `request-ids#${generation}`),
      authMode: options.auth ?? 'strict',
      version: VERSION,
      journalSize: options.journalSize,
    });
    const seeded = isEmpty(state) ? applySeed(state, seed, { clock, random: rt.random }) : [];
    await store.commit();
    const server = createServer(createExpressApp(rt));
    const address = await listen(server, options.port ?? 0, host);
    const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${urlHost}:${address.port}`,
      port: address.port,
      host,
      runtime: rt,
      seed,
      seeded,
      close: () => closeAll(server, store),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function closeAll(server: Server, store: Store): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await store.close();
}
