/**
 * @module control/memory
 * What a running emulator keeps outside the state document and must forget with it: AK lock-outs,
 * and the console's sessions, verification codes and download tickets (console/console-state.ts,
 * read through its books so the control plane needs no Express). Used by reset, tenant deletion
 * and state import.
 */
import { consoleStateOf } from '../console/console-state.js';
import { accessKeysOf, type DomainSlice } from '../domain/slices.js';
import type { Runtime } from '../runtime.js';

/** Forgets the lock-outs of an account's keys and its console codes, tickets and sessions. */
export function forgetAccount(rt: Runtime, removed: DomainSlice): void {
  rt.lockout.forget(accessKeysOf(removed));
  const books = consoleStateOf(rt);
  books.codes.clear(removed.account.id);
  books.downloads.clear(removed.account.id);
  books.sessions.forgetUsers(new Set(Object.keys(removed.users)));
}

/** Forgets every lock-out and all console memory. */
export function forgetEverything(rt: Runtime): void {
  rt.lockout.clear();
  const books = consoleStateOf(rt);
  books.codes.clear();
  books.downloads.clear();
  books.sessions.clear();
}
