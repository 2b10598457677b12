/**
 * @module console/anonymous-sessions
 * The session a browser holds before it signs in, kept by the browser alone. Its only use is
 * CSRF protection of the sign-in form (login CSRF), so the server stores nothing: the cookie is
 * `anon.<issued>.<nonce>` and its CSRF token is an HMAC of the cookie under a key made at
 * start-up. A flood of cookie-less `GET /console-api/session` therefore costs no memory and can
 * never push signed-in sessions out of the capped SessionBook. The key lives in memory, so a
 * restart voids every anonymous session, as it does the signed-in ones.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { newOpaqueId } from './secrets.js';
import type { ConsoleSession, SessionLookup } from './sessions.js';

const PREFIX = 'anon.';
const SHAPE = /^anon\.([0-9a-z]{1,11})\.[A-Za-z0-9_-]{22}$/;

/** Signed-in session IDs are base64url and never contain a dot: the prefix cannot collide. */
export const isAnonymousId = (id: string): boolean => id.startsWith(PREFIX);

export class AnonymousSessions {
  private readonly key = randomBytes(32);

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  issue(): ConsoleSession {
    const now = this.clock.now();
    return this.view(`${PREFIX}${Math.max(0, now).toString(36)}.${newOpaqueId(16)}`, now);
  }

  /**
   * Live until `lifetimeMs` after issue; one issued "in the future" (clock set back) is over too.
   * An anonymous session that is over is `none`, not `ended`: nobody was signed in, so there is
   * no expired sign-in to report.
   */
  find(id: string): SessionLookup {
    const issued = SHAPE.exec(id)?.[1];
    if (issued === undefined) return { kind: 'none' };
    const at = parseInt(issued, 36);
    const now = this.clock.now();
    if (at > now || now >= at + this.lifetimeMs) return { kind: 'none' };
    return { kind: 'live', session: this.view(id, at) };
  }

  private view(id: string, issued: number): ConsoleSession {
    const csrf = createHmac('sha256', this.key).update(id).digest('base64url');
    return { id, csrf, user_id: null, created_at: issued, expires_at: issued + this.lifetimeMs };
  }
}
