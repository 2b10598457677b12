/**
 * @module console/sessions
 * Console sessions: an opaque ID in an HttpOnly, SameSite=Lax cookie, a CSRF token, the signed-in
 * user, and an expiry on the **emulator** clock. The cookie itself has no Max-Age: the browser's
 * clock is not the emulator's, so the server decides.
 *
 * Limits (docs/console.md): a session ends after SESSION_IDLE_SECONDS without a call (1 hour:
 * the default "Session Timeout" of Huawei's IAM user guide, not configurable here) or SESSION_MAX_SECONDS after sign-in whatever the use
 * (⚠ UNCONFIRMED: 24 h, the longest timeout Huawei lets an administrator set, and the life of the
 * token the real console acts with); at most `maxSessions` are kept, the least recently used
 * evicted first.
 *
 * Cost: the Map is kept in last-use order (a use moves the session to the end), so idle-expired
 * sessions are all at the front; each request drops them from there and stops at the first live
 * one. Every session is removed at most once, so the work is O(1) amortised per request, never a
 * scan of all sessions. A session past its absolute lifetime but recently used sits further in;
 * it is ended when it is next looked up, or reaches the front within one idle period.
 * Anonymous (pre-login) sessions are not stored at all (anonymous-sessions.ts).
 * Sessions are kept in memory: a restart signs everyone out.
 */
import type { Clock } from '../domain/clock.js';
import { AnonymousSessions, isAnonymousId } from './anonymous-sessions.js';
import { newOpaqueId } from './secrets.js';

export const SESSION_COOKIE = 'iamtb_console';
export const SESSION_IDLE_SECONDS = 3600;
export const SESSION_MAX_SECONDS = 86_400;

export interface SessionLimits {
  idleSeconds: number;
  maxSeconds: number;
  /** Signed-in sessions kept at most; the least recently used goes first. */
  maxSessions: number;
}

/** ⚠ UNCONFIRMED cap: ample for any test run, small enough that memory stays bounded. */
export const SESSION_LIMITS: Readonly<SessionLimits> = {
  idleSeconds: SESSION_IDLE_SECONDS,
  maxSeconds: SESSION_MAX_SECONDS,
  maxSessions: 10_000,
};

export interface ConsoleSession {
  id: string;
  csrf: string;
  /** null for an anonymous (pre-login) session. */
  user_id: string | null;
  created_at: number;
  /** The earlier of last use + idle and sign-in + absolute lifetime. */
  expires_at: number;
}

/**
 * `ended`: the cookie names no live signed-in session — expired, evicted, signed out, or from
 * before a restart (the console session answers SESSION_EXPIRED); `none`: no cookie, or an anonymous
 * session that is over (NOT_SIGNED_IN; console/session-admission.ts).
 */
export type SessionLookup =
  { kind: 'live'; session: ConsoleSession } | { kind: 'ended' } | { kind: 'none' };

export class SessionBook {
  /** Signed-in sessions, least recently used first. */
  private readonly sessions = new Map<string, ConsoleSession & { last_used: number }>();
  private readonly anonymousSessions: AnonymousSessions;

  constructor(
    private readonly clock: Clock,
    private readonly limits: Readonly<SessionLimits> = SESSION_LIMITS,
  ) {
    this.anonymousSessions = new AnonymousSessions(clock, limits.idleSeconds * 1000);
  }

  /** Signed-in sessions held now. */
  get size(): number {
    return this.sessions.size;
  }

  /** A new signed-in session; a sign-in always gets a new ID. Evicts to stay under the cap. */
  create(userId: string): ConsoleSession {
    const now = this.clock.now();
    this.dropIdle(now);
    for (const id of this.sessions.keys()) {
      if (this.sessions.size < this.limits.maxSessions) break;
      this.sessions.delete(id);
    }
    const session = {
      id: newOpaqueId(),
      csrf: newOpaqueId(24),
      user_id: userId,
      created_at: now,
      last_used: now,
      expires_at: 0,
    };
    session.expires_at = this.expiry(session, now);
    this.sessions.set(session.id, session);
    return session;
  }

  /** A pre-login session: nothing is stored (see anonymous-sessions.ts). */
  anonymous(): ConsoleSession {
    return this.anonymousSessions.issue();
  }

  /** Finds a session and renews it (moving it to the most recently used end). */
  find(id: string | undefined): SessionLookup {
    if (!id) return { kind: 'none' };
    if (isAnonymousId(id)) return this.anonymousSessions.find(id);
    const session = this.sessions.get(id);
    const now = this.clock.now();
    this.dropIdle(now);
    if (!session || now >= session.expires_at) {
      this.sessions.delete(id);
      return { kind: 'ended' };
    }
    this.sessions.delete(id);
    session.last_used = now;
    session.expires_at = this.expiry(session, now);
    this.sessions.set(id, session);
    return { kind: 'live', session };
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  /** Drops every session of these users (tenant deleted or reset; control plane only, so a scan). */
  forgetUsers(userIds: ReadonlySet<string>): void {
    for (const [id, s] of this.sessions)
      if (s.user_id !== null && userIds.has(s.user_id)) this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }

  private expiry(session: { created_at: number }, lastUsed: number): number {
    return Math.min(
      lastUsed + this.limits.idleSeconds * 1000,
      session.created_at + this.limits.maxSeconds * 1000,
    );
  }

  /** Removes idle-expired sessions from the front; stops at the first one still in its idle time. */
  private dropIdle(now: number): void {
    for (const [id, s] of this.sessions) {
      if (now < s.last_used + this.limits.idleSeconds * 1000) return;
      this.sessions.delete(id);
    }
  }
}

/** `Set-Cookie` value for a session (Path=/ so both /iam/ and /authui/ see it). */
export function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** The session ID from a `Cookie` header. */
export function sessionIdFrom(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === SESSION_COOKIE)
      return part.slice(i + 1).trim() || undefined;
  }
  return undefined;
}
