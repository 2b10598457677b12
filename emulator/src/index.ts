/**
 * @module @iam-testbed/emulator
 * Public API: start an emulator in-process, and the types to drive it. The QA kit is also at
 * `@iam-testbed/emulator/client`; in-process msw handlers at `@iam-testbed/emulator/msw`.
 */
export { startServer, type RunningServer, type ServerOptions } from './server.js';
export {
  EmulatorClient,
  EmulatorClientError,
  startEmulator,
  type StartedEmulator,
} from './client/index.js';
export { ManualClock, SystemClock, type Clock, type ManualClockOptions } from './domain/clock.js';
export { ERRORS, IamError, type ErrorId, type ErrorShape } from './domain/errors.js';
export { DEFAULT_SEED, parseSeedFile, type SeedFile } from './domain/seed.js';
export type { StateDoc } from './domain/state.js';
/** A store folder's whole content (tenant files plus the log replayed), as the emulator would load it. */
export { readStoreFolder } from './store/lowdb/inspect.js';
export type { Runtime, AuthMode } from './runtime.js';
export type { JournalEntry } from './testbed/journal.js';
export { VERSION } from './version.js';
export { ListenError } from './listen-error.js';
export { CliError, type CliErrorCode } from './cli/cli-error.js';
