import { expect, test } from 'vitest';
import { people, world } from '../testing/fixtures.js';
import { assumeRole, DEFAULT_AGENCY_NAME } from './agencies.js';
import { IamError } from './errors.js';
import { checkDuration, checkPolicy, mintForCaller } from './temporary-keys.js';
import { issueToken } from './tokens.js';

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof IamError) return `${error.id}: ${error.message}`;
    throw error;
  }
  throw new Error('expected an IamError');
};

test('duration_seconds: 900 by default, 900-86400 accepted, everything else one message', () => {
  expect(checkDuration(undefined)).toBe(900);
  expect(checkDuration(900)).toBe(900);
  expect(checkDuration(86_400)).toBe(86_400);
  const bad = [899, 86_401, 1.5, '900', null, 43_200_100_000, -1].map((v) =>
    messageOf(() => checkDuration(v)),
  );
  const templates = new Set(bad.map((m) => m.replace(/The value is '[^']*'/, "The value is 'X'")));
  expect(templates.size).toBe(1);
  expect(bad[0]).toBe(
    "TEMP_KEY_DURATION_INVALID: Invalid input for field 'duration_seconds'. The value is '899'. It must be an integer from 900 to 86400 (15 minutes to 24 hours).",
  );
});

test('a session policy is limited to 2048 characters of JSON', () => {
  const policy = (n: number) => ({
    Version: '1.1',
    Statement: [{ Effect: 'Allow', Action: ['x'.repeat(n)] }],
  });
  const base = JSON.stringify(policy(0)).length;
  expect(checkPolicy(policy(2048 - base))).toEqual(policy(2048 - base));
  expect(messageOf(() => checkPolicy(policy(2049 - base)))).toMatch(
    /^TEMP_KEY_POLICY_TOO_LONG: .*2049 characters/,
  );
  expect(checkPolicy(undefined)).toBeNull();
});

test('a key minted with a token never outlives the token; expiry follows the clock', () => {
  const w = world();
  const { user } = people(w);
  const token = issueToken(
    w.state,
    { user, methods: ['password'], scope: { type: 'unscoped' } },
    w.ctx,
  );
  w.clock.set(token.expires_at - 600_000);
  const ctx = { ...w.ctx, caller: { ...w.as(user).caller, via: 'token' as const, token } };
  const key = mintForCaller(w.state, { duration: 3600, policy: undefined }, 'token', ctx);
  expect(key.expires_at).toBe(token.expires_at);
  const plain = mintForCaller(
    w.state,
    { duration: 3600, policy: undefined, notAfter: w.clock.now() + 1000 },
    'aksk',
    w.as(user),
  );
  expect(plain.expires_at).toBe(w.clock.now() + 1000);
});

test('a key for the caller is an EMUT key of 900 s by default, for the caller itself', () => {
  const w = world();
  const { user } = people(w);
  const key = mintForCaller(
    w.state,
    { duration: undefined, policy: undefined },
    'aksk',
    w.as(user),
  );
  expect(key.expires_at).toBe(w.clock.now() + 900_000);
  expect(key.access).toMatch(/^EMUT[A-Z0-9]{16}$/);
  expect(key.principal).toEqual({ type: 'user', user_id: user.id });
});

test('assume_role mints in the delegating account through a trusting agency', () => {
  const w = world();
  const { user } = people(w);
  const key = assumeRole(
    w.state,
    { agency_name: DEFAULT_AGENCY_NAME, domain_name: 'acme', duration_seconds: 3600 },
    w.as(user),
  );
  expect(key).toMatchObject({
    domain_id: w.acme.account.id,
    source: 'assume_role',
    principal: { type: 'agency', assumed_by: user.id, session_user: user.name },
  });
  expect(
    messageOf(() => assumeRole(w.state, { agency_name: 'nope', domain_name: 'acme' }, w.as(user))),
  ).toMatch(/^KEYSTONE_NOT_FOUND/);
  expect(
    messageOf(() =>
      assumeRole(w.state, { agency_name: DEFAULT_AGENCY_NAME, domain_name: 'ghost' }, w.as(user)),
    ),
  ).toMatch(/^KEYSTONE_NOT_FOUND/);
});
