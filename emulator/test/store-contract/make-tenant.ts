/**
 * Realistic tenant documents for the store contract, built by the domain itself
 * (createTenant: root administrator, an IAM user, a federated user, an OIDC identity provider,
 * projects, one key per IAM user) plus one token, so every global index has a key to find.
 */
import { expect } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import type { CallerContext, DomainContext } from '../../src/domain/context.js';
import { userCaller } from '../../src/domain/identity.js';
import { createPermanentKey, V3_KEY_ERRORS } from '../../src/domain/permanent-keys.js';
import { randomFor } from '../../src/domain/random.js';
import { emptyTenant, type TenantDoc } from '../../src/domain/state.js';
import { createTenant } from '../../src/domain/tenants.js';
import { issueToken } from '../../src/domain/tokens.js';
import { INDEX_NAMES } from '../../src/store/indexes.js';
import type { IndexName, StorePort } from '../../src/store/port.js';
import type { StoreErrorCode } from '../../src/store/store-errors.js';

export const T0 = Date.UTC(2026, 0, 1);

export interface Made {
  doc: TenantDoc;
  id: string;
  name: string;
  adminId: string;
  userId: string;
  fedId: string;
  idp: string;
  adminAk: string;
  userAk: string;
  token: string;
  groupId: string;
  ctx: DomainContext;
}

/** A tenant named `name`, created at T0 + n seconds (so listings order by n); IDs from a stream seeded by the name. */
export function makeTenant(name: string, n = 0, seed = 1): Made {
  const ctx: DomainContext = {
    clock: new ManualClock(T0 + n * 1000),
    random: randomFor(seed, `tenant:${name}`),
  };
  const doc = emptyTenant();
  const created = createTenant(doc, { name }, ctx);
  const token = issueToken(
    doc,
    { user: created.admin.user, methods: ['password'], scope: { type: 'domain' } },
    ctx,
  );
  return {
    doc,
    id: created.account.id,
    name,
    adminId: created.admin.user.id,
    userId: created.users[0]!.user.id,
    fedId: created.federated[0]!.user.id,
    idp: created.idpId,
    adminAk: created.admin.keys[0]!.access,
    userAk: created.users[0]!.keys[0]!.access,
    token: token.id,
    groupId: Object.keys(doc.groups)[0]!,
    ctx,
  };
}

/** One key of each index for `t`. */
export const indexKeys = (t: Made): Array<[IndexName, string]> => [
  ['access_key', t.adminAk],
  ['access_key', t.userAk],
  ['token', t.token],
  ['account_name', t.name],
  ['identity_provider', t.idp],
  ['user', t.adminId],
  ['user', t.userId],
  ['user', t.fedId],
];

export const probes = (...ts: Made[]): Array<[IndexName, string]> => ts.flatMap(indexKeys);

/** The administrator acting in `doc` (a transact's document), as a request would. */
export function adminContext(doc: TenantDoc, t: Made): CallerContext {
  return { ...t.ctx, caller: userCaller(doc, doc.users[t.adminId]!, { via: 'token' }) };
}

/** The domain's own key creation (authorization, quota of 2), by the administrator for `userId`. */
export const createKeyFor = (doc: TenantDoc, t: Made, userId: string) =>
  createPermanentKey(doc, { user_id: userId }, adminContext(doc, t), V3_KEY_ERRORS).access;

export async function expectStoreError(
  promise: Promise<unknown>,
  code: StoreErrorCode,
): Promise<void> {
  await expect(promise).rejects.toMatchObject({ name: 'StoreError', code });
}

/** Everything observable through the port, to compare before and after. */
export async function observe(store: StorePort, probes: Array<[IndexName, string]> = []) {
  const tenants = await store.listTenants();
  const docs: Record<string, TenantDoc | undefined> = {};
  for (const t of tenants) docs[t.id] = await store.read(t.id, (d) => structuredClone(d));
  const finds = await Promise.all(
    probes.map(async ([index, key]) => [index, key, await store.findTenant(index, key)]),
  );
  return { tenants, docs, finds, meta: await store.meta() };
}

/** Every index key of every tenant, read from the documents (what the indexes must say). */
export function expectedIndex(docs: Iterable<TenantDoc>): Array<[IndexName, string, string]> {
  const out: Array<[IndexName, string, string]> = [];
  for (const doc of docs) {
    const id = Object.keys(doc.accounts)[0]!;
    out.push(['account_name', doc.accounts[id]!.name, id]);
    for (const ak of [...Object.keys(doc.permanent_keys), ...Object.keys(doc.temporary_keys)])
      out.push(['access_key', ak, id]);
    for (const k of Object.keys(doc.tokens)) out.push(['token', k, id]);
    for (const k of Object.keys(doc.identity_providers)) out.push(['identity_provider', k, id]);
    for (const k of Object.keys(doc.users)) out.push(['user', k, id]);
  }
  return out;
}

/** Checks that every key of `docs` is found in its tenant. */
export async function expectIndexed(store: StorePort, docs: Iterable<TenantDoc>): Promise<void> {
  const want = expectedIndex(docs);
  const got = await Promise.all(want.map(([index, key]) => store.findTenant(index, key)));
  expect(got).toEqual(want.map(([, , id]) => id));
  expect(INDEX_NAMES.every((name) => want.some(([index]) => index === name))).toBe(true);
}

export const ticks = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

export function gate() {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

export const clone = <T>(v: T): T => structuredClone(v);
export const counts = (users: number, keys: number, tokens: number) => ({
  users,
  projects: 6,
  permanent_keys: keys,
  temporary_keys: 0,
  tokens,
});

/** `doc` with one record moved to another ID (to build clashes). */
export function moved(
  doc: TenantDoc,
  collection: 'permanent_keys' | 'users' | 'identity_providers',
  from: string,
  to: string,
): TenantDoc {
  const out = clone(doc) as unknown as Record<string, Record<string, object>>;
  out[collection]![to] = {
    ...out[collection]![from]!,
    ...(collection === 'permanent_keys' ? { access: to } : { id: to }),
  };
  delete out[collection]![from];
  return out as unknown as TenantDoc;
}
