/**
 * @module @iam-testbed/emulator/client
 * The QA kit: a typed control-plane client and an in-process starter.
 * In-process without a server: `createIamHandlers` from `@iam-testbed/emulator/msw`.
 */
export {
  CONTROL_TOKEN_HEADER,
  EmulatorClient,
  EmulatorClientError,
  type EmulatorClientOptions,
  type RequestsQuery,
} from './emulator-client.js';
export { startEmulator, type StartedEmulator } from './start-emulator.js';
/** What `startEmulator().env` throws when the seed has no usable key (`code` CLI_EXEC_*). */
export { CliError, type CliErrorCode } from '../cli/cli-error.js';
export type * from '../control/wire.js';
