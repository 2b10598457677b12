/**
 * @module client/start-emulator
 * `startEmulator({port: 0, memory: true})` → `{url, client, stop}`: an emulator in this process
 * for any test runner, with a control-plane client already pointed at it.
 *
 * @example
 * const emu = await startEmulator();
 * const tenant = await emu.client.createTenant();
 * // ... SDK calls against emu.url ...
 * await emu.stop();
 */
import type { Runtime } from '../runtime.js';
import { startServer, type ServerOptions } from '../server.js';
import { EmulatorClient } from './emulator-client.js';

export interface StartedEmulator {
  url: string;
  port: number;
  client: EmulatorClient;
  /** For in-process inspection (store, clock, journal); prefer the client in tests. */
  runtime: Runtime;
  /** Stops the server and flushes the store (and writes `exportOnExit`). */
  stop(): Promise<void>;
}

/** Defaults: a free port, in memory unless `dbPath` is given, quiet. */
export async function startEmulator(options: ServerOptions = {}): Promise<StartedEmulator> {
  const server = await startServer({ port: 0, quiet: true, ...options, memory: options.memory ?? options.dbPath === undefined });
  const client = new EmulatorClient(server.url, options.controlToken === undefined ? {} : { controlToken: options.controlToken });
  return { url: server.url, port: server.port, client, runtime: server.runtime, stop: () => server.close() };
}
