/**
 * @module console/verification-codes
 * The codes operation protection "sends" by SMS, e-mail or virtual MFA. Nothing is sent: each code
 * is recorded here, and the control plane lists them (`GET /_emulator/verification-codes`,
 * issue 5) so tests and people read them there — as Firebase's Auth emulator exposes its codes.
 * A code is bound to the user, the channel and the operation it was asked for, lives
 * CODE_TTL_SECONDS on the emulator clock and works once. Wrong tries count against every code
 * still open for that user, channel and operation; at MAX_CODE_ATTEMPTS the code is void, even
 * for the right digits, and a new one must be requested (6 digits, 5 tries: a guess succeeds
 * 1 time in 200,000 per code sent).
 * ⚠ UNCONFIRMED: the real validity (5 minutes here) and attempt limit (5 here, the number
 * Huawei's console uses by default for wrong sign-in passwords and the API for AK failures). A virtual MFA device shows a new TOTP every
 * 30 s on its own; here its code appears when the console asks for one (documented deviation).
 */
import { constantTimeEqual } from '@iam-testbed/shared';
import type { Clock } from '../domain/clock.js';
import type { ProtectedOperation } from './contract.js';
import { newNumericCode } from './secrets.js';

export const CODE_TTL_SECONDS = 300;
/** Wrong tries a code survives minus one: the MAX_CODE_ATTEMPTS-th wrong try voids it. */
export const MAX_CODE_ATTEMPTS = 5;
/** Oldest codes are dropped beyond this many (the book is memory only). */
const MAX_CODES = 1000;

export type CodeChannel = 'sms' | 'email' | 'vmfa';

export interface VerificationCode {
  user_id: string;
  domain_id: string;
  channel: CodeChannel;
  code: string;
  purpose: ProtectedOperation;
  /** Masked phone or address the code went to (absent for vmfa). */
  destination: string | null;
  created_at: number;
  expires_at: number;
  used: boolean;
  /** Wrong tries while this code was open. */
  failures: number;
}

/**
 * The outcome of a try: `ok` (not yet consumed), `wrong` (counted), `void` (this or an earlier
 * try used up the attempts), `none` (no open code for that user, channel and operation).
 */
export type CodeCheck =
  | { kind: 'ok'; code: VerificationCode }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'void' }
  | { kind: 'none' };

/** One code in `GET /_emulator/verification-codes` (times as ISO strings; control/wire.ts re-exports it). */
export interface VerificationCodeItem {
  user_id: string;
  channel: CodeChannel;
  code: string;
  purpose: ProtectedOperation;
  /** Masked phone or address the code "went to"; null for virtual MFA. */
  destination: string | null;
  created_at: string;
  expires_at: string;
  used: boolean;
}

export class CodeBook {
  private codes: VerificationCode[] = [];

  constructor(private readonly clock: Clock) {}

  issue(
    input: Pick<VerificationCode, 'user_id' | 'domain_id' | 'channel' | 'purpose' | 'destination'>,
  ): VerificationCode {
    const now = this.clock.now();
    const code: VerificationCode = {
      ...input,
      code: newNumericCode(),
      created_at: now,
      expires_at: now + CODE_TTL_SECONDS * 1000,
      used: false,
      failures: 0,
    };
    this.codes.push(code);
    if (this.codes.length > MAX_CODES) this.codes = this.codes.slice(-MAX_CODES);
    return code;
  }

  /** Checks a try and counts it when wrong. Does not consume a right code (the caller does). */
  check(
    userId: string,
    channel: CodeChannel,
    purpose: ProtectedOperation,
    typed: string,
  ): CodeCheck {
    const now = this.clock.now();
    const open = this.codes.filter(
      (c) =>
        c.user_id === userId &&
        c.channel === channel &&
        c.purpose === purpose &&
        !c.used &&
        now < c.expires_at,
    );
    const usable = open.filter((c) => c.failures < MAX_CODE_ATTEMPTS);
    const hit = usable.find((c) => constantTimeEqual(c.code, typed));
    if (hit) return { kind: 'ok', code: hit };
    if (open.length === 0) return { kind: 'none' };
    if (usable.length === 0) return { kind: 'void' };
    for (const c of usable) c.failures += 1;
    const attemptsLeft = Math.max(...usable.map((c) => MAX_CODE_ATTEMPTS - c.failures));
    return attemptsLeft === 0 ? { kind: 'void' } : { kind: 'wrong', attemptsLeft };
  }

  /** Newest last; all users when `userId` is undefined. */
  list(filter: { user_id?: string; domain_id?: string } = {}): VerificationCodeItem[] {
    return this.codes
      .filter(
        (c) =>
          (filter.user_id === undefined || c.user_id === filter.user_id) &&
          (filter.domain_id === undefined || c.domain_id === filter.domain_id),
      )
      .map((c) => ({
        user_id: c.user_id,
        channel: c.channel,
        code: c.code,
        purpose: c.purpose,
        destination: c.destination,
        created_at: new Date(c.created_at).toISOString(),
        expires_at: new Date(c.expires_at).toISOString(),
        used: c.used,
      }));
  }

  /** Forgets the codes of one account, or all. */
  clear(domainId?: string): void {
    this.codes = domainId === undefined ? [] : this.codes.filter((c) => c.domain_id !== domainId);
  }
}
