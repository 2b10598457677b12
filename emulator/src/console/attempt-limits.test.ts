/**
 * Operation protection has attempt limits: a verification code is void after MAX_CODE_ATTEMPTS
 * wrong tries (a new one must be requested), and MAX wrong passwords lock password verification
 * for a while. Each refusal is a stable CONSOLE.* code that says what to do, and changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import { defaultProtectPolicy } from '../domain/protect-policy.js';
import { hashPassword } from '../domain/passwords.js';
import { cryptoRandom } from '../domain/random.js';
import type { AccountRecord, UserRecord } from '../domain/state.js';
import { ConsoleError } from './console-error.js';
import { PASSWORD_PROOF_LIMITS, PasswordAttempts } from './password-attempts.js';
import { checkProof } from './protection.js';
import { CodeBook, MAX_CODE_ATTEMPTS } from './verification-codes.js';
import { useConsoleServer } from '../../test/support/console-server';

const user: UserRecord = {
  id: '0123456789abcdef0123456789abcdef',
  domain_id: 'd'.repeat(32),
  name: 'dev',
  kind: 'iam',
  is_domain_owner: false,
  group_ids: [],
  password_hash: hashPassword('Right-Passw0rd', cryptoRandom),
  enabled: true,
  description: '',
  email: 'dev@example.com',
  created_at: 0,
  last_login_at: null,
  idp_id: null,
  access_keys: [],
};
const account: AccountRecord = {
  id: user.domain_id,
  name: 'acme',
  created_at: 0,
  protect_policy: defaultProtectPolicy(true),
};

/** Runs `fn` and returns the ConsoleError it throws (or fails the test). */
function refusal(fn: () => unknown): ConsoleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConsoleError) return e;
    throw e;
  }
  throw new Error('expected a ConsoleError');
}

const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('limits', () => {
  test('the documented numbers: 5 wrong codes; 5 wrong passwords in 15 minutes lock for 15 minutes', () => {
    expect(MAX_CODE_ATTEMPTS).toBe(5);
    expect(PASSWORD_PROOF_LIMITS).toEqual({ maxFailures: 5, windowSeconds: 900, lockSeconds: 900 });
  });
});

describe('codes', () => {
  test('each wrong try counts; the last one voids the code, which then fails even when right', () => {
    const clock = new ManualClock(0);
    const books = { codes: new CodeBook(clock), passwords: new PasswordAttempts(clock) };
    const { code } = books.codes.issue({
      user_id: user.id,
      domain_id: user.domain_id,
      channel: 'sms',
      purpose: 'create_access_key',
      destination: null,
    });
    const tryCode = (c: string) => () =>
      checkProof(books, user, account, 'create_access_key', { channel: 'sms', code: c });
    for (let left = MAX_CODE_ATTEMPTS - 1; left >= 1; left--) {
      const e = refusal(tryCode(wrongOf(code)));
      expect([e.status, e.code]).toEqual([403, 'CONSOLE.VERIFICATION_FAILED']);
      expect(e.message).toContain(`${left} attempt${left === 1 ? '' : 's'} left`);
    }
    const last = refusal(tryCode(wrongOf(code)));
    expect([last.status, last.code]).toEqual([429, 'CONSOLE.TOO_MANY_ATTEMPTS']);
    expect(last.message).toMatch(/request a new code/i);
    expect(refusal(tryCode(code)).code).toBe('CONSOLE.TOO_MANY_ATTEMPTS');
    // A new code starts afresh, and works.
    const fresh = books.codes.issue({
      user_id: user.id,
      domain_id: user.domain_id,
      channel: 'sms',
      purpose: 'create_access_key',
      destination: null,
    });
    expect(refusal(tryCode(wrongOf(fresh.code))).code).toBe('CONSOLE.VERIFICATION_FAILED');
    expect(
      typeof checkProof(books, user, account, 'create_access_key', {
        channel: 'sms',
        code: fresh.code,
      }),
    ).toBe('function');
  });

  test('a try with no code outstanding says to request one, and voids nothing else', () => {
    const clock = new ManualClock(0);
    const books = { codes: new CodeBook(clock), passwords: new PasswordAttempts(clock) };
    const other = books.codes.issue({
      user_id: user.id,
      domain_id: user.domain_id,
      channel: 'email',
      purpose: 'delete_access_key',
      destination: null,
    });
    for (let i = 0; i < MAX_CODE_ATTEMPTS + 2; i++) {
      const e = refusal(() =>
        checkProof(books, user, account, 'create_access_key', { channel: 'sms', code: '000000' }),
      );
      expect(e.code).toBe('CONSOLE.VERIFICATION_FAILED');
      expect(e.message).toMatch(/request a (new )?code/i);
    }
    expect(
      typeof checkProof(books, user, account, 'delete_access_key', {
        channel: 'email',
        code: other.code,
      }),
    ).toBe('function');
  });
});

