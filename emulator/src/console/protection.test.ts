/** Which verification the console asks for, from the account's protect policy. */
import { expect, test } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import { defaultProtectPolicy } from '../domain/protect-policy.js';
import type { AccountRecord, UserRecord } from '../domain/state.js';
import { ConsoleError } from './console-error.js';
import { checkProof, maskEmail, maskMobile, protectionFor } from './protection.js';
import { PasswordAttempts } from './password-attempts.js';
import { CodeBook } from './verification-codes.js';

const user: UserRecord = {
  id: '0123456789abcdef0123456789abcdef',
  domain_id: 'd'.repeat(32),
  name: 'dev',
  kind: 'iam',
  is_domain_owner: false,
  group_ids: [],
  password_hash: null,
  enabled: true,
  description: '',
  email: 'dev@example.com',
  created_at: 0,
  last_login_at: null,
  idp_id: null,
  access_keys: [],
};
const account = (policy = defaultProtectPolicy(true)): AccountRecord => ({
  id: user.domain_id,
  name: 'acme',
  created_at: 0,
  protect_policy: policy,
});

test('masks keep the ends of phone numbers and addresses', () => {
  expect(maskMobile('0086-13800001234')).toBe('0086-138****1234');
  expect(maskEmail('alice@example.com')).toBe('a***e@example.com');
});

test('self-verification offers SMS, e-mail, virtual MFA and password; off or federated needs none', () => {
  expect(protectionFor(user, account()).options).toEqual([
    { channel: 'sms', destination: '0086-199****4567' },
    { channel: 'email', destination: 'd***v@example.com' },
    { channel: 'vmfa' },
    { channel: 'password' },
  ]);
  expect(protectionFor(user, account(defaultProtectPolicy(false)))).toEqual({
    required: false,
    options: [],
  });
  expect(protectionFor({ ...user, kind: 'federated' }, account())).toEqual({
    required: false,
    options: [],
  });
});

test("a designated person gets the code on the policy's mobile or e-mail, and nothing else is accepted", () => {
  const policy = {
    ...defaultProtectPolicy(true),
    admin_check: 'on' as const,
    scene: 'email' as const,
    email: 'sec@example.com',
  };
  expect(protectionFor(user, account(policy))).toEqual({
    required: true,
    options: [{ channel: 'email', destination: 's***c@example.com' }],
  });
  const clock = new ManualClock(0);
  const codes = new CodeBook(clock);
  const books = { codes, passwords: new PasswordAttempts(clock) };
  expect(() =>
    checkProof(books, user, account(policy), 'create_access_key', {
      channel: 'password',
      password: 'x',
    }),
  ).toThrow(ConsoleError);
  const { code } = codes.issue({
    user_id: user.id,
    domain_id: user.domain_id,
    channel: 'email',
    purpose: 'create_access_key',
    destination: null,
  });
  const consume = checkProof(books, user, account(policy), 'create_access_key', {
    channel: 'email',
    code,
  });
  expect(codes.list()[0]?.used).toBe(false);
  consume();
  expect(codes.list()[0]?.used).toBe(true);
  expect(() =>
    checkProof(books, user, account(policy), 'create_access_key', { channel: 'email', code }),
  ).toThrow(/no open email code for this operation: it expired \(5 minutes\), was already used/);
});
