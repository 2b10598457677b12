/**
 * @module console/console-state
 * The console's own memory per running emulator: sessions, verification codes, wrong-password
 * counts and download tickets, held on the Runtime (`rt.console`, made by createRuntime). None of it is persisted (a
 * restart signs everyone out and voids pending codes and downloads); it all follows the runtime's
 * emulator clock. Express-free: the console API, the control plane (console sessions, codes,
 * reset, tenant deletion, state import) and tests all use this one set of operations.
 */
import type { Clock } from '../domain/clock.js';
import { ownRecord, type TenantDoc } from '../domain/state.js';
import { DownloadBook } from './downloads.js';
import { PasswordAttempts } from './password-attempts.js';
import { SESSION_COOKIE, SessionBook, sessionCookie } from './sessions.js';
import { CodeBook } from './verification-codes.js';

/** `POST /_emulator/console-sessions` → 201: a session the console accepts like a login's. */
export interface ConsoleSessionView {
  user_id: string;
  /** `Set-Cookie`-style value: `iamtb_console=…; Path=/; HttpOnly; SameSite=Lax`. */
  cookie: string;
  /** Cookie name and value, for a browser automation's `setCookie`. */
  name: string;
  value: string;
  /** Send as `X-Console-Csrf` on state-changing console API calls. */
  csrf_token: string;
  expires_at: string;
}

export class ConsoleState {
  readonly sessions: SessionBook;
  readonly codes: CodeBook;
  /** Wrong operation-protection passwords, per user (the lock-out). */
  readonly passwords: PasswordAttempts;
  readonly downloads: DownloadBook;

  constructor(clock: Clock) {
    this.sessions = new SessionBook(clock);
    this.codes = new CodeBook(clock);
    this.passwords = new PasswordAttempts(clock);
    this.downloads = new DownloadBook(clock);
  }

  /**
   * A signed-in session for `userId` (a user of `tenant`, the committed document) without the login
   * form; undefined when there is no such enabled user. The cookie is a secret created for this one
   * answer.
   */
  openSession(tenant: Pick<TenantDoc, 'users'>, userId: string): ConsoleSessionView | undefined {
    const user = ownRecord(tenant.users, userId);
    if (!user?.enabled) return undefined;
    const session = this.sessions.create(user.id);
    return {
      user_id: user.id,
      cookie: sessionCookie(session.id),
      name: SESSION_COOKIE,
      value: session.id,
      csrf_token: session.csrf,
      expires_at: new Date(session.expires_at).toISOString(),
    };
  }

  /** Forgets one account's codes, password lock-outs, downloads and its users' sessions (tenant reset or deleted). */
  forgetAccount(domainId: string, userIds: ReadonlySet<string>): void {
    this.codes.clear(domainId);
    this.passwords.clear(domainId);
    this.downloads.clear(domainId);
    this.sessions.forgetUsers(userIds);
  }

  /** Forgets everything (full reset, state import). */
  forgetEverything(): void {
    this.codes.clear();
    this.passwords.clear();
    this.downloads.clear();
    this.sessions.clear();
  }
}
