/**
 * @module The system clipboard as the popup sees it. Chromium lets a page read the clipboard only
 * with the `clipboard-read` permission, which the test grants to the extension's origin (a user
 * would be asked); reading happens in the popup, which has focus.
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser.js';

export async function grantClipboard(ext: ExtensionBrowser): Promise<void> {
  await ext.browser
    .defaultBrowserContext()
    .overridePermissions(`chrome-extension://${ext.extensionId}`, [
      'clipboard-read',
      'clipboard-sanitized-write',
    ]);
}

export function writeClipboard(popup: Page, text: string): Promise<void> {
  return popup.evaluate((t) => navigator.clipboard.writeText(t), text);
}

/**
 * Puts a marker on the clipboard, runs `copy` (a click), and returns what the clipboard holds
 * once it no longer holds the marker: no sleeping, and a copy that never happens times out.
 */
export async function copiedBy(popup: Page, copy: () => Promise<void>): Promise<string> {
  const marker = `e2e-clipboard-marker-${Date.now()}`;
  await writeClipboard(popup, marker);
  await copy();
  const handle = await popup.waitForFunction(
    async (m) => {
      const text = await navigator.clipboard.readText();
      return text !== m ? text : false;
    },
    { polling: 100, timeout: 10_000 },
    marker,
  );
  return (await handle.jsonValue()) as string;
}
