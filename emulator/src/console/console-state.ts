/**
 * @module console/console-state
 * The console's own memory per running emulator: sessions, verification codes and download
 * tickets. None of it is persisted (a restart signs everyone out and voids pending codes and
 * downloads); it all follows the runtime's emulator clock.
 */
import type { Runtime } from '../runtime.js';
import { CodeBook } from './verification-codes.js';
import { DownloadBook } from './downloads.js';
import { SessionBook } from './sessions.js';

export interface ConsoleState {
  sessions: SessionBook;
  codes: CodeBook;
  downloads: DownloadBook;
}

const STATES = new WeakMap<Runtime, ConsoleState>();

export function consoleStateOf(rt: Runtime): ConsoleState {
  let state = STATES.get(rt);
  if (!state) {
    state = { sessions: new SessionBook(rt.clock), codes: new CodeBook(rt.clock), downloads: new DownloadBook(rt.clock) };
    STATES.set(rt, state);
  }
  return state;
}
