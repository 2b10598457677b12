import { expect, test } from 'vitest';
import { accountSpec, people, world, type World } from '../testing/fixtures.js';
import { createAccount } from './accounts.js';
import { assumeRole, DEFAULT_AGENCY_NAME } from './agencies.js';
import {
  accessKeyHolder,
  assumedAgencyCaller,
  presentedKeyCheck,
  tokenCheck,
  type Claims,
  type Identified,
} from './credentials.js';
import type { Caller } from './identity.js';
import { mintForCaller } from './temporary-keys.js';
import { issueToken } from './tokens.js';

const NO_CLAIMS: Claims = { securityToken: undefined, domainId: undefined, projectId: undefined };
const claims = (c: Partial<Claims>): Claims => ({ ...NO_CLAIMS, ...c });

/** `[error id, counts towards the lock-out, identifies someone]`, or 'ok'. */
const verdictOf = (v: Identified | { assumed: unknown }) => {
  if ('assumed' in v) return 'assumed';
  return v.refusal ? [v.refusal.error.id, v.refusal.countsTowardLockout, v.caller !== null] : 'ok';
};

function callerOf(w: World, ak: string): Caller {
  const held = accessKeyHolder(w.state, ak);
  const who = 'assumed' in held ? assumedAgencyCaller(w.state, held.assumed) : held;
  if (!who.caller) throw new Error(`${ak} stands for nobody`);
  return who.caller;
}

function permanentKey(w: World) {
  const key = w.acme.users[0]?.keys[0];
  if (!key) throw new Error('fixture has no key');
  return key;
}

test('an unknown access key, or one named like an Object member, stands for nobody', () => {
  const w = world();
  for (const ak of ['EMUPNOSUCHKEY0000000', 'constructor', '__proto__']) {
    expect(verdictOf(accessKeyHolder(w.state, ak)), ak).toEqual([
      'AUTH_AK_NOT_FOUND',
      false,
      false,
    ]);
  }
  expect(verdictOf(accessKeyHolder(undefined, permanentKey(w).access))).toEqual([
    'AUTH_AK_NOT_FOUND',
    false,
    false,
  ]);
});

test('a key stands for its user, and for nobody once the user is gone or disabled', () => {
  const w = world();
  const { user } = people(w);
  const temp = mintForCaller(
    w.state,
    { duration: undefined, policy: undefined },
    'aksk',
    w.as(user),
  );
  for (const ak of [permanentKey(w).access, temp.access]) {
    expect(callerOf(w, ak)).toMatchObject({
      kind: 'iam',
      user: { id: user.id },
      access_key: ak,
      isAdmin: false,
    });
  }
  expect(callerOf(w, temp.access).via).toBe('temporary-key');
  user.enabled = false;
  for (const ak of [permanentKey(w).access, temp.access])
    expect(verdictOf(accessKeyHolder(w.state, ak))).toEqual(['AUTH_USER_DISABLED', false, false]);
});

test("an agency's key acts in the delegating account for a user of the trusting one", () => {
  const w = world();
  const { user } = people(w);
  const key = assumeRole(
    w.state,
    { agency_name: DEFAULT_AGENCY_NAME, domain_name: 'acme', duration_seconds: 3600 },
    w.as(user),
  );
  const held = accessKeyHolder(w.state, key.access);
  if (!('assumed' in held)) throw new Error('expected an agency key');
  expect(assumedAgencyCaller(w.state, held.assumed).caller).toMatchObject({
    kind: 'agency',
    domain_id: w.acme.account.id,
    isAdmin: true,
    user: { id: user.id },
  });
  // The trusting account is a second tenant: gone, or its user disabled, means nobody.
  expect(verdictOf(assumedAgencyCaller(undefined, held.assumed))).toEqual([
    'AUTH_USER_DISABLED',
    false,
    false,
  ]);
  user.enabled = false;
  expect(verdictOf(assumedAgencyCaller(w.state, held.assumed))).toEqual([
    'AUTH_USER_DISABLED',
    false,
    false,
  ]);
  user.enabled = true;
  w.state.agencies = {};
  expect(verdictOf(accessKeyHolder(w.state, key.access))).toEqual([
    'AUTH_USER_DISABLED',
    false,
    false,
  ]);
});

