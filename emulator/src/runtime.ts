/**
 * @module runtime
 * Everything a running emulator holds, independent of HTTP: store, clocks, random sources,
 * lock-outs, the request journal, fault rules, reset baselines and the console's memory. The Express server and the
 * in-process msw handlers both work on one Runtime, so they share every rule.
 */
import { ConsoleState } from './console/console-state.js';
import { Baselines } from './domain/baselines.js';
import type { Clock } from './domain/clock.js';
import type { DomainContext } from './domain/context.js';
import { AkLockout } from './domain/lockout.js';
import { cryptoRandom, type RandomSource } from './domain/random.js';
import { FaultBook } from './testbed/faults.js';
import { RequestJournal } from './testbed/journal.js';
import type { StorePort } from './store/port.js';

export type AuthMode = 'strict' | 'lenient';

export interface Runtime {
  store: StorePort;
  /** Emulator time: every expiry. */
  clock: Clock;
  /** Real time: only for X-Sdk-Date skew, since clients sign with their real clock. */
  wallClock: Clock;
  /** IDs, keys, secrets and tokens (deterministic with --seed-random). */
  random: RandomSource;
  /** X-Request-Id values (a separate stream, so requests never shift entity IDs). */
  requestIds: RandomSource;
  lockout: AkLockout;
  journal: RequestJournal;
  /** Injected faults (/_emulator/faults). */
  faults: FaultBook;
  /** What reset goes back to, per account. */
  baselines: Baselines;
  /** Console sessions, verification codes and download tickets (memory only). */
  console: ConsoleState;
  authMode: AuthMode;
  version: string;
  /** Wall-clock ms when the server started (health's uptime). */
  startedAt: number;
  /** False until the store is loaded, imported or seeded (GET /_emulator/ready). */
  ready: boolean;
  /** `--control-token`: required on every /_emulator call but health and ready when set. Never logged. */
  controlToken: string | null;
  /** Host names besides IPs and localhost that may address the control plane (lower case). */
  trustedHosts: ReadonlySet<string>;
}

export interface RuntimeParts {
  store: StorePort;
  clock: Clock;
  wallClock: Clock;
  random: RandomSource;
  requestIds: RandomSource;
  authMode: AuthMode;
  version: string;
  journalSize?: number;
  /** Probability rolls of fault rules. @default the OS CSPRNG */
  chance?: RandomSource;
  controlToken?: string;
  trustedHosts?: readonly string[];
  /** @default true (boot passes false and flips it once the store is seeded) */
  ready?: boolean;
}

export function createRuntime(parts: RuntimeParts): Runtime {
  const { journalSize, chance, controlToken, trustedHosts, ready, ...rest } = parts;
  return {
    ...rest,
    lockout: new AkLockout(parts.clock),
    journal: new RequestJournal(journalSize),
    faults: new FaultBook(chance ?? cryptoRandom),
    baselines: new Baselines(),
    console: new ConsoleState(parts.clock),
    startedAt: parts.wallClock.now(),
    ready: ready ?? true,
    controlToken: controlToken ?? null,
    trustedHosts: new Set((trustedHosts ?? []).map((h) => h.toLowerCase())),
  };
}

export function domainContext(rt: Runtime): DomainContext {
  return { clock: rt.clock, random: rt.random };
}
