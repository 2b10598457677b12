/**
 * @module sections/rate-units
 * What the throughput section measures, grouped by server process ("unit"): each unit starts
 * fresh, answers one probe per scenario (the expected status, and 401 for a tampered signature on
 * the emulator, so "always-on auth" is checked, not assumed), then runs its scenarios in order.
 * The baselines get the very request the emulator gets (same path, same signed headers).
 */
import type { Agent } from 'node:http';
import type { TenantView } from '@iam-testbed/emulator/client';
import { HEADER_AUTHORIZATION } from '@iam-testbed/shared';
import { loadFixed, type LoadRun, type LoadShape } from '../load/autocannon.js';
import { loadLoop, type LoopRun } from '../load/closed-loop.js';
import { send, type Exchange } from '../http-client.js';
import type { ServerSpec } from '../proc.js';
import type { RateId, RateRun } from '../results.js';
import { listContainersRequest } from '../targets/azurite.js';
import {
  createTenant,
  CREDENTIALS,
  MINT_BODY,
  mintTemporaryKey,
  SECURITYTOKENS,
  signed,
  type KeyPair,
} from '../targets/emulator.js';

export interface Scenario {
  id: RateId;
  run: (url: string, shape: LoadShape) => Promise<RateRun>;
}

export interface RateUnit {
  id: string;
  spec: (port: number) => ServerSpec;
  /** runs once the server answers; returns the scenarios bound to what it set up */
  prepare: (url: string, workers: number) => Promise<Scenario[]>;
}

const DUMMY_KEY: KeyPair = { access: 'EMUPBENCHBASELINE000', secret: 'B'.repeat(40) };
const DUMMY_DOMAIN = '0'.repeat(32);
const SAMPLE_AK = 'EMUPABCDEFGHIJ012345';

function fromLoad(r: LoadRun): RateRun {
  return {
    rate: r.reqPerSec,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    littleMs: r.littleMs,
    failures: r.non2xx + r.errors + r.timeouts,
  };
}

function fromLoop(r: LoopRun): RateRun {
  if (r.ops === 0) throw new Error(`no operation succeeded: ${r.firstError ?? 'unknown error'}`);
  return {
    rate: r.opsPerSec,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    littleMs: Number.NaN,
    failures: r.errors,
  };
}

async function expectStatus(
  url: string,
  ex: Exchange,
  status: number,
  what: string,
): Promise<void> {
  const answer = await send(url, ex);
  if (answer.status !== status)
    throw new Error(
      `${what} answered ${answer.status}, expected ${status}: ${answer.text.slice(0, 200)}`,
    );
}

/** A fixed request replayed by autocannon after one probe for `status`. */
function fixed(id: RateId, prepare: (url: string) => Promise<Exchange>, status: number): Scenario {
  return {
    id,
    run: async (url, shape) => {
      await expectStatus(url, await prepare(url), status, id);
      return fromLoad(await loadFixed(url, () => prepare(url), shape));
    },
  };
}

/** The signed credential read sent to the baselines (they ignore the signature). */
export const baselineRead = (url: string) =>
  signed(url, DUMMY_KEY, {
    method: 'GET',
    path: `${CREDENTIALS}/${SAMPLE_AK}`,
    domainId: DUMMY_DOMAIN,
  });

export function baselineUnit(id: 'bare' | 'express', spec: (port: number) => ServerSpec): RateUnit {
  return { id, spec, prepare: async () => [fixed(id, baselineRead, 200)] };
}

export function azuriteUnit(spec: (port: number) => ServerSpec): RateUnit {
  return {
    id: 'azurite',
    spec,
    prepare: async () => [
      fixed('azurite', async () => ({ method: 'GET', ...listContainersRequest() }), 200),
    ],
  };
}

function tamper(ex: Exchange): Exchange {
  const headers = { ...ex.headers };
  const auth = headers[HEADER_AUTHORIZATION] ?? '';
  headers[HEADER_AUTHORIZATION] = auth.slice(0, -1) + (auth.endsWith('0') ? '1' : '0');
  return { ...ex, headers };
}

/** GET one's own permanent key, signed with `key` (permanent, or temporary with its token). */
function readScenario(id: RateId, t: TenantView, key: KeyPair): Scenario {
  const prepare = (url: string) =>
    signed(url, key, {
      method: 'GET',
      path: `${CREDENTIALS}/${t.iam_user.access_key.access}`,
      domainId: t.domain.id,
    });
  return {
    id,
    run: async (url, shape) => {
      await expectStatus(url, tamper(await prepare(url)), 401, `${id} with a tampered signature`);
      await expectStatus(url, await prepare(url), 200, id);
      return fromLoad(await loadFixed(url, () => prepare(url), shape));
    },
  };
}

/** Worker w cycles on its own user (quota 2: the tenant's key + the one being cycled). */
function cycleScenario(tenants: TenantView[]): Scenario {
  const op = async (w: number, agent: Agent, url: string) => {
    const t = tenants[Math.floor(w / 2)];
    if (!t) throw new Error(`no tenant for worker ${w}`);
    const user = w % 2 === 0 ? t.admin : t.iam_user;
    const create = await signed(url, t.admin.access_key, {
      method: 'POST',
      path: CREDENTIALS,
      body: { credential: { user_id: user.id, description: 'bench' } },
      domainId: t.domain.id,
    });
    const made = await send(url, create, agent);
    if (made.status !== 201)
      throw new Error(`create answered ${made.status}: ${made.text.slice(0, 200)}`);
    const ak = (JSON.parse(made.text) as { credential: { access: string } }).credential.access;
    const del = await signed(url, t.admin.access_key, {
      method: 'DELETE',
      path: `${CREDENTIALS}/${ak}`,
      domainId: t.domain.id,
    });
    const gone = await send(url, del, agent);
    if (gone.status !== 204)
      throw new Error(`delete answered ${gone.status}: ${gone.text.slice(0, 200)}`);
    return made.ms + gone.ms;
  };
  return {
    id: 'create-delete',
    run: async (url, shape) => fromLoop(await loadLoop((w, agent) => op(w, agent, url), shape)),
  };
}

function mintScenario(t: TenantView): Scenario {
  const prepare = (url: string) =>
    signed(url, t.admin.access_key, {
      method: 'POST',
      path: SECURITYTOKENS,
      body: MINT_BODY,
      domainId: t.domain.id,
    });
  return fixed('mint', prepare, 201);
}

/** Tenants enough for `workers` cycling users (two users per tenant). */
async function tenantsFor(url: string, workers: number): Promise<TenantView[]> {
  const out: TenantView[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(workers / 2)); i++) out.push(await createTenant(url));
  return out;
}

/** The emulator in memory: both reads, the create→delete cycle, then minting (it grows the store). */
export function emulatorUnit(spec: (port: number) => ServerSpec): RateUnit {
  return {
    id: 'emulator',
    spec,
    prepare: async (url, workers) => {
      const tenants = await tenantsFor(url, workers);
      const [first] = tenants;
      if (!first) throw new Error('no tenant');
      const temporary = await mintTemporaryKey(url, first, first.iam_user);
      return [
        readScenario('read-permanent', first, first.iam_user.access_key),
        readScenario('read-temporary', first, temporary),
        cycleScenario(tenants),
        mintScenario(first),
      ];
    },
  };
}

/** The same permanent-key read with the file store behind it. */
export function emulatorFileUnit(spec: (port: number) => ServerSpec): RateUnit {
  return {
    id: 'emulator-file',
    spec,
    prepare: async (url) => {
      const t = await createTenant(url);
      return [readScenario('read-permanent-file', t, t.iam_user.access_key)];
    },
  };
}
