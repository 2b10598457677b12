/**
 * @module clipboard/ports
 * The two ClipboardPort implementations. Chrome's service worker has no DOM: it opens an
 * offscreen document (reason CLIPBOARD, one at a time) and closes it afterwards. Firefox's MV3
 * background is an event page with a DOM and uses `navigator.clipboard` directly.
 */
import { browser } from 'wxt/browser';
import { canReadClipboard, type ClipboardPort } from './auto-clear';
import type { OffscreenRequest, OffscreenResponse } from './offscreen-protocol';

const OFFSCREEN_PATH = '/offscreen.html';

async function withOffscreen<T>(run: () => Promise<T>): Promise<T> {
  const offscreen = (globalThis as { chrome?: { offscreen?: ChromeOffscreen } }).chrome?.offscreen;
  if (!offscreen) throw new Error('offscreen API unavailable');
  if (!(await offscreen.hasDocument?.())) {
    await offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied secret key from the clipboard after the delay you chose.',
    });
  }
  try {
    return await run();
  } finally {
    await offscreen.closeDocument().catch(() => undefined);
  }
}

interface ChromeOffscreen {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

async function ask(request: OffscreenRequest): Promise<OffscreenResponse> {
  return browser.runtime.sendMessage<OffscreenRequest, OffscreenResponse>(request);
}

export const offscreenPort: ClipboardPort = {
  async read() {
    if (!(await canReadClipboard())) return undefined;
    return withOffscreen(async () => {
      const res = await ask({ target: 'offscreen', type: 'clipboard/read' });
      return res.ok ? res.text : undefined;
    });
  },
  async write(text) {
    await withOffscreen(() => ask({ target: 'offscreen', type: 'clipboard/write', text }));
  },
};

export const navigatorPort: ClipboardPort = {
  async read() {
    if (!(await canReadClipboard())) return undefined;
    try {
      return await navigator.clipboard.readText();
    } catch {
      return undefined;
    }
  },
  async write(text) {
    await navigator.clipboard.writeText(text);
  },
};
