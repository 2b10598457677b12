/**
 * @module domain/slices
 * One account's share of the state document: every record whose `domain_id` is the account
 * (its users, groups, projects, keys, tokens, identity providers and agencies). The control
 * plane cuts, removes and re-inserts slices to reset or delete one tenant without touching the
 * others, so parallel test workers never wipe each other.
 */
import { ownRecord, plain, type AccountRecord, type StateDoc } from './state.js';

/** The per-account collections of the state document (everything but `accounts` and `meta`). */
export const SLICED_COLLECTIONS = ['groups', 'users', 'projects', 'permanent_keys', 'temporary_keys', 'tokens', 'identity_providers', 'agencies'] as const;

export type SlicedCollection = (typeof SLICED_COLLECTIONS)[number];

// A new collection in StateDoc fails to compile here until it is listed above.
type Unlisted = Exclude<keyof StateDoc, 'schemaVersion' | 'meta' | 'accounts' | SlicedCollection>;
type AssertTrue<T extends true> = T;
export type EveryCollectionListed = AssertTrue<[Unlisted] extends [never] ? true : false>;

/** One account and its records in every sliced collection, keyed as in the state document. */
export type DomainSlice = { account: AccountRecord } & { [K in SlicedCollection]: StateDoc[K] };

type Collections = Record<SlicedCollection, Record<string, { domain_id: string }>>;

function emptySlice(account: AccountRecord): DomainSlice {
  const slice = { account } as DomainSlice;
  for (const name of SLICED_COLLECTIONS) (slice as unknown as Collections)[name] = {};
  return slice;
}

/** A deep copy of one account's records (later changes to the state do not affect it). */
export function sliceOf(state: StateDoc, domainId: string): DomainSlice | undefined {
  return slicesOf(state, [domainId]).get(domainId);
}

/**
 * Deep copies of several accounts' records, in ONE pass over the document: taking them one at a
 * time would scan every record once per account, quadratic at start-up (a store of 2,500
 * tenants took 43 s to load). Unknown IDs are left out.
 */
export function slicesOf(state: StateDoc, domainIds: Iterable<string>): Map<string, DomainSlice> {
  const slices = new Map<string, DomainSlice>();
  for (const id of domainIds) {
    const account = ownRecord(state.accounts, id);
    if (account) slices.set(id, emptySlice(plain(account)));
  }
  if (slices.size === 0) return slices;
  for (const name of SLICED_COLLECTIONS) {
    const records = (state as unknown as Collections)[name];
    for (const key in records) {
      const record = records[key];
      const slice = record && slices.get(record.domain_id);
      if (slice) (slice as unknown as Collections)[name][key] = plain(record); // records of the file store are proxies
    }
  }
  return structuredClone(slices);
}

/** Removes the account and every record of it. Returns the removed slice (undefined if unknown). */
export function removeAccount(state: StateDoc, domainId: string): DomainSlice | undefined {
  const account = ownRecord(state.accounts, domainId);
  if (!account) return undefined;
  const removed = emptySlice(account);
  delete state.accounts[domainId];
  for (const name of SLICED_COLLECTIONS) {
    const records = (state as unknown as Collections)[name];
    const into = (removed as unknown as Collections)[name];
    // for…in allocates nothing: this scan runs over every record of every account.
    for (const key in records) {
      const record = records[key];
      if (record?.domain_id !== domainId) continue;
      into[key] = record;
      delete records[key];
    }
  }
  return removed;
}

/** Puts a deep copy of `slice` into the state (the slice stays reusable). */
export function insertSlice(state: StateDoc, slice: DomainSlice): void {
  const copy = structuredClone(plainSlice(slice));
  state.accounts[copy.account.id] = copy.account;
  for (const name of SLICED_COLLECTIONS) Object.assign(state[name], copy[name]);
}

/** A slice cut from a live document may hold tracking proxies (removeAccount's); copy the plain records. */
function plainSlice(slice: DomainSlice): DomainSlice {
  const out = emptySlice(plain(slice.account));
  for (const name of SLICED_COLLECTIONS) {
    const from = (slice as unknown as Collections)[name];
    for (const key in from) (out as unknown as Collections)[name][key] = plain(from[key]!);
  }
  return out;
}

/** Access keys (permanent and temporary) in a slice: their lock-outs go with the account. */
export function accessKeysOf(slice: DomainSlice): string[] {
  return [...Object.keys(slice.permanent_keys), ...Object.keys(slice.temporary_keys)];
}

/** What the tenant listing counts per account. */
const COUNTED = ['users', 'projects', 'permanent_keys', 'temporary_keys', 'tokens'] as const satisfies readonly SlicedCollection[];

export type SliceCounts = Record<(typeof COUNTED)[number], number>;

export const noCounts = (): SliceCounts => Object.fromEntries(COUNTED.map((name) => [name, 0])) as SliceCounts;

/** How much each account holds, in one pass over the document (listings; no secrets). */
export function countsByAccount(state: StateDoc): Map<string, SliceCounts> {
  const out = new Map<string, SliceCounts>();
  for (const id of Object.keys(state.accounts)) out.set(id, noCounts());
  for (const name of COUNTED) {
    for (const record of Object.values(state[name] as Record<string, { domain_id: string }>)) {
      const counts = out.get(record.domain_id);
      if (counts) counts[name] += 1;
    }
  }
  return out;
}
