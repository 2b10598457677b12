/**
 * @module console/protection
 * Operation protection as the console applies it (docs/reference/huawei-iam-api.md §6.1): with
 * `operation_protection` on, creating, enabling/disabling and deleting access keys needs proof.
 * - `admin_check: "on"`: a code sent to the designated person's mobile (`scene: "mobile"`) or
 *   e-mail (`scene: "email"`) from the policy;
 * - `admin_check: "off"`: the operator's own SMS, e-mail, virtual MFA code, or login password.
 * Federated users are not asked ("Federated users do not need to verify their identity").
 * Emulator deviation: every IAM user counts as bound to a phone, a mailbox and a virtual MFA
 * device, so each channel can be exercised; the destinations shown are placeholders
 * (`*.emulator.invalid`) unless the user has an e-mail address.
 */
import { verifyPassword } from '../domain/passwords.js';
import type { AccountRecord, UserRecord } from '../domain/state.js';
import type {
  ProtectedOperation,
  ProtectionInfo,
  Verification,
  VerificationOption,
} from './contract.js';
import { ConsoleError } from './console-error.js';
import type { PasswordAttempts } from './password-attempts.js';
import {
  CODE_TTL_SECONDS,
  MAX_CODE_ATTEMPTS,
  type CodeBook,
  type CodeChannel,
  type VerificationCode,
} from './verification-codes.js';

export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '');
  return digits.length < 7
    ? '****'
    : `${mobile.slice(0, mobile.length - 8)}****${mobile.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***${local.length > 1 ? local.slice(-1) : ''}@${domain}`;
}

/** The emulated phone of a user: stable, obviously fake. */
function emulatedMobile(user: UserRecord): string {
  const digits = user.id
    .replace(/[^0-9]/g, '')
    .padEnd(8, '0')
    .slice(0, 8);
  return `0086-199${digits}`;
}

function emailOf(user: UserRecord, account: AccountRecord): string {
  return user.email || `${user.name}@${account.name}.emulator.invalid`;
}

export function protectionFor(user: UserRecord, account: AccountRecord): ProtectionInfo {
  const policy = account.protect_policy;
  if (!policy.operation_protection || user.kind !== 'iam') return { required: false, options: [] };
  if (policy.admin_check === 'on') {
    const option: VerificationOption =
      policy.scene === 'email'
        ? { channel: 'email', destination: maskEmail(policy.email) }
        : { channel: 'sms', destination: maskMobile(policy.mobile) };
    return { required: true, options: [option] };
  }
  return {
    required: true,
    options: [
      { channel: 'sms', destination: maskMobile(emulatedMobile(user)) },
      { channel: 'email', destination: maskEmail(emailOf(user, account)) },
      { channel: 'vmfa' },
      { channel: 'password' },
    ],
  };
}

/** Records a code for `channel`, if the user's protection offers it. */
export function sendCode(
  codes: CodeBook,
  user: UserRecord,
  account: AccountRecord,
  channel: CodeChannel,
  purpose: ProtectedOperation,
): VerificationCode {
  const option = protectionFor(user, account).options.find((o) => o.channel === channel);
  if (!option) {
    throw new ConsoleError(
      'badRequest',
      `Verification by ${channel} is not available: operation protection is off for you, or the account's policy names another method.`,
    );
  }
  return codes.issue({
    user_id: user.id,
    domain_id: user.domain_id,
    channel,
    purpose,
    destination: option.destination ?? null,
  });
}

/** What a proof is checked against: the codes sent, and the count of wrong passwords. */
export interface ProofBooks {
  codes: CodeBook;
  passwords: PasswordAttempts;
}

const attempts = (n: number) => `${n} attempt${n === 1 ? '' : 's'} left`;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Checks the proof for a protected operation. Returns a function that consumes it, to be
 * called once the operation has succeeded (a refused operation does not burn the code). Wrong
 * codes and passwords count towards their attempt limits (verification-codes.ts,
 * password-attempts.ts).
 */
export function checkProof(
  books: ProofBooks,
  user: UserRecord,
  account: AccountRecord,
  purpose: ProtectedOperation,
  proof: Verification | undefined,
): () => void {
  const info = protectionFor(user, account);
  if (!info.required) return () => {};
  if (!proof) {
    throw new ConsoleError(
      'verificationRequired',
      'Operation protection is on: send "verification" with a code (sms, email, vmfa) or your password.',
    );
  }
  if (!info.options.some((o) => o.channel === proof.channel)) {
    throw new ConsoleError(
      'verificationFailed',
      `Verification by ${proof.channel} is not accepted under this account's operation-protection policy.`,
    );
  }
  if (proof.channel === 'password') {
    checkPassword(books.passwords, user, proof.password);
    return () => {};
  }
  const check = books.codes.check(user.id, proof.channel, purpose, proof.code);
  switch (check.kind) {
    case 'ok':
      return () => {
        check.code.used = true;
      };
    case 'wrong':
      throw new ConsoleError(
        'verificationFailed',
        `The ${proof.channel} code is wrong; ${attempts(check.attemptsLeft)} before it becomes void.`,
      );
    case 'void':
      throw new ConsoleError(
        'tooManyAttempts',
        `The ${proof.channel} code was entered wrong ${MAX_CODE_ATTEMPTS} times and is now void. Request a new code (Send Code, or POST /console-api/verification-codes) and enter that one.`,
      );
    case 'none':
      throw new ConsoleError(
        'verificationFailed',
        `There is no open ${proof.channel} code for this operation: it expired (${CODE_TTL_SECONDS / 60} minutes), was already used, or none was sent for it. Request a new code and enter that one.`,
      );
  }
}

function checkPassword(passwords: PasswordAttempts, user: UserRecord, password: string): void {
  const lockedOut = (until: number) => {
    const seconds = Math.max(1, Math.ceil((until - passwords.now()) / 1000));
    return new ConsoleError(
      'tooManyAttempts',
      `Too many wrong passwords: password verification is locked until ${iso(until)} (emulator clock). Verify with a code instead, or try again then.`,
      { 'Retry-After': String(seconds) },
    );
  };
  const until = passwords.lockedUntil(user.id);
  if (until !== null) throw lockedOut(until);
  if (verifyPassword(password, user.password_hash)) {
    passwords.succeed(user.id);
    return;
  }
  const failure = passwords.fail(user.id, user.domain_id);
  if (failure.locked) throw lockedOut(failure.until);
  throw new ConsoleError(
    'verificationFailed',
    `The password is incorrect; ${attempts(failure.attemptsLeft)} before password verification is locked.`,
  );
}
