/**
 * @module domain/state-integrity
 * Cross-record checks for an imported state document, beyond its schema (store/schema.ts): every
 * record sits under its own ID, belongs to an existing account, and keys, group memberships and
 * federated users point at records that exist. The emulator only ever writes documents that pass;
 * a hand-edited export that does not is refused before anything changes.
 */
import { ownRecord, TENANT_COLLECTIONS, type StateDoc } from './state.js';

const MAX_PROBLEMS = 5;

interface Keyed {
  domain_id: string;
  id?: string;
  access?: string;
}

function keyOf(collection: string, record: Keyed): string | undefined {
  return collection === 'permanent_keys' || collection === 'temporary_keys'
    ? record.access
    : record.id;
}

/** Problems found (at most a few, each naming the record); empty when the document is coherent. */
export function integrityProblems(state: StateDoc): string[] {
  const problems: string[] = [];
  const add = (text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
  };
  for (const [key, account] of Object.entries(state.accounts)) {
    if (account.id !== key)
      add(`accounts.${key}: id is ${account.id}, not the key it is stored under`);
  }
  for (const collection of TENANT_COLLECTIONS) {
    if (collection === 'accounts') continue;
    for (const [key, record] of Object.entries(state[collection] as Record<string, Keyed>)) {
      if (keyOf(collection, record) !== key)
        add(`${collection}.${key}: stored under a key that is not its own id/access`);
      if (!ownRecord(state.accounts, record.domain_id))
        add(`${collection}.${key}: domain_id ${record.domain_id} is not an account`);
    }
  }
  for (const [ak, k] of Object.entries(state.permanent_keys)) {
    const user = ownRecord(state.users, k.user_id);
    if (!user || user.domain_id !== k.domain_id)
      add(`permanent_keys.${ak}: user_id ${k.user_id} is not a user of account ${k.domain_id}`);
    if (ownRecord(state.temporary_keys, ak))
      add(`permanent_keys.${ak}: the same access key is also a temporary key`);
    if (user && !user.access_keys.includes(ak))
      add(`permanent_keys.${ak}: not listed in its user's access_keys`);
  }
  for (const [id, user] of Object.entries(state.users)) {
    const missing = user.group_ids.find((g) => !ownRecord(state.groups, g));
    if (missing) add(`users.${id}: group ${missing} does not exist`);
    const stray = user.access_keys.find(
      (ak) => ownRecord(state.permanent_keys, ak)?.user_id !== id,
    );
    if (stray)
      add(`users.${id}: access_keys lists ${stray}, which is not one of its permanent keys`);
    if (user.idp_id !== null && !ownRecord(state.identity_providers, user.idp_id))
      add(`users.${id}: identity provider ${user.idp_id} does not exist`);
  }
  const names = new Set<string>();
  for (const account of Object.values(state.accounts)) {
    if (names.has(account.name)) add(`accounts: the name "${account.name}" is used twice`);
    names.add(account.name);
  }
  return problems;
}
