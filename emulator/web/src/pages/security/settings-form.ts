/** @module Checks a Security Settings draft before it is sent (formats from docs/reference/huawei-iam-api.md §6.1). */
import type { SecuritySettings } from '../../api/contract';
import type { MessageKey } from '../../i18n/i18n';

const MOBILE_RE = /^\d{4}-\d{4,15}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The message key of the first problem, or null when the draft can be sent. */
export function settingsProblem(s: SecuritySettings): MessageKey | null {
  if (!s.operation_protection || s.verifier !== 'designated') return null;
  if (s.scene === 'email') return EMAIL_RE.test(s.email) ? null : 'security.emailInvalid';
  return MOBILE_RE.test(s.mobile) ? null : 'security.mobileInvalid';
}
