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
import { execEnvironment } from './sdk-environment.js';

export interface StartedEmulator {
  url: string;
  port: number;
  client: EmulatorClient;
  /** For in-process inspection (store, clock, journal); prefer the client in tests. */
  runtime: Runtime;
  /**
   * The variables `iam-testbed exec` sets (HUAWEICLOUD_SDK_AK, _SK, _DOMAIN_ID, _PROJECT_ID,
   * _IAM_ENDPOINT, HUAWEICLOUD_SDK_REGION_IAM_<REGION>, IAM_TESTBED_URL, …), for
   * `Object.assign(process.env, emulator.env)` in a global setup. Computed when read; throws
   * CliError CLI_EXEC_NO_ACCESS_KEY when the seed's first admin has no active key.
   */
  readonly env: Record<string, string>;
  /** Stops the server and flushes the store (and writes `exportOnExit`). */
  stop(): Promise<void>;
}

/** Defaults: a free port, in memory unless `dbPath` is given, quiet. */
export async function startEmulator(options: ServerOptions = {}): Promise<StartedEmulator> {
  const server = await startServer({
    port: 0,
    quiet: true,
    ...options,
    memory: options.memory ?? options.dbPath === undefined,
  });
  const client = new EmulatorClient(
    server.url,
    options.controlToken === undefined ? {} : { controlToken: options.controlToken },
  );
  return {
    url: server.url,
    port: server.port,
    client,
    runtime: server.runtime,
    get env() {
      const vars = execEnvironment({
        url: server.url,
        state: server.seedState,
        seed: server.seed,
        controlToken: options.controlToken,
      });
      return Object.fromEntries(
        Object.entries(vars).filter((e): e is [string, string] => e[1] !== undefined),
      );
    },
    stop: () => server.close(),
  };
}
