/**
 * @module client/emulator-client
 * A typed client for every control-plane endpoint (`/_emulator/*`, docs/control-plane.md), for
 * any test runner. It uses the global `fetch`, so it also reaches the in-process msw handlers.
 * Failures throw EmulatorClientError with the status and the IAMTB error code and message.
 * Reference: docs/emulator-client.md (kept true by test/control/client-reference.test.ts).
 *
 * @example
 * const client = new EmulatorClient('http://127.0.0.1:8790');
 * const tenant = await client.createTenant();
 * await client.advanceClock(901);          // every TTL follows
 * await client.reset(tenant.domain.id);    // only this tenant
 * // under `iam-testbed exec`: EmulatorClient.fromEnv() reads IAM_TESTBED_URL
 */
import type {
  ClockView,
  ConsoleSessionView,
  FaultRule,
  FaultRuleInput,
  HealthView,
  ImportView,
  JournalEntry,
  ReadyView,
  RequestsView,
  ResetView,
  StateDoc,
  TenantRequest,
  TenantSummary,
  TenantView,
  VerificationCodeItem,
} from '../control/wire.js';

export const CONTROL_TOKEN_HEADER = 'X-Iam-Testbed-Control-Token';

export interface EmulatorClientOptions {
  /** Sent as X-Iam-Testbed-Control-Token (emulators started with --control-token). */
  controlToken?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

export class EmulatorClientError extends Error {
  override readonly name = 'EmulatorClientError';

  constructor(
    readonly status: number,
    readonly errorCode: string | undefined,
    readonly errorMsg: string,
    readonly requestId: string | null,
  ) {
    super(`${status}${errorCode ? ` ${errorCode}` : ''}: ${errorMsg}`);
  }
}

export interface RequestsQuery {
  /** The newest N entries. */
  limit?: number;
  /** Only entries with a larger `seq` (pass the previous answer's `last_seq`). */
  since?: number;
  /** Include /_emulator calls. @default false */
  control?: boolean;
}

export class EmulatorClient {
  // ECMAScript #private, not TypeScript `private`: at runtime an instance shows exactly the
  // documented members (docs/emulator-client.md; test/control/client-reference.test.ts checks it).
  readonly #fetchFn: typeof fetch;
  readonly #options: EmulatorClientOptions;

  /** `baseUrl`: the emulator's URL, e.g. `http://127.0.0.1:8790` (no trailing slash needed). */
  constructor(
    readonly baseUrl: string,
    options: EmulatorClientOptions = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#options = options;
    this.#fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /**
   * A client for the emulator `iam-testbed exec` started: `IAM_TESTBED_URL` (required) and
   * `IAM_TESTBED_CONTROL_TOKEN` (when the emulator has one) are the variables it sets.
   */
  static fromEnv(
    env: NodeJS.ProcessEnv = process.env,
    options: Omit<EmulatorClientOptions, 'controlToken'> = {},
  ): EmulatorClient {
    const url = env.IAM_TESTBED_URL;
    if (url === undefined || url === '') {
      throw new Error(
        'EmulatorClient.fromEnv: IAM_TESTBED_URL is not set. Set IAM_TESTBED_URL to the emulator URL, e.g. run the tests under `iam-testbed exec -- <command>`, or use startEmulator() to start one in this process.',
      );
    }
    const controlToken = env.IAM_TESTBED_CONTROL_TOKEN;
    return new EmulatorClient(
      url,
      controlToken === undefined || controlToken === '' ? options : { ...options, controlToken },
    );
  }

  health = () => this.#call<HealthView>('GET', '/_emulator/health');

  /** `{ready: true}` once the store is seeded; false (not an error) while it starts. */
  async ready(): Promise<{ ready: boolean; status: ReadyView['status'] }> {
    const res = await this.#send('GET', '/_emulator/ready');
    if (res.status !== 200 && res.status !== 503) throw await this.#failure(res);
    const body = (await res.json()) as ReadyView;
    return { ready: res.status === 200, status: body.status };
  }

  createTenant = (body: TenantRequest = {}) =>
    this.#call<TenantView>('POST', '/_emulator/tenants', body);
  listTenants = async (): Promise<TenantSummary[]> =>
    (await this.#call<{ tenants: TenantSummary[] }>('GET', '/_emulator/tenants')).tenants;
  deleteTenant = (domainId: string) =>
    this.#call<void>('DELETE', `/_emulator/tenants/${encodeURIComponent(domainId)}`);

  /** Everything back to the seed, or (with `domainId`) that one tenant back to its start. */
  reset = (domainId?: string) =>
    this.#call<ResetView>(
      'POST',
      `/_emulator/reset${domainId === undefined ? '' : `?domain_id=${encodeURIComponent(domainId)}`}`,
    );

  clock = () => this.#call<ClockView>('GET', '/_emulator/clock');
  advanceClock = (seconds: number) =>
    this.#call<ClockView>('POST', '/_emulator/clock', { advance_seconds: seconds });
  setClock = (time: string | Date | number) =>
    this.#call<ClockView>('POST', '/_emulator/clock', {
      set: typeof time === 'string' ? time : new Date(time).toISOString(),
    });
  freezeClock = () => this.#call<ClockView>('POST', '/_emulator/clock', { frozen: true });
  unfreezeClock = () => this.#call<ClockView>('POST', '/_emulator/clock', { frozen: false });
  resetClock = () => this.#call<ClockView>('POST', '/_emulator/clock', { reset: true });

