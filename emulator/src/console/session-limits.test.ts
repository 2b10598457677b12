/**
 * Console sessions are bounded: an idle and an absolute lifetime on the emulator clock, a hard cap
 * that evicts the least recently used, and anonymous sessions that cost the server nothing.
 * Behaviour only (which sessions live), never timing.
 */
import { describe, expect, test } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import { ConsoleHttpClient } from './console-http-client.js';
import {
  SESSION_IDLE_SECONDS,
  SESSION_LIMITS,
  SESSION_MAX_SECONDS,
  SessionBook,
  type SessionLimits,
} from './sessions.js';
import { useConsoleServer } from '../../test/support/console-server';

const U = 'a'.repeat(32);
const small = (maxSessions: number): SessionLimits => ({ ...SESSION_LIMITS, maxSessions });

describe('SessionBook', () => {
  test('the documented limits: 60 min idle, 24 h absolute, a cap', () => {
    expect(SESSION_LIMITS).toEqual({
      idleSeconds: SESSION_IDLE_SECONDS,
      maxSeconds: SESSION_MAX_SECONDS,
      maxSessions: expect.any(Number),
    });
    expect([SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS]).toEqual([3600, 86400]);
    expect(SESSION_LIMITS.maxSessions).toBeGreaterThanOrEqual(1000);
  });

  test('a session used all the time still ends 24 h after sign-in (absolute lifetime)', () => {
    const clock = new ManualClock(0);
    const book = new SessionBook(clock);
    const s = book.create(U);
    for (let used = 0; used < SESSION_MAX_SECONDS - 1800; used += 1800) {
      clock.advance(1800);
      expect(book.find(s.id).kind).toBe('live');
    }
    const live = book.find(s.id);
    expect(live.kind === 'live' && live.session.expires_at).toBe(SESSION_MAX_SECONDS * 1000);
    clock.advance(1800);
    expect(book.find(s.id).kind).toBe('ended');
    expect(book.size).toBe(0);
  });

  test('the cap evicts the least recently used session, never a busier one', () => {
    const clock = new ManualClock(0);
    const book = new SessionBook(clock, small(3));
    const [a, b, c] = [book.create(U), book.create(U), book.create(U)];
    clock.advance(1);
    expect(book.find(a.id).kind).toBe('live'); // a is now the most recently used; b the least
    const d = book.create(U);
    expect(book.size).toBe(3);
    expect(book.find(b.id).kind).toBe('ended');
    for (const s of [a, c, d]) expect(book.find(s.id).kind).toBe('live');
    const e = book.create(U); // order of use now: a, c, d, then e: a goes
    expect(book.find(a.id).kind).toBe('ended');
    for (const s of [c, d, e]) expect(book.find(s.id).kind).toBe('live');
  });

  test('idle sessions are dropped from the oldest end as new ones arrive', () => {
    const clock = new ManualClock(0);
    const book = new SessionBook(clock);
    for (let i = 0; i < 50; i++) book.create(U);
    clock.advance(SESSION_IDLE_SECONDS);
    const fresh = book.create(U);
    expect(book.size).toBe(1);
    expect(book.find(fresh.id).kind).toBe('live');
  });

  test('a cookie naming no live session is "ended" (expired, evicted, signed out); no cookie is "none"', () => {
    const book = new SessionBook(new ManualClock(0));
    expect(book.find(undefined).kind).toBe('none');
    expect(book.find('no-such-session').kind).toBe('ended');
    const s = book.create(U);
    book.destroy(s.id);
    expect(book.find(s.id).kind).toBe('ended');
  });

  test('anonymous sessions are stateless: a CSRF token bound to the cookie, expiring, nothing stored', () => {
    const clock = new ManualClock(0);
    const book = new SessionBook(clock);
    const anon = book.anonymous();
    expect(anon.user_id).toBeNull();
    expect(book.size).toBe(0);
    const found = book.find(anon.id);
    expect(found.kind === 'live' && found.session.csrf).toBe(anon.csrf);
    expect(book.anonymous().csrf).not.toBe(anon.csrf);
    expect(
      book.find(`${anon.id.slice(0, -1)}${anon.id.endsWith('A') ? 'B' : 'A'}`),
    ).not.toMatchObject({ session: { csrf: anon.csrf } });
    expect(new SessionBook(clock).find(anon.id)).not.toMatchObject({
      session: { csrf: anon.csrf },
    }); // another emulator (a restart)
    clock.advance(SESSION_IDLE_SECONDS);
    expect(book.find(anon.id).kind).toBe('none'); // nobody was signed in: nothing "expired"
    expect(book.find('anon.zzz.not-a-nonce').kind).toBe('none');
  });
});

describe('over HTTP', () => {
  const emulator = useConsoleServer();

  test('cookie-less GET /session stores nothing, and its token still signs in', async () => {
    const { url, server, tenant } = emulator();
    const t = await tenant();
    const book = server.runtime.console.sessions;
    const before = book.size;
    for (let i = 0; i < 20; i++)
      expect((await new ConsoleHttpClient(url).ensureSession()).authenticated).toBe(false);
    expect(book.size).toBe(before);
    const client = new ConsoleHttpClient(url);
    await client.ensureSession();
    const forged = await client.call(
      'POST',
      '/login',
      { account_name: t.domain.name, user_name: t.iam_user.name, password: t.iam_user.password },
      { 'x-console-csrf': 'forged' },
    );
    expect([forged.status, forged.json.error_code]).toEqual([403, 'CONSOLE.CSRF']);
    expect(book.size).toBe(before);
    expect((await client.login(t.domain.name, t.iam_user.name, t.iam_user.password)).status).toBe(
      200,
    );
    expect(book.size).toBe(before + 1);
  });

  test('an evicted or expired session is answered SESSION_EXPIRED, not "never signed in"', async () => {
    const { clock, tenant, signedIn } = emulator();
    const t = await tenant();
    const client = await signedIn(t);
    clock.advance(SESSION_IDLE_SECONDS);
    await signedIn(t); // a new sign-in sweeps the idle one away first
    const res = await client.call('GET', '/access-keys');
    expect([res.status, res.json.error_code]).toEqual([401, 'CONSOLE.SESSION_EXPIRED']);
    expect(res.json.error_msg).toMatch(/sign in again/i);
  });
});
