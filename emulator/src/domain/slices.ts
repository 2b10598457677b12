/**
 * @module domain/slices
 * One account's share of the state document: every record whose `domain_id` is the account
 * (its users, groups, projects, keys, tokens, identity providers and agencies). The control
 * plane cuts, removes and re-inserts slices to reset or delete one tenant without touching the
 * others, so parallel test workers never wipe each other.
 */
import type {
  AccountRecord,
  AgencyRecord,
  GroupRecord,
  IdentityProviderRecord,
  PermanentKeyRecord,
  ProjectRecord,
  StateDoc,
  TemporaryKeyRecord,
  TokenRecord,
  UserRecord,
} from './state.js';

/** The per-account collections of the state document (everything but `accounts` and `meta`). */
export const SLICED_COLLECTIONS = ['groups', 'users', 'projects', 'permanent_keys', 'temporary_keys', 'tokens', 'identity_providers', 'agencies'] as const;

export type SlicedCollection = (typeof SLICED_COLLECTIONS)[number];

export interface DomainSlice {
  account: AccountRecord;
  groups: Record<string, GroupRecord>;
  users: Record<string, UserRecord>;
  projects: Record<string, ProjectRecord>;
  permanent_keys: Record<string, PermanentKeyRecord>;
  temporary_keys: Record<string, TemporaryKeyRecord>;
  tokens: Record<string, TokenRecord>;
  identity_providers: Record<string, IdentityProviderRecord>;
  agencies: Record<string, AgencyRecord>;
}

function pick<T extends { domain_id: string }>(records: Record<string, T>, domainId: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key in records) {
    const record = records[key];
    if (record?.domain_id === domainId) out[key] = record;
  }
  return out;
}

/** A deep copy of one account's records (later changes to the state do not affect it). */
export function sliceOf(state: StateDoc, domainId: string): DomainSlice | undefined {
  const account = state.accounts[domainId];
  if (!account) return undefined;
  return structuredClone({
    account,
    groups: pick(state.groups, domainId),
    users: pick(state.users, domainId),
    projects: pick(state.projects, domainId),
    permanent_keys: pick(state.permanent_keys, domainId),
    temporary_keys: pick(state.temporary_keys, domainId),
    tokens: pick(state.tokens, domainId),
    identity_providers: pick(state.identity_providers, domainId),
    agencies: pick(state.agencies, domainId),
  });
}

/** Removes the account and every record of it. Returns the removed slice (undefined if unknown). */
export function removeAccount(state: StateDoc, domainId: string): DomainSlice | undefined {
  const account = state.accounts[domainId];
  if (!account) return undefined;
  const removed: DomainSlice = { account, groups: {}, users: {}, projects: {}, permanent_keys: {}, temporary_keys: {}, tokens: {}, identity_providers: {}, agencies: {} };
  delete state.accounts[domainId];
  for (const name of SLICED_COLLECTIONS) {
    const records = state[name] as Record<string, { domain_id: string }>;
    const into = removed[name] as Record<string, { domain_id: string }>;
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
  const copy = structuredClone(slice);
  state.accounts[copy.account.id] = copy.account;
  for (const name of SLICED_COLLECTIONS) Object.assign(state[name], copy[name]);
}

/** Access keys (permanent and temporary) in a slice: their lock-outs go with the account. */
export function accessKeysOf(slice: DomainSlice): string[] {
  return [...Object.keys(slice.permanent_keys), ...Object.keys(slice.temporary_keys)];
}

export interface SliceCounts {
  users: number;
  projects: number;
  permanent_keys: number;
  temporary_keys: number;
  tokens: number;
}

const COUNTED = ['users', 'projects', 'permanent_keys', 'temporary_keys', 'tokens'] as const;

/** How much each account holds, in one pass over the document (listings; no secrets). */
export function countsByAccount(state: StateDoc): Map<string, SliceCounts> {
  const out = new Map<string, SliceCounts>();
  for (const id of Object.keys(state.accounts)) out.set(id, { users: 0, projects: 0, permanent_keys: 0, temporary_keys: 0, tokens: 0 });
  for (const name of COUNTED) {
    for (const record of Object.values(state[name] as Record<string, { domain_id: string }>)) {
      const counts = out.get(record.domain_id);
      if (counts) counts[name] += 1;
    }
  }
  return out;
}
