/**
 * @module console/password-attempts
 * Wrong login passwords given as proof for operation protection, per user. `maxFailures` wrong
 * ones within `windowSeconds` lock password verification for `lockSeconds` (emulator clock); a
 * right password clears the count. Codes (SMS, e-mail, virtual MFA) still work while it is
 * locked, so a user who forgot the password is not stuck.
 * The numbers are the defaults of Huawei's console "Account Lockout" setting for sign-in
 * (Security Settings → Login Authentication Policy: 5 failed attempts, counter reset after 15
 * minutes, locked for 15 minutes; "Login Authentication Policy",
 * https://support.huaweicloud.com/intl/en-us/my-kualalumpur-1-usermanual-iam/iam_01_0704.html).
 * ⚠ UNCONFIRMED that the real console applies them to the operation-protection password check.
 * In memory only, bounded to `maxTracked` users (the oldest entry goes first).
 */
import type { Clock } from '../domain/clock.js';

export interface PasswordProofLimits {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const PASSWORD_PROOF_LIMITS: Readonly<PasswordProofLimits> = {
  maxFailures: 5,
  windowSeconds: 900,
  lockSeconds: 900,
};

interface Entry {
  domain_id: string;
  failures: number;
  /** The count started here; it is forgotten `windowSeconds` later. */
  since: number;
  /** Set when locked. */
  locked_until: number | null;
}

export type PasswordFailure =
  { locked: false; attemptsLeft: number } | { locked: true; until: number };

export class PasswordAttempts {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: Readonly<
      PasswordProofLimits & { maxTracked?: number }
    > = PASSWORD_PROOF_LIMITS,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The emulator clock this book counts on (for Retry-After). */
  now(): number {
    return this.clock.now();
  }

  /** When password verification unlocks for this user, or null when it is not locked. */
  lockedUntil(userId: string): number | null {
    const entry = this.live(userId);
    return entry?.locked_until ?? null;
  }

  /** Counts a wrong password; the `maxFailures`-th within the window locks. */
  fail(userId: string, domainId: string): PasswordFailure {
    const now = this.clock.now();
    const entry = this.live(userId) ?? {
      domain_id: domainId,
      failures: 0,
      since: now,
      locked_until: null,
    };
    entry.failures += 1;
    this.entries.delete(userId); // re-inserted at the newest end
    this.entries.set(userId, entry);
    for (const id of this.entries.keys()) {
      if (this.entries.size <= (this.limits.maxTracked ?? 10_000)) break;
      this.entries.delete(id);
    }
    if (entry.failures < this.limits.maxFailures)
      return { locked: false, attemptsLeft: this.limits.maxFailures - entry.failures };
    entry.locked_until = now + this.limits.lockSeconds * 1000;
    return { locked: true, until: entry.locked_until };
  }

  /** A right password: the count starts again. */
  succeed(userId: string): void {
    this.entries.delete(userId);
  }

  /** Forgets one account's users, or everyone. */
  clear(domainId?: string): void {
    for (const [id, e] of this.entries)
      if (domainId === undefined || e.domain_id === domainId) this.entries.delete(id);
  }

  /** The user's entry while it still matters (locked, or within its counting window). */
  private live(userId: string): Entry | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    const now = this.clock.now();
    const current =
      entry.locked_until !== null
        ? now < entry.locked_until
        : now < entry.since + this.limits.windowSeconds * 1000;
    if (current) return entry;
    this.entries.delete(userId);
    return undefined;
  }
}
