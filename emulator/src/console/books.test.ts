/** Verification codes, download tickets and sessions on a manual emulator clock. */
import { expect, test } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import { ConsoleError } from './console-error.js';
import { credentialsCsv, DownloadBook, TICKET_TTL_SECONDS } from './downloads.js';
import { SESSION_IDLE_SECONDS, SessionBook, sessionIdFrom } from './sessions.js';
import { CODE_TTL_SECONDS, CodeBook } from './verification-codes.js';

const U = 'a'.repeat(32);
const D = 'd'.repeat(32);

test('a code works for its user, channel and operation only, until it expires', () => {
  const clock = new ManualClock(0);
  const book = new CodeBook(clock);
  const { code } = book.issue({
    user_id: U,
    domain_id: D,
    channel: 'sms',
    purpose: 'create_access_key',
    destination: '0086-199****0000',
  });
  expect(code).toMatch(/^\d{6}$/);
  expect(book.check(U, 'sms', 'create_access_key', code).kind).toBe('ok');
  expect(book.check(U, 'email', 'create_access_key', code).kind).toBe('none');
  expect(book.check(U, 'sms', 'delete_access_key', code).kind).toBe('none');
  expect(book.check('b'.repeat(32), 'sms', 'create_access_key', code).kind).toBe('none');
  clock.advance(CODE_TTL_SECONDS);
  expect(book.check(U, 'sms', 'create_access_key', code).kind).toBe('none');
  expect(book.list({ user_id: U })).toEqual([
    {
      user_id: U,
      channel: 'sms',
      code,
      purpose: 'create_access_key',
      destination: '0086-199****0000',
      created_at: '1970-01-01T00:00:00.000Z',
      expires_at: '1970-01-01T00:05:00.000Z',
      used: false,
    },
  ]);
  book.clear(D);
  expect(book.list()).toEqual([]);
});

test('a download ticket answers once, only to its user, and lapses', () => {
  const clock = new ManualClock(0);
  const book = new DownloadBook(clock);
  const csv = credentialsCsv('dev, "ops"', 'EMUPAAAAAAAAAAAAAAA1', 'Emu' + 's'.repeat(37));
  expect(csv).toBe(
    `User Name,Access Key Id,Secret Access Key\n"dev, ""ops""",EMUPAAAAAAAAAAAAAAA1,Emu${'s'.repeat(37)}\n`,
  );
  const ticket = book.open({ user_id: U, domain_id: D, csv });
  expect(() => book.take(ticket, 'b'.repeat(32))).toThrow(ConsoleError);
  expect(book.take(ticket, U)).toBe(csv);
  expect(() => book.take(ticket, U)).toThrow(/already downloaded/);
  const late = book.open({ user_id: U, domain_id: D, csv });
  clock.advance(TICKET_TTL_SECONDS);
  expect(() => book.take(late, U)).toThrow(/expired/);
});

test('download tickets are dropped oldest first as they lapse, and capped', () => {
  const clock = new ManualClock(0);
  const book = new DownloadBook(clock, 3);
  const first = book.open({ user_id: U, domain_id: D, csv: 'a' });
  clock.advance(TICKET_TTL_SECONDS);
  const kept = [
    book.open({ user_id: U, domain_id: D, csv: 'b' }),
    book.open({ user_id: U, domain_id: D, csv: 'c' }),
  ];
  expect(() => book.take(first, U)).toThrow(/expired/); // lapsed, still known for one more TTL
  clock.advance(TICKET_TTL_SECONDS);
  book.open({ user_id: U, domain_id: D, csv: 'd' });
  expect(() => book.take(first, U)).toThrow(/No such download/);
  expect(book.size).toBe(3);
  book.open({ user_id: U, domain_id: D, csv: 'e' }); // over the cap: the oldest goes
  expect(book.size).toBe(3);
  expect(() => book.take(kept[0] ?? '', U)).toThrow(/No such download/);
});

test('sessions expire after the idle time on the emulator clock, and each use renews them', () => {
  const clock = new ManualClock(0);
  const book = new SessionBook(clock);
  const s = book.create(U);
  clock.advance(SESSION_IDLE_SECONDS - 1);
  expect(book.find(s.id).kind).toBe('live');
  clock.advance(SESSION_IDLE_SECONDS - 1);
  expect(book.find(s.id).kind).toBe('live');
  clock.advance(SESSION_IDLE_SECONDS);
  expect(book.find(s.id).kind).toBe('ended');
  expect(book.find(undefined).kind).toBe('none');
  expect(book.create(U).id).not.toBe(s.id);
  expect(sessionIdFrom(`a=1; iamtb_console=${s.id}; b=2`)).toBe(s.id);
  expect(sessionIdFrom('iamtb_console=')).toBeUndefined();
});
