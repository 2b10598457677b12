/**
 * @module console/protection
 * Operation protection as the console applies it (huawei-iam-api.md §6.1): with
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
import { CONSOLE_ERRORS, type ProtectedOperation, type ProtectionInfo, type Verification, type VerificationOption } from './contract.js';
import { ConsoleError } from './console-error.js';
import type { CodeBook, CodeChannel, VerificationCode } from './verification-codes.js';

export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '');
  return digits.length < 7 ? '****' : `${mobile.slice(0, mobile.length - 8)}****${mobile.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***${local.length > 1 ? local.slice(-1) : ''}@${domain}`;
}

/** The emulated phone of a user: stable, obviously fake. */
function emulatedMobile(user: UserRecord): string {
  const digits = user.id.replace(/[^0-9]/g, '').padEnd(8, '0').slice(0, 8);
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
      policy.scene === 'email' ? { channel: 'email', destination: maskEmail(policy.email) } : { channel: 'sms', destination: maskMobile(policy.mobile) };
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
export function sendCode(codes: CodeBook, user: UserRecord, account: AccountRecord, channel: CodeChannel, purpose: ProtectedOperation): VerificationCode {
  const option = protectionFor(user, account).options.find((o) => o.channel === channel);
  if (!option) {
    throw new ConsoleError(400, CONSOLE_ERRORS.badRequest, `Verification by ${channel} is not available: operation protection is off for you, or the account's policy names another method.`);
  }
  return codes.issue({ user_id: user.id, domain_id: user.domain_id, channel, purpose, destination: option.destination ?? null });
}

/**
 * Checks the proof for a protected operation. Returns a function that consumes it, to be
 * called once the operation has succeeded (a refused operation does not burn the code).
 */
export function checkProof(
  codes: CodeBook,
  user: UserRecord,
  account: AccountRecord,
  purpose: ProtectedOperation,
  proof: Verification | undefined,
): () => void {
  const info = protectionFor(user, account);
  if (!info.required) return () => {};
  if (!proof) {
    throw new ConsoleError(403, CONSOLE_ERRORS.verificationRequired, 'Operation protection is on: send "verification" with a code (sms, email, vmfa) or your password.');
  }
  if (!info.options.some((o) => o.channel === proof.channel)) {
    throw new ConsoleError(403, CONSOLE_ERRORS.verificationFailed, `Verification by ${proof.channel} is not accepted under this account's operation-protection policy.`);
  }
  if (proof.channel === 'password') {
    if (!verifyPassword(proof.password, user.password_hash)) throw new ConsoleError(403, CONSOLE_ERRORS.verificationFailed, 'The password is incorrect.');
    return () => {};
  }
  const code = codes.find(user.id, proof.channel, purpose, proof.code.trim());
  if (!code) {
    throw new ConsoleError(403, CONSOLE_ERRORS.verificationFailed, `The ${proof.channel} code is wrong, expired, already used or was sent for another operation; request a new one.`);
  }
  return () => {
    code.used = true;
  };
}
