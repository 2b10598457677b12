/**
 * @module @iam-testbed/emulator/client
 * The QA kit: a typed control-plane client and an in-process starter.
 * In-process without a server: `createIamHandlers` from `@iam-testbed/emulator/msw`.
 */
export { CONTROL_TOKEN_HEADER, EmulatorClient, EmulatorClientError, type EmulatorClientOptions, type RequestsQuery } from './emulator-client.js';
export { startEmulator, type StartedEmulator } from './start-emulator.js';
export type * from '../control/wire.js';
