/**
 * @module The emulator a fuzz file runs against: memory store, frozen emulator clock, one tenant
 * whose admin signs the requests that must reach validation, a second tenant whose keys carry the
 * broken credentials (their failures lock that tenant's keys, never the admin's), and a signed-in
 * console session. `observe()` reads everything a refused request must leave alone; `restore()`
 * puts it back after a finding, so one bad answer cannot cascade into the next case.
 */
import { startEmulator, type StartedEmulator, type TenantView } from '../../src/client/index';
import { ManualClock } from '../../src/domain/clock';
import type { KeyPair } from '../support/clients';
import { raw, type RawCall, type RawResult } from '../support/raw';
import { target, type FuzzCase } from './fuzz-case';

export const T0 = Date.parse('2030-01-02T03:04:05.000Z');

/** The IDs the generators build requests around. */
export interface FuzzIds {
  domainId: string;
  accountName: string;
  adminId: string;
  adminName: string;
  adminPassword: string;
  adminAk: string;
  userId: string;
  userAk: string;
  idpId: string;
  federatedName: string;
  otherDomainId: string;
}

/** What a refused request must not change. */
export interface Observation {
  /** `GET /_emulator/state` without the excluded fields (see `comparable`). */
  state: unknown;
  /** The export as it was, for restoring. */
  exported: unknown;
  clock: { now: string; frozen: boolean };
  faults: unknown;
}

/**
 * The export minus what a refused request may legitimately change:
 * - `permanent_keys.*.last_used_at`: a request that authenticated and was then refused for its
 *   input still used the key; the emulator (like Huawei's "last used") records use at
 *   authentication, before the route validates anything.
 * Nothing else is excluded: lock-out counters and console sessions are not in the document.
 */
function comparable(exported: unknown): unknown {
  const doc = structuredClone(exported) as {
    permanent_keys?: Record<string, { last_used_at?: unknown }>;
  };
  for (const key of Object.values(doc.permanent_keys ?? {})) delete key.last_used_at;
  return doc;
}

export class FuzzFixture {
  private consoleCookie = '';
  private consoleCsrf = '';

  private constructor(
    private readonly emu: StartedEmulator,
    readonly ids: FuzzIds,
    private readonly adminKey: KeyPair,
    private readonly otherKey: KeyPair,
  ) {}

  static async start(): Promise<FuzzFixture> {
    // seedRandom: the same IDs and keys on every run, so FUZZ_SEED replays a case exactly.
    const emu = await startEmulator({ clock: new ManualClock(T0), seedRandom: 1 });
    const main: TenantView = await emu.client.createTenant({ name: 'fuzz-main' });
    const other: TenantView = await emu.client.createTenant({ name: 'fuzz-other' });
    const ids: FuzzIds = {
      domainId: main.domain.id,
      accountName: main.domain.name,
      adminId: main.admin.id,
      adminName: main.admin.name,
      adminPassword: main.admin.password,
      adminAk: main.admin.access_key.access,
      userId: main.iam_user.id,
      userAk: main.iam_user.access_key.access,
      idpId: main.federated_user.idp_id,
      federatedName: main.federated_user.name,
      otherDomainId: other.domain.id,
    };
    const fx = new FuzzFixture(emu, ids, main.admin.access_key, other.admin.access_key);
    await fx.heal(); // first use of the admin key: its last_used_at is set before any case runs
    await fx.newConsoleSession();
    return fx;
  }

  get url(): string {
    return this.emu.url;
  }

  stop(): Promise<void> {
    return this.emu.stop();
  }