test('a permanent key: no security token, active, and still there after the signature check', () => {
  const w = world();
  const key = permanentKey(w);
  const caller = callerOf(w, key.access);
  const check = (c: Partial<Claims>) =>
    verdictOf(presentedKeyCheck(w.state, key.access, caller, claims(c), w.clock));
  expect(check({})).toBe('ok');
  expect(check({ securityToken: '' })).toEqual(['AUTH_SECURITY_TOKEN_INVALID', true, true]);
  key.status = 'inactive';
  expect(check({})).toEqual(['AUTH_AK_INACTIVE', false, true]);
  delete w.state.permanent_keys[key.access];
  expect(check({})).toEqual(['AUTH_AK_NOT_FOUND', false, false]);
  expect(verdictOf(presentedKeyCheck(undefined, key.access, caller, NO_CLAIMS, w.clock))).toEqual([
    'AUTH_AK_NOT_FOUND',
    false,
    false,
  ]);
});

test('a temporary key: its own security token first, then its expiry on the emulator clock', () => {
  const w = world();
  const { user } = people(w);
  const key = mintForCaller(w.state, { duration: 900, policy: undefined }, 'aksk', w.as(user));
  const caller = callerOf(w, key.access);
  const check = (securityToken: string | undefined) =>
    verdictOf(presentedKeyCheck(w.state, key.access, caller, claims({ securityToken }), w.clock));
  expect(check(key.security_token)).toBe('ok');
  expect(check(undefined)).toEqual(['AUTH_SECURITY_TOKEN_MISSING', true, true]);
  expect(check('')).toEqual(['AUTH_SECURITY_TOKEN_MISSING', true, true]);
  expect(check(`${key.security_token}x`)).toEqual(['AUTH_SECURITY_TOKEN_INVALID', true, true]);
  w.clock.advance(900);
  expect(check(`${key.security_token}x`)).toEqual(['AUTH_SECURITY_TOKEN_INVALID', true, true]);
  const expired = presentedKeyCheck(
    w.state,
    key.access,
    caller,
    claims({ securityToken: key.security_token }),
    w.clock,
  );
  expect(expired.refusal?.error.message).toMatch(
    /token expires, expires_at: 2024-01-02T03:19:05\.000000Z$/,
  );
  expect(verdictOf(expired)).toEqual(['AUTH_TEMP_KEY_EXPIRED', false, true]);
});

test("X-Domain-Id and X-Project-Id must name the credential's account and one of its projects", () => {
  const w = world();
  const other = createAccount(w.state, accountSpec('other'), w.ctx);
  const key = permanentKey(w);
  const caller = callerOf(w, key.access);
  const check = (c: Partial<Claims>) =>
    verdictOf(presentedKeyCheck(w.state, key.access, caller, claims(c), w.clock));
  const own = w.acme.projects[0]?.id ?? '';
  expect(check({ domainId: w.acme.account.id, projectId: own })).toBe('ok');
  expect(check({ domainId: other.account.id })).toEqual(['AUTH_SCOPE_MISMATCH', false, true]);
  for (const projectId of [other.projects[0]?.id ?? '', 'f'.repeat(32), 'constructor']) {
    expect(check({ projectId }), projectId).toEqual(['AUTH_SCOPE_MISMATCH', false, true]);
  }
  const refused = presentedKeyCheck(
    w.state,
    key.access,
    caller,
    claims({ projectId: 'p'.repeat(100) }),
    w.clock,
  );
  expect(refused.refusal?.error.message).toContain(
    `X-Project-Id ${'p'.repeat(64)} does not belong`,
  );
});

test('a token stands for its enabled user; expired, it still names them; scope as for keys', () => {
  const w = world();
  const { user } = people(w);
  const other = createAccount(w.state, accountSpec('other'), w.ctx);
  const token = issueToken(
    w.state,
    { user, methods: ['password'], scope: { type: 'unscoped' } },
    w.ctx,
  );
  const check = (c: Partial<Claims> = {}, id = token.id) =>
    verdictOf(tokenCheck(w.state, id, claims(c), w.clock));
  expect(check()).toBe('ok');
  expect(tokenCheck(w.state, token.id, NO_CLAIMS, w.clock).caller).toMatchObject({
    via: 'token',
    token: { id: token.id },
    user: { id: user.id },
  });
  expect(check({ domainId: other.account.id })).toEqual(['AUTH_SCOPE_MISMATCH', false, true]);
  expect(check({}, 'MIIbogus')).toEqual(['AUTH_TOKEN_INVALID', false, false]);
  expect(check({}, 'constructor')).toEqual(['AUTH_TOKEN_INVALID', false, false]);
  expect(verdictOf(tokenCheck(undefined, token.id, NO_CLAIMS, w.clock))).toEqual([
    'AUTH_TOKEN_INVALID',
    false,
    false,
  ]);
  w.clock.advance(86_400);
  // Expiry is the first refusal: the scope headers are not looked at.
  expect(check({ domainId: other.account.id })).toEqual(['AUTH_TOKEN_EXPIRED', false, true]);
  user.enabled = false;
  expect(check()).toEqual(['AUTH_TOKEN_INVALID', false, false]);
});