describe('passwords', () => {
  test('5 wrong passwords lock password verification for 15 minutes (emulator clock), with Retry-After', () => {
    const clock = new ManualClock(0);
    const books = { codes: new CodeBook(clock), passwords: new PasswordAttempts(clock) };
    const tryPassword = (p: string) => () =>
      checkProof(books, user, account, 'update_access_key', { channel: 'password', password: p });
    for (let left = 4; left >= 1; left--) {
      const e = refusal(tryPassword('Wrong-Passw0rd'));
      expect([e.status, e.code]).toEqual([403, 'CONSOLE.VERIFICATION_FAILED']);
      expect(e.message).toContain(`${left} attempt${left === 1 ? '' : 's'} left`);
    }
    const locked = refusal(tryPassword('Wrong-Passw0rd'));
    expect([locked.status, locked.code, locked.headers['Retry-After']]).toEqual([
      429,
      'CONSOLE.TOO_MANY_ATTEMPTS',
      '900',
    ]);
    expect(locked.message).toMatch(/code instead/);
    clock.advance(600);
    const still = refusal(tryPassword('Right-Passw0rd'));
    expect([still.code, still.headers['Retry-After']]).toEqual([
      'CONSOLE.TOO_MANY_ATTEMPTS',
      '300',
    ]);
    clock.advance(300);
    expect(typeof tryPassword('Right-Passw0rd')()).toBe('function');
  });

  test('failures older than the 15-minute window are forgotten, and a right password resets the count', () => {
    const clock = new ManualClock(0);
    const books = { codes: new CodeBook(clock), passwords: new PasswordAttempts(clock) };
    const tryPassword = (p: string) => () =>
      checkProof(books, user, account, 'update_access_key', { channel: 'password', password: p });
    for (let i = 0; i < 4; i++) refusal(tryPassword('Wrong-Passw0rd'));
    clock.advance(PASSWORD_PROOF_LIMITS.windowSeconds);
    expect(refusal(tryPassword('Wrong-Passw0rd')).message).toContain('4 attempts left');
    tryPassword('Right-Passw0rd')();
    expect(refusal(tryPassword('Wrong-Passw0rd')).message).toContain('4 attempts left');
  });

  test('the book forgets an account, and stays bounded', () => {
    const clock = new ManualClock(0);
    const attempts = new PasswordAttempts(clock, { ...PASSWORD_PROOF_LIMITS, maxTracked: 2 });
    attempts.fail('u1', 'd1');
    attempts.fail('u2', 'd2');
    attempts.fail('u3', 'd2');
    expect(attempts.size).toBe(2);
    attempts.clear('d2');
    expect(attempts.size).toBe(0);
  });
});

