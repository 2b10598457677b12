/**
 * @module Operation protection in a console dialog, done as a tester does it: choose the channel,
 * press "Send Code", read the code the emulator "sent" from the control plane
 * (`GET /_emulator/verification-codes`), type it in. Returns the code so the caller can check it
 * never leaks and whether it was used up.
 */
import type { EmulatorClient, VerificationCodeItem } from '@iam-testbed/emulator/client';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { press, waitForText } from './console-ui.js';

export type Channel = 'sms' | 'email' | 'vmfa';

export async function verifyWithCode(
  page: Page,
  control: EmulatorClient,
  userId: string,
  channel: Channel,
  purpose: string,
): Promise<VerificationCodeItem> {
  await page.click(`input[name="verification-channel"][value="${channel}"]`);
  const before = (await control.verificationCodes({ user_id: userId })).length;
  await press(page, 'Send Code');
  // The page says so only after the server recorded the code.
  await waitForText(
    page,
    channel === 'vmfa' ? 'Your virtual MFA device shows a new code' : 'A code was sent to',
  );
  const codes = await control.verificationCodes({ user_id: userId });
  expect(codes.length, 'one new code after "Send Code"').toBe(before + 1);
  const code = codes[codes.length - 1]!;
  expect(code).toMatchObject({ user_id: userId, channel, purpose, used: false });
  expect(code.code).toMatch(/^\d{6}$/);
  await page.type('#verify-code', code.code);
  return code;
}

/** The code as the control plane lists it now (to see whether it was used up). */
export async function codeNow(
  control: EmulatorClient,
  code: VerificationCodeItem,
): Promise<VerificationCodeItem | undefined> {
  return (await control.verificationCodes({ user_id: code.user_id })).find(
    (c) => c.code === code.code && c.created_at === code.created_at,
  );
}