  /** Sends a case as it describes itself. */
  send(c: FuzzCase): Promise<RawResult> {
    const call: RawCall = {
      method: c.method,
      path: target(c),
      body: c.body,
      headers: { ...c.headers },
    };
    // A case that sets X-Domain-Id itself (a foreign account) is signed with that one.
    const domainId = c.headers['x-domain-id'] === undefined ? { domainId: this.ids.domainId } : {};
    const sign = (key: KeyPair, date?: Date): RawCall['sign'] => ({
      key,
      ...domainId,
      ...(date ? { date } : {}),
    });
    switch (c.auth) {
      case 'signed':
        return raw(this.url, { ...call, sign: sign(this.adminKey) });
      case 'bad-signature':
        return raw(this.url, {
          ...call,
          sign: sign(this.otherKey),
          tamper: (out) => {
            out.headers.authorization = (out.headers.authorization ?? '').replace(
              /Signature=[0-9a-f]{64}/,
              `Signature=${'0'.repeat(64)}`,
            );
          },
        });
      case 'unknown-ak':
        return raw(this.url, {
          ...call,
          sign: sign({ access: 'EMUPFUZZ000000000000', secret: `Emu${'0'.repeat(37)}` }),
        });
      case 'skewed-date':
        return raw(this.url, {
          ...call,
          sign: sign(this.otherKey, new Date(Date.now() - 2 * 3600_000)),
        });
      case 'console':
        return raw(this.url, {
          ...call,
          headers: {
            cookie: this.consoleCookie,
            'x-console-csrf': this.consoleCsrf,
            ...call.headers,
          },
        });
      case 'console-no-csrf':
        return raw(this.url, { ...call, headers: { cookie: this.consoleCookie, ...call.headers } });
      default:
        return raw(this.url, call); // none, garbage-authorization, bad-token: the case carries the headers
    }
  }

  async observe(): Promise<Observation> {
    const [state, clock, faults] = await Promise.all(
      ['/_emulator/state', '/_emulator/clock', '/_emulator/faults'].map((path) =>
        raw(this.url, { method: 'GET', path }),
      ),
    );
    if (state?.status !== 200 || clock?.status !== 200 || faults?.status !== 200) {
      throw new Error(
        `cannot observe the emulator: ${state?.status} ${clock?.status} ${faults?.status}`,
      );
    }
    return {
      state: comparable(state.json),
      exported: state.json,
      clock: { now: clock.json.now, frozen: clock.json.frozen },
      faults: faults.json,
    };
  }

  /** Puts back what `before` saw, and gives the console a fresh session (an import forgets it). */
  async restore(before: Observation, after: Observation): Promise<void> {
    const control = (method: string, path: string, body?: unknown) =>
      raw(this.url, { method, path, ...(body === undefined ? {} : { body: body as object }) });
    if (JSON.stringify(after.state) !== JSON.stringify(before.state))
      await control('PUT', '/_emulator/state', before.exported);
    if (JSON.stringify(after.faults) !== JSON.stringify(before.faults))
      await control('DELETE', '/_emulator/faults');
    if (after.clock.now !== before.clock.now)
      await control('POST', '/_emulator/clock', { set: before.clock.now });
    if (after.clock.frozen !== before.clock.frozen)
      await control('POST', '/_emulator/clock', { frozen: before.clock.frozen });
    await this.newConsoleSession();
  }

  /**
   * One correctly signed request with the admin key: a case whose signature the server could not
   * reproduce (an odd path or query) counts towards the key's lock-out; a success resets it.
   */
  async heal(): Promise<void> {
    const res = await raw(this.url, {
      method: 'GET',
      path: '/v3/auth/domains',
      sign: { key: this.adminKey, domainId: this.ids.domainId },
    });
    if (res.status !== 200)
      throw new Error(
        `the fuzz admin key no longer works: ${res.status} ${res.text.slice(0, 300)}`,
      );
  }

  async newConsoleSession(): Promise<void> {
    const res = await raw(this.url, {
      method: 'POST',
      path: '/_emulator/console-sessions',
      body: { user_id: this.ids.adminId },
    });
    if (res.status !== 201)
      throw new Error(`cannot open a console session: ${res.status} ${res.text.slice(0, 300)}`);
    this.consoleCookie = `${res.json.name}=${res.json.value}`;
    this.consoleCsrf = res.json.csrf_token;
  }
}
