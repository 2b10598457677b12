/**
 * @module boot
 * Turns an opened store into a running emulator's Runtime: count the start, apply `--import`,
 * seed a store that has no account, and record each account's reset baseline. The HTTP server
 * (server.ts) and the in-process msw handlers (msw/) both start through here, so they behave
 * alike.
 */
import type { CreatedAccount } from './domain/accounts.js';
import type { Clock } from './domain/clock.js';
import { randomFor } from './domain/random.js';
import { applySeed, type SeedFile } from './domain/seed.js';
import { isEmpty, type StateDoc } from './domain/state.js';
import { createRuntime, type AuthMode, type Runtime } from './runtime.js';
import type { Store } from './store/store.js';
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
}

/**
 * Prepares the runtime; the caller commits the store and then sets `rt.ready`. The start count
 * (`meta.starts`) labels the `--seed-random` streams, so a restart continues with fresh IDs.
 */
export function bootRuntime(store: Store, options: BootOptions): Booted {
  const state = store.state;
  const previous = Math.max(state.meta.starts, options.importDoc?.meta.starts ?? 0);
  if (options.importDoc) Object.assign(state, structuredClone(options.importDoc));
  state.meta.starts = previous + 1;
  const generation = state.meta.starts;
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
  const seeded = isEmpty(state) ? applySeed(state, options.seed, { clock: rt.clock, random: rt.random }) : [];
  recordBaselines(rt, options, seeded);
  return { rt, seeded };
}

/**
 * The seed accounts (what a full reset keeps): those just seeded; all of an `--import` file; or,
 * in a store that already existed, the accounts named in the seed. Every other account's
 * baseline is how it is now.
 */
function recordBaselines(rt: Runtime, options: BootOptions, seeded: CreatedAccount[]): void {
  const state = rt.store.state;
  const seedNames = new Set(options.seed.accounts.map((a) => a.name));
  const seedIds =
    seeded.length > 0
      ? seeded.map((c) => c.account.id)
      : Object.values(state.accounts)
          .filter((a) => options.importDoc !== undefined || seedNames.has(a.name))
          .map((a) => a.id);
  rt.baselines.captureAll(state, seedIds, 'seed');
  rt.baselines.adopt(state, 'store');
}