  async verificationCodes(
    filter: { user_id?: string; domain_id?: string } = {},
  ): Promise<VerificationCodeItem[]> {
    return (
      await this.#call<{ codes: VerificationCodeItem[] }>(
        'GET',
        `/_emulator/verification-codes${queryString(filter)}`,
      )
    ).codes;
  }

  requestsPage = (q: RequestsQuery = {}) =>
    this.#call<RequestsView>('GET', `/_emulator/requests${queryString(q)}`);
  requests = async (q: RequestsQuery = {}): Promise<JournalEntry[]> =>
    (await this.requestsPage(q)).requests;
  clearRequests = () => this.#call<void>('DELETE', '/_emulator/requests');

  faults = async (): Promise<FaultRule[]> =>
    (await this.#call<{ rules: FaultRule[] }>('GET', '/_emulator/faults')).rules;
  /** Appends rules after the existing ones; returns them with their IDs. */
  addFaults = async (...rules: FaultRuleInput[]): Promise<FaultRule[]> =>
    (await this.#call<{ rules: FaultRule[] }>('POST', '/_emulator/faults', rules)).rules;
  removeFault = (id: string) =>
    this.#call<void>('DELETE', `/_emulator/faults/${encodeURIComponent(id)}`);
  clearFaults = () => this.#call<void>('DELETE', '/_emulator/faults');

  /** The whole store, secrets included: keep exports out of version control. */
  exportState = () => this.#call<StateDoc>('GET', '/_emulator/state');
  importState = (state: StateDoc) => this.#call<ImportView>('PUT', '/_emulator/state', state);

  createConsoleSession = (userId: string) =>
    this.#call<ConsoleSessionView>('POST', '/_emulator/console-sessions', { user_id: userId });

  openApi = () => this.#call<Record<string, unknown>>('GET', '/_emulator/openapi.json');

  #send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#options.controlToken !== undefined)
      headers[CONTROL_TOKEN_HEADER] = this.#options.controlToken;
    return this.#fetchFn(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.#send(method, path, body);
    if (!res.ok) throw await this.#failure(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  async #failure(res: Response): Promise<EmulatorClientError> {
    const text = await res.text();
    let parsed: { error_code?: string; error_msg?: string } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // not JSON: keep the text
    }
    return new EmulatorClientError(
      res.status,
      parsed.error_code,
      parsed.error_msg ?? (text || res.statusText),
      res.headers.get('x-request-id'),
    );
  }
}

function queryString(params: object): string {
  const pairs = Object.entries(params as Record<string, unknown>).filter((e) => e[1] !== undefined);
  return pairs.length === 0
    ? ''
    : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`;
}
