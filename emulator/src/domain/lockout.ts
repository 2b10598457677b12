/**
 * @module domain/lockout
 * AK lock-out: "after more than 5 consecutive AK/SK failures the AK is locked for 5 minutes"
 * (docs/reference/huawei-iam-api.md §7.4). So the 6th consecutive failure locks the AK; from the next request on,
 * even a correct signature is refused until 5 minutes have passed on the emulator clock. A success
 * resets the count. Kept in memory: a restart (or the control plane's reset) unlocks everything.
 */
import { AKSK_FAILURES_BEFORE_LOCK, AKSK_LOCK_SECONDS } from '@iam-testbed/shared';
import type { Clock } from './clock.js';

interface Entry {
  failures: number;
  lockedUntil: number | null;
}

export interface LockoutOptions {
  /** Failures tolerated; one more locks. @default 5 */
  threshold?: number;
  /** @default 300 */
  lockSeconds?: number;
}

export class AkLockout {
  private readonly entries = new Map<string, Entry>();
  private readonly threshold: number;
  private readonly lockMs: number;

  constructor(
    private readonly clock: Clock,
    options: LockoutOptions = {},
  ) {
    this.threshold = options.threshold ?? AKSK_FAILURES_BEFORE_LOCK;
    this.lockMs = (options.lockSeconds ?? AKSK_LOCK_SECONDS) * 1000;
  }

  /** The lock's end (ms) while `ak` is locked, else null. An expired lock is lifted here. */
  lockedUntil(ak: string): number | null {
    const entry = this.entries.get(ak);
    if (!entry?.lockedUntil) return null;
    if (this.clock.now() < entry.lockedUntil) return entry.lockedUntil;
    this.entries.delete(ak);
    return null;
  }

  /** Counts a failure; returns true when this failure locked the AK. */
  recordFailure(ak: string): boolean {
    const entry = this.entries.get(ak) ?? { failures: 0, lockedUntil: null };
    entry.failures += 1;
    this.entries.set(ak, entry);
    if (entry.failures > this.threshold && entry.lockedUntil === null) {
      entry.lockedUntil = this.clock.now() + this.lockMs;
      return true;
    }
    return false;
  }

  recordSuccess(ak: string): void {
    this.entries.delete(ak);
  }

  /** Consecutive failures so far (for the journal and tests). */
  failures(ak: string): number {
    return this.entries.get(ak)?.failures ?? 0;
  }

  /** Forgets these AKs' failures and locks (their account was reset or deleted). */
  forget(aks: Iterable<string>): void {
    for (const ak of aks) this.entries.delete(ak);
  }

  clear(): void {
    this.entries.clear();
  }
}
