/**
 * @module clipboard/auto-clear
 * Clears a copied secret after the configured delay, but only if the clipboard still holds it,
 * so that something the user copied afterwards is never erased. Only a SHA-256 digest of the
 * copied text is kept (in storage.session), never the text.
 *
 * Limits (docs/extension-permissions.md): comparing needs the optional `clipboardRead`
 * permission — without it nothing is cleared; OS clipboard history/managers keep their own copy;
 * nothing runs while the browser is closed; Chrome fires alarms no sooner than 30 s.
 */
import { hexSha256 } from '@iam-testbed/shared';
import { browser } from 'wxt/browser';

export const CLIPBOARD_ALARM = 'clipboard-clear';
const DIGEST_KEY = 'clipboardDigest';

/** Where the clipboard is reached: an offscreen document (Chrome) or the background page (Firefox). */
export interface ClipboardPort {
  /** @returns the clipboard text, or undefined when it cannot be read */
  read(): Promise<string | undefined>;
  /** writes `text`; `''` means "clear" */
  write(text: string): Promise<void>;
}

export type ClearOutcome = 'cleared' | 'changed' | 'unreadable' | 'nothing-pending';

export function clipboardDigest(text: string): Promise<string> {
  return hexSha256(text);
}

/** Remembers what was copied and (re)schedules the clear; a new copy replaces the pending one. */
export async function scheduleClear(digest: string, delaySeconds: number): Promise<void> {
  await browser.alarms.clear(CLIPBOARD_ALARM);
  if (delaySeconds <= 0) {
    await browser.storage.session.remove(DIGEST_KEY);
    return;
  }
  await browser.storage.session.set({ [DIGEST_KEY]: digest });
  await browser.alarms.create(CLIPBOARD_ALARM, { delayInMinutes: delaySeconds / 60 });
}

export async function runClear(port: ClipboardPort): Promise<ClearOutcome> {
  const digest = (await browser.storage.session.get(DIGEST_KEY))[DIGEST_KEY];
  await browser.storage.session.remove(DIGEST_KEY);
  if (typeof digest !== 'string') return 'nothing-pending';
  const current = await port.read();
  if (current === undefined) return 'unreadable';
  if ((await hexSha256(current)) !== digest) return 'changed';
  await port.write('');
  return 'cleared';
}

export async function canReadClipboard(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['clipboardRead'] });
  } catch {
    return false;
  }
}
