/**
 * @module console/sessions
 * Console sessions: an opaque ID in an HttpOnly, SameSite=Lax cookie, a CSRF token, the signed-in
 * user (none before login), and an expiry on the **emulator** clock, renewed by each use. The
 * cookie itself has no Max-Age: the browser's clock is not the emulator's, so the server decides.
 * ⚠ UNCONFIRMED: the real console's idle timeout; we use 60 minutes (SESSION_IDLE_SECONDS).
 * Sessions are kept in memory: a restart signs everyone out (documented in docs/console.md).
 */
import type { Clock } from '../domain/clock.js';
import { newOpaqueId } from './secrets.js';

export const SESSION_COOKIE = 'iamtb_console';
export const SESSION_IDLE_SECONDS = 3600;

export interface ConsoleSession {
  id: string;
  csrf: string;
  user_id: string | null;
  created_at: number;
  expires_at: number;
}

export type SessionLookup =
  | { kind: 'live'; session: ConsoleSession }
  | { kind: 'expired' }
  | { kind: 'none' };

export class SessionBook {
  private readonly sessions = new Map<string, ConsoleSession>();

  constructor(private readonly clock: Clock) {}

  /** A new session (anonymous when `userId` is null); a sign-in always gets a new ID. */
  create(userId: string | null): ConsoleSession {
    this.prune();
    const now = this.clock.now();
    const session = { id: newOpaqueId(), csrf: newOpaqueId(24), user_id: userId, created_at: now, expires_at: now + SESSION_IDLE_SECONDS * 1000 };
    this.sessions.set(session.id, session);
    return session;
  }

  /** Finds a session and renews it; an expired one is removed and reported as such. */
  find(id: string | undefined): SessionLookup {
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return { kind: 'none' };
    const now = this.clock.now();
    if (now >= session.expires_at) {
      this.sessions.delete(session.id);
      return { kind: 'expired' };
    }
    session.expires_at = now + SESSION_IDLE_SECONDS * 1000;
    return { kind: 'live', session };
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  /** Drops every session of these users (tenant deleted or reset). */
  forgetUsers(userIds: ReadonlySet<string>): void {
    for (const [id, s] of this.sessions) if (s.user_id !== null && userIds.has(s.user_id)) this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [id, s] of this.sessions) if (now >= s.expires_at) this.sessions.delete(id);
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
    if (i > 0 && part.slice(0, i).trim() === SESSION_COOKIE) return part.slice(i + 1).trim() || undefined;
  }
  return undefined;
}
