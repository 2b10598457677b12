/**
 * @module domain/context
 * What every domain handler receives besides the state: the clock, the random source and, for
 * authenticated calls, the caller.
 */
import type { Clock } from './clock.js';
import type { Caller } from './identity.js';
import type { RandomSource } from './random.js';

export interface DomainContext {
  clock: Clock;
  random: RandomSource;
}

export interface CallerContext extends DomainContext {
  caller: Caller;
}