describe('over HTTP', () => {
  const emulator = useConsoleServer();

  test('wrong codes up to the limit: 403 then 429; the key list never changes; a new code works', async () => {
    const { server, tenant, signedIn } = emulator();
    const t = await tenant({ operation_protection: true });
    const client = await signedIn(t);
    const keys = async () => (await client.call('GET', '/access-keys')).json.access_keys.length;
    const before = await keys();
    await client.call('POST', '/verification-codes', {
      channel: 'sms',
      operation: 'create_access_key',
    });
    const sent = server.runtime.console.codes.list({ user_id: t.iam_user.id }).at(-1)?.code ?? '';
    const statuses: Array<[number, string]> = [];
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) {
      const res = await client.call('POST', '/access-keys', {
        description: 'x',
        verification: { channel: 'sms', code: wrongOf(sent) },
      });
      statuses.push([res.status, res.json.error_code]);
    }
    expect(statuses).toEqual([
      ...Array(MAX_CODE_ATTEMPTS - 1).fill([403, 'CONSOLE.VERIFICATION_FAILED']),
      [429, 'CONSOLE.TOO_MANY_ATTEMPTS'],
    ]);
    const right = await client.call('POST', '/access-keys', {
      description: 'x',
      verification: { channel: 'sms', code: sent },
    });
    expect([right.status, right.json.error_code]).toEqual([429, 'CONSOLE.TOO_MANY_ATTEMPTS']);
    expect(await keys()).toBe(before);
    await client.call('POST', '/verification-codes', {
      channel: 'sms',
      operation: 'create_access_key',
    });
    const fresh = server.runtime.console.codes.list({ user_id: t.iam_user.id }).at(-1)?.code ?? '';
    expect(
      (
        await client.call('POST', '/access-keys', {
          description: 'x',
          verification: { channel: 'sms', code: fresh },
        })
      ).status,
    ).toBe(201);
  });

  test('a malformed code is a 400 and does not count as a try', async () => {
    const { server, tenant, signedIn } = emulator();
    const t = await tenant({ operation_protection: true });
    const client = await signedIn(t);
    await client.call('POST', '/verification-codes', {
      channel: 'email',
      operation: 'create_access_key',
    });
    // More malformed codes than the limit allows wrong ones: none may count.
    const malformed = ['12345', 'abcdef', ' 123456', '1234567', '12 456', '１２３４５６'];
    expect(malformed.length).toBeGreaterThan(MAX_CODE_ATTEMPTS);
    for (const code of malformed) {
      const res = await client.call('POST', '/access-keys', {
        description: 'x',
        verification: { channel: 'email', code },
      });
      expect([res.status, res.json.error_code], code).toEqual([400, 'CONSOLE.BAD_REQUEST']);
      expect(res.json.error_msg).toContain('verification.code');
    }
    const sent = server.runtime.console.codes.list({ user_id: t.iam_user.id }).at(-1)?.code ?? '';
    const right = await client.call('POST', '/access-keys', {
      description: 'x',
      verification: { channel: 'email', code: sent },
    });
    expect(right.status).toBe(201);
  });

  test('wrong passwords lock password verification with 429 and Retry-After; a code still works', async () => {
    const { server, tenant, signedIn } = emulator();
    const t = await tenant({ operation_protection: true });
    const client = await signedIn(t);
    const { access } = t.iam_user.access_key;
    const disable = (verification: unknown) =>
      client.call('PUT', `/access-keys/${access}`, { status: 'inactive', verification });
    for (let i = 0; i < 4; i++)
      expect(
        (await disable({ channel: 'password', password: 'nope-Passw0rd' })).json.error_code,
      ).toBe('CONSOLE.VERIFICATION_FAILED');
    const locked = await disable({ channel: 'password', password: 'nope-Passw0rd' });
    expect([locked.status, locked.json.error_code, locked.headers.get('retry-after')]).toEqual([
      429,
      'CONSOLE.TOO_MANY_ATTEMPTS',
      '900',
    ]);
    expect((await disable({ channel: 'password', password: t.iam_user.password })).status).toBe(
      429,
    );
    expect((await client.call('GET', '/access-keys')).json.access_keys[0].status).toBe('active');
    await client.call('POST', '/verification-codes', {
      channel: 'vmfa',
      operation: 'update_access_key',
    });
    const code = server.runtime.console.codes.list({ user_id: t.iam_user.id }).at(-1)?.code;
    expect((await disable({ channel: 'vmfa', code })).status).toBe(200);
  });
});
