/**
 * @module testing/fixtures
 * Helpers for the unit tests beside the code: a state with one account, a frozen clock and a
 * deterministic random source.
 */
import { createAccount, type CreatedAccount } from '../domain/accounts.js';
import { ManualClock } from '../domain/clock.js';
import type { CallerContext, DomainContext } from '../domain/context.js';
import { userCaller } from '../domain/identity.js';
import { seededRandom } from '../domain/random.js';
import { emptyState, type StateDoc, type UserRecord } from '../domain/state.js';

export const T0 = Date.parse('2024-01-02T03:04:05.000Z');

export interface World {
  state: StateDoc;
  clock: ManualClock;
  ctx: DomainContext;
  acme: CreatedAccount;
  as(user: UserRecord): CallerContext;
}

export function accountSpec(name: string) {
  return {
    name,
    regions: ['cn-north-4', 'eu-west-101'],
    sub_projects: ['cn-north-4_dev'],
    admin: { password: 'Admin-pass-1', access_keys: [{}] },
    users: [{ name: `${name}-user`, password: 'User-pass-1', access_keys: [{}] }],
    federated_users: [{ name: `${name}-fed` }],
  };
}

export function world(seed = 1): World {
  const state = emptyState(T0);
  const clock = new ManualClock(T0);
  const ctx: DomainContext = { clock, random: seededRandom(seed) };
  const acme = createAccount(state, accountSpec('acme'), ctx);
  return {
    state,
    clock,
    ctx,
    acme,
    as: (user) => ({ ...ctx, caller: userCaller(state, user, { via: 'token' }) }),
  };
}

/** The acme user records: root admin, IAM user, federated user. */
export function people(w: World) {
  const [user] = w.acme.users;
  const [fed] = w.acme.federated;
  if (!user || !fed) throw new Error('fixture account incomplete');
  return { admin: w.acme.admin.user, user: user.user, fed: fed.user };
}
