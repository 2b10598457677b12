/**
 * @module @iam-testbed/emulator/msw
 * In-process mode: `createIamHandlers(options)` returns msw 2 request handlers that serve the
 * emulated Huawei IAM APIs, the `/_emulator` control plane and the console API (`/console-api`;
 * not the console's pages) on any base URL (default
 * `https://iam.myhuaweicloud.com`), from a memory store — no server, no port, no Express. The
 * handlers run the same dispatcher, domain, clock and rules as the server (boot.ts,
 * http/dispatch.ts), so the official SDK behaves as against a started emulator. Our answer to
 * moto's `@mock_aws` (docs/reference/emulator-anchors.md §2a).
 *
 * @example
 * import { setupServer } from 'msw/node';
 * const iam = createIamHandlers();
 * const server = setupServer(...iam);
 * server.listen({ onUnhandledRequest: 'error' });
 * const tenant = await iam.client.createTenant();
 * // point the SDK at iam.baseUrl with the tenant's AK/SK; move time with iam.client.advanceClock(901)
 */
import { http, type HttpHandler } from 'msw';
import { bootMemoryRuntime } from '../boot.js';
import { EmulatorClient } from '../client/emulator-client.js';
import type { CreatedAccount } from '../domain/accounts.js';
import { ManualClock, SystemClock, type Clock } from '../domain/clock.js';
import { DEFAULT_SEED, parseSeedFile } from '../domain/seed.js';
import type { StateDoc } from '../domain/state.js';
import { CONSOLE_ROUTES } from '../console/route-table.js';
import { dispatch } from '../http/dispatch.js';
import { routerFor } from '../http/router.js';
import { ALL_ROUTES } from '../http/routes/index.js';
import type { AuthMode, Runtime } from '../runtime.js';
import { checkImport } from '../store/import-check.js';
import { fromFetchRequest, toFetchResponse } from './fetch-adapter.js';

export const DEFAULT_BASE_URL = 'https://iam.myhuaweicloud.com';

export interface IamHandlerOptions {
  /** Where to answer; the first is the client's. @default 'https://iam.myhuaweicloud.com' */
  baseUrl?: string | readonly string[];
  /** Emulator time. @default a running ManualClock (wall time until moved) */
  clock?: Clock;
  /** For X-Sdk-Date skew only. @default the system clock */
  wallClock?: Clock;
  /** Fixtures instead of the built-in account (same format as `--seed FILE`). */
  /** A `SeedFile` (validated). */
  seed?: unknown;
  /** Start from this state export instead of the seed (validated). */
  /** A `StateDoc` export (validated). */
  importState?: unknown;
  /** @default 'strict' */
  auth?: AuthMode;
  /** Deterministic IDs, keys and tokens. */
  seedRandom?: number;
  /** @default 1000 */
  journalSize?: number;
  /** Require X-Iam-Testbed-Control-Token on /_emulator (the client sends it). */
  controlToken?: string;
}

/** The handlers (spread them into `setupServer`), plus what a test needs to drive them. */
export type IamHandlers = HttpHandler[] & {
  /** The base URL the SDK and the client should use. */
  baseUrl: string;
  /** A control-plane client on `baseUrl` (works while the msw server is listening). */
  client: EmulatorClient;
  /** Store, clock, journal, faults: the same Runtime a server would have. */
  runtime: Runtime;
  /** The seed accounts created at start. */
  seeded: CreatedAccount[];
};

function importDoc(value: unknown): StateDoc | undefined {
  if (value === undefined) return undefined;
  const check = checkImport(value);
  if (!check.ok) throw new Error(`createIamHandlers: importState was refused: ${check.message}`);
  return check.state;
}

export function createIamHandlers(options: IamHandlerOptions = {}): IamHandlers {
  const bases = (
    typeof options.baseUrl === 'string'
      ? [options.baseUrl]
      : (options.baseUrl ?? [DEFAULT_BASE_URL])
  ).map((b) => new URL(b).origin);
  const [first = DEFAULT_BASE_URL] = bases;
  const clock = options.clock ?? new ManualClock(undefined, { frozen: false });
  const seed =
    options.seed === undefined
      ? DEFAULT_SEED
      : parseSeedFile(options.seed, 'createIamHandlers({seed})');
  const { rt, seeded } = bootMemoryRuntime({
    seed,
    importDoc: importDoc(options.importState),
    clock,
    wallClock: options.wallClock ?? new SystemClock(),
    auth: options.auth,
    seedRandom: options.seedRandom,
    journalSize: options.journalSize,
    controlToken: options.controlToken,
    trustedHosts: bases.map((b) => new URL(b).hostname),
  });
  rt.ready = true;
  const router = routerFor([...ALL_ROUTES, ...CONSOLE_ROUTES]);
  const handlers = bases.map((base) =>
    http.all(`${base}/*`, async ({ request }) => {
      const { api, refusal } = await fromFetchRequest(request);
      return toFetchResponse(await dispatch(rt, router, api, refusal));
    }),
  );
  const client = new EmulatorClient(
    first,
    options.controlToken === undefined ? {} : { controlToken: options.controlToken },
  );
  return Object.assign(handlers, { baseUrl: first, client, runtime: rt, seeded });
}
