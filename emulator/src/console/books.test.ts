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
  const { code } = book.issue({ user_id: U, domain_id: D, channel: 'sms', purpose: 'create_access_key', destination: '0086-199****0000' });
  expect(code).toMatch(/^\d{6}$/);
  expect(book.find(U, 'sms', 'create_access_key', code)).toBeDefined();
  expect(book.find(U, 'email', 'create_access_key', code)).toBeUndefined();
  expect(book.find(U, 'sms', 'delete_access_key', code)).toBeUndefined();
  expect(book.find('b'.repeat(32), 'sms', 'create_access_key', code)).toBeUndefined();
  clock.advance(CODE_TTL_SECONDS);
  expect(book.find(U, 'sms', 'create_access_key', code)).toBeUndefined();
  expect(book.list({ user_id: U })).toEqual([
    { user_id: U, channel: 'sms', code, purpose: 'create_access_key', destination: '0086-199****0000', created_at: '1970-01-01T00:00:00.000Z', expires_at: '1970-01-01T00:05:00.000Z', used: false },
  ]);
  book.clear(D);
  expect(book.list()).toEqual([]);
});

test('a download ticket answers once, only to its user, and lapses', () => {
  const clock = new ManualClock(0);
  const book = new DownloadBook(clock);
  const csv = credentialsCsv('dev, "ops"', 'EMUPAAAAAAAAAAAAAAA1', 'Emu' + 's'.repeat(37));
  expect(csv).toBe(`User Name,Access Key Id,Secret Access Key\n"dev, ""ops""",EMUPAAAAAAAAAAAAAAA1,Emu${'s'.repeat(37)}\n`);
  const ticket = book.open({ user_id: U, domain_id: D, csv });
  expect(() => book.take(ticket, 'b'.repeat(32))).toThrow(ConsoleError);
  expect(book.take(ticket, U)).toBe(csv);
  expect(() => book.take(ticket, U)).toThrow(/already downloaded/);
  const late = book.open({ user_id: U, domain_id: D, csv });
  clock.advance(TICKET_TTL_SECONDS);
  expect(() => book.take(late, U)).toThrow(/expired/);
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
  expect(book.find(s.id).kind).toBe('expired');
  expect(book.find(s.id).kind).toBe('none');
  expect(book.create(U).id).not.toBe(s.id);
  expect(sessionIdFrom(`a=1; iamtb_console=${s.id}; b=2`)).toBe(s.id);
  expect(sessionIdFrom('iamtb_console=')).toBeUndefined();
});
