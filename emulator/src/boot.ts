/**
 * @module boot
 * Turns a store into a running emulator's Runtime: count the start, apply `--import`, seed a
 * store that has no account, and record the seed accounts' reset baselines (other accounts get
 * theirs when first read). The HTTP server (server.ts) boots an opened store; the in-process msw
 * handlers and test helpers boot a memory store synchronously (they must hand out their runtime
 * at once). Both go through the same steps, so they behave alike.
 */
import type { CreatedAccount } from './domain/accounts.js';
import type { Clock } from './domain/clock.js';
import { randomFor } from './domain/random.js';
import { seedTenants, type SeedFile } from './domain/seed.js';
import type { StateDoc, TenantDoc } from './domain/state.js';
import { mergeTenants, splitByTenant } from './domain/tenant-docs.js';
import { createRuntime, type AuthMode, type Runtime } from './runtime.js';
import { openMemoryStore } from './store/memory-store.js';
import type { StorePort } from './store/port.js';
import { VERSION } from './version.js';

export interface BootOptions {
  seed: SeedFile;
  /** A validated document that replaces the store's content first (`--import FILE`). */
  importDoc?: StateDoc;
  clock: Clock;
  wallClock: Clock;
  auth?: AuthMode;
  seedRandom?: number;
  journalSize?: number;
  controlToken?: string;
  trustedHosts?: readonly string[];
}

export interface Booted {
  rt: Runtime;
  /** Accounts created by seeding at this start; empty when the store already had accounts. */
  seeded: CreatedAccount[];
  /** The seed accounts as they were at this start, merged (banner, `exec` variables). */
  seedState: TenantDoc;
}

/** The runtime for start number `generation` (it labels the `--seed-random` streams). */
function runtimeFor(store: StorePort, options: BootOptions, generation: number): Runtime {
  const rt = createRuntime({
    store,
    clock: options.clock,
    wallClock: options.wallClock,
    random: randomFor(options.seedRandom, `entities#${generation}`),
    requestIds: randomFor(options.seedRandom, `request-ids#${generation}`),
    chance: randomFor(options.seedRandom, `faults#${generation}`),
    authMode: options.auth ?? 'strict',
    version: VERSION,
    journalSize: options.journalSize,
    controlToken: options.controlToken,
    trustedHosts: options.trustedHosts,
    ready: false,
  });
  // A tenant that was in the store before this start: its baseline is how it was first read.
  store.onFirstLoad = (doc) => rt.baselines.captureIfMissing(doc, 'store');
  return rt;
}

const importedTenants = (doc: StateDoc): TenantDoc[] => [...splitByTenant(doc).values()];

/**
 * Boots an opened store; the caller sets `rt.ready`. The seed accounts (what a full reset keeps)
 * are those just seeded, all of an `--import` file, or, in a store that already existed, the
 * accounts named in the seed.
 */
export async function bootRuntime(store: StorePort, options: BootOptions): Promise<Booted> {
  const imported = options.importDoc && importedTenants(options.importDoc);
  if (imported) await store.replaceAll(imported);
  const generation = await store.countStart(options.importDoc?.meta.starts ?? 0);
  const rt = runtimeFor(store, options, generation);
  if (imported) {
    for (const doc of imported) rt.baselines.capture(doc, 'seed');
    return { rt, seeded: [], seedState: merged(imported) };
  }
  if ((await store.listTenants()).length === 0) {
    const seeded = seedTenants(options.seed, { clock: rt.clock, random: rt.random });
    for (const { doc } of seeded) {
      await store.insertTenant(doc);
      rt.baselines.capture(doc, 'seed');
    }
    return {
      rt,
      seeded: seeded.map((s) => s.created),
      seedState: merged(seeded.map((s) => s.doc)),
    };
  }
  const found: TenantDoc[] = [];
  for (const spec of options.seed.accounts) {
    const id = await store.findTenant('account_name', spec.name);
    const doc = id === undefined ? undefined : await store.read(id, (d) => structuredClone(d));
    if (doc) found.push(doc);
  }
  for (const doc of found) rt.baselines.capture(doc, 'seed');
  return { rt, seeded: [], seedState: merged(found) };
}

const merged = (docs: readonly TenantDoc[]): TenantDoc =>
  mergeTenants(docs, { created_at: 0, starts: 0 });

/** A memory store booted at once (msw handlers, in-process tests): seeded, or from `importDoc`. */
export function bootMemoryRuntime(options: BootOptions): Booted {
  const generation = (options.importDoc?.meta.starts ?? 0) + 1;
  const store = openMemoryStore([], { created_at: options.clock.now(), starts: generation });
  const rt = runtimeFor(store, options, generation);
  const seeded = options.importDoc
    ? []
    : seedTenants(options.seed, { clock: rt.clock, random: rt.random });
  const docs = options.importDoc ? importedTenants(options.importDoc) : seeded.map((s) => s.doc);
  store.adopt(docs.map((doc) => structuredClone(doc)));
  for (const doc of docs) rt.baselines.capture(doc, 'seed');
  return { rt, seeded: seeded.map((s) => s.created), seedState: merged(docs) };
}
