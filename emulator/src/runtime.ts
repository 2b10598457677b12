/**
 * @module runtime
 * Everything a running emulator holds, independent of HTTP: store, clocks, random sources,
 * lock-outs and the request journal. Express (now) and the control plane / msw mode (issue 5)
 * all work on one Runtime.
 */
import type { Clock } from './domain/clock.js';
import type { DomainContext } from './domain/context.js';
import { AkLockout } from './domain/lockout.js';
import type { RandomSource } from './domain/random.js';
import { RequestJournal } from './http/journal.js';
import type { Store } from './store/store.js';

export type AuthMode = 'strict' | 'lenient';

export interface Runtime {
  store: Store;
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
  authMode: AuthMode;
  version: string;
  /** Wall-clock ms when the server started (health's uptime). */
  startedAt: number;
}

export interface RuntimeParts {
  store: Store;
  clock: Clock;
  wallClock: Clock;
  random: RandomSource;
  requestIds: RandomSource;
  authMode: AuthMode;
  version: string;
  journalSize?: number;
}

export function createRuntime(parts: RuntimeParts): Runtime {
  return {
    ...parts,
    lockout: new AkLockout(parts.clock),
    journal: new RequestJournal(parts.journalSize),
    startedAt: parts.wallClock.now(),
  };
}

export function domainContext(rt: Runtime): DomainContext {
  return { clock: rt.clock, random: rt.random };
}
