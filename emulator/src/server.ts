/**
 * @module server
 * `startServer(options)` → `{url, port, close()}`: listens (127.0.0.1 by default; 503 "starting"
 * until ready), opens the store, imports or seeds it (boot.ts), then serves the Huawei APIs, the
 * control plane and the console. Options mirror the CLI flags, plus an injectable clock.
 */
import { readFile } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { bootRuntime } from './boot.js';
import { CONSOLE_ROUTES, consoleFront } from './console/index.js';
import { startingResponse } from './control/starting.js';
import type { CreatedAccount } from './domain/accounts.js';
import { ManualClock, SystemClock, type Clock } from './domain/clock.js';
import { DEFAULT_SEED, parseSeedFile, type SeedFile } from './domain/seed.js';
import { existsSync, statSync } from 'node:fs';
import type { TenantDoc } from './domain/state.js';
import { createExpressApp } from './http/express-app.js';
import { ALL_ROUTES } from './http/routes/index.js';
import { explainListenError } from './listen-error.js';
import { defaultDbPath, legacyDefaultDbPath } from './paths.js';
import type { AuthMode, Runtime } from './runtime.js';
import { openLowdbStore } from './store/lowdb/open-lowdb-store.js';
import { migrateV1 } from './store/lowdb/migrate-v1.js';
import { openMemoryStore } from './store/memory-store.js';
import type { StorePort } from './store/port.js';
import { readStateFile, writeStateFile } from './store/state-file.js';
import { VERSION } from './version.js';

export interface ServerOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /**
   * The lowdb store folder (a version-1 store file there is migrated). @default `<repo>/.data/iam-testbed`
   * unless `memory`
   */
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
  /** Start from this state export instead of the store's content (validated; exits on a bad file). */
  importFile?: string;
  /** Write the state to this file when `close()` is called (the CLI calls it on SIGINT/SIGTERM). */
  exportOnExit?: string;
  /** Require this token in `X-Iam-Testbed-Control-Token` on every /_emulator call but health and ready. */
  controlToken?: string;
  /** Serve the emulated console (/authui, /iam, /console-api). @default true */
  console?: boolean;
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
  /** The seed accounts as they were at start (banner, `exec` variables). */
  seedState: TenantDoc;
  close(): Promise<void>;
}

async function loadSeed(seedFile: string | undefined): Promise<SeedFile> {
  if (seedFile === undefined) return DEFAULT_SEED;
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(seedFile, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the seed file ${seedFile}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseSeedFile(doc, seedFile);
}

async function openStore(options: ServerOptions, clock: Clock): Promise<StorePort> {
  if (options.memory) return openMemoryStore([], { created_at: clock.now(), starts: 0 });
  const path = options.dbPath ?? defaultDbPath();
  // The default store of 0.1 was one file beside today's default folder: bring it along once.
  const legacy = legacyDefaultDbPath();
  if (
    options.dbPath === undefined &&
    !existsSync(path) &&
    existsSync(legacy) &&
    statSync(legacy).isFile()
  )
    await migrateV1(legacy, path);
  return openLowdbStore(path, { now: clock.now() });
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      const explained = explainListenError(error, host, port);
      reject(explained instanceof Error ? explained : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Answers while the store is loading (see control/starting.ts). */
function startingListener(wallClock: Clock, startedAt: number): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const reply = startingResponse(req.method ?? 'GET', req.url ?? '/', {
      version: VERSION,
      startedAt,
      now: wallClock.now(),
    });
    res.writeHead(reply.status, {
      'Content-Type': 'application/json;charset=utf-8',
      ...reply.headers,
    });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    req.resume();
  };
}

function appFor(rt: Runtime, options: ServerOptions): RequestListener {
  // One Express app and one dispatcher: the console's pages answer their paths first; the Huawei
  // API, the control plane and the console API all go through the dispatcher (a second nested app
  // cost a whole extra pass).
  return createExpressApp(
    rt,
    options.console === false
      ? {}
      : { routes: [...ALL_ROUTES, ...CONSOLE_ROUTES], front: consoleFront() },
  );
}

/** `--host myname` makes `myname` an acceptable Host for the control plane (IPs always are). */
function trustedHosts(host: string): string[] {
  return isIP(host) !== 0 || host === '0.0.0.0' || host === '::' ? [] : [host];
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? new ManualClock(undefined, { frozen: false });
  const wallClock = options.wallClock ?? new SystemClock();
  const startedAt = wallClock.now();
  const seed = await loadSeed(options.seedFile);
  const importDoc =
    options.importFile === undefined ? undefined : await readStateFile(options.importFile);
  let listener = startingListener(wallClock, startedAt);
  const server = createServer((req, res) => listener(req, res));
  const address = await listen(server, options.port ?? 0, host);
  let store: StorePort | undefined;
  try {
    store = await openStore(options, clock);
    const { rt, seeded, seedState } = await bootRuntime(store, {
      seed,
      importDoc,
      clock,
      wallClock,
      auth: options.auth,
      seedRandom: options.seedRandom,
      journalSize: options.journalSize,
      controlToken: options.controlToken,
      trustedHosts: trustedHosts(host),
    });
    listener = appFor(rt, options);
    rt.ready = true;
    const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const opened = store;
    return {
      url: `http://${urlHost}:${address.port}`,
      port: address.port,
      host,
      runtime: rt,
      seed,
      seeded,
      seedState,
      close: once(() => closeAll(server, opened, options.exportOnExit)),
    };
  } catch (error) {
    await closeServer(server);
    await store?.close();
    throw error;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function closeAll(
  server: Server,
  store: StorePort,
  exportTo: string | undefined,
): Promise<void> {
  await closeServer(server);
  try {
    if (exportTo !== undefined) await writeStateFile(exportTo, await store.exportAll());
  } finally {
    await store.close();
  }
}
