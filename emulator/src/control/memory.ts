/**
 * @module control/memory
 * What a running emulator keeps outside the state document and must forget with it: AK lock-outs
 * and the console's memory (`rt.console`: sessions, verification codes, download tickets). Used by
 * reset, tenant deletion and state import.
 */
import type { TenantDoc } from '../domain/state.js';
import { accessKeysOf } from '../domain/tenant-docs.js';
import type { Runtime } from '../runtime.js';

/** Forgets the lock-outs of an account's keys and its console codes, tickets and sessions. */
export function forgetAccount(rt: Runtime, removed: TenantDoc): void {
  rt.lockout.forget(accessKeysOf(removed));
  rt.console.forgetAccount(
    Object.keys(removed.accounts)[0] ?? '',
    new Set(Object.keys(removed.users)),
  );
}

/** Forgets every lock-out and all console memory. */
export function forgetEverything(rt: Runtime): void {
  rt.lockout.clear();
  rt.console.forgetEverything();
}
