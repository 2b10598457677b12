/**
 * @module popup/browser-api
 * The real PopupApi. Clipboard writes happen here, in the popup, on the user's click (no
 * permission needed for that); the background only schedules the clear.
 */
import { browser } from 'wxt/browser';
import { canReadClipboard, clipboardDigest } from '../clipboard/auto-clear';
import { originPattern } from '../keys/endpoints';
import type { Result } from '../messages/errors';
import type {
  ContentRequest,
  ContentResponseMap,
  PageRequest,
  ResponseMap,
} from '../messages/protocol';
import { loadOptions, saveOptions } from '../options/options';
import type { BackgroundCall, PopupApi } from './api';

async function askPage<T extends ContentRequest>(
  tabId: number,
  req: T,
): Promise<ContentResponseMap[T['type']] | undefined> {
  try {
    return await browser.tabs.sendMessage<T, ContentResponseMap[T['type']] | undefined>(tabId, req);
  } catch {
    return undefined; // no content script in that tab
  }
}

/**
 * navigator.clipboard needs a focused document; a popup opened programmatically may not be.
 * execCommand('copy') from a selected textarea works there with the clipboardWrite permission.
 */
async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('clipboard unavailable');
  }
}

const background: BackgroundCall = <T extends PageRequest>(req: T) =>
  browser.runtime.sendMessage<T, Result<ResponseMap[T['type']]>>(req);

export const browserApi: PopupApi = {
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab
      ? { ...(tab.id !== undefined ? { id: tab.id } : {}), ...(tab.url ? { url: tab.url } : {}) }
      : undefined;
  },
  readPage: (tabId) => askPage(tabId, { type: 'page/read' }),
  async captureKey(tabId) {
    return (await askPage(tabId, { type: 'page/captureTemporaryKey' }))?.capture;
  },
  background,
  async openUrl(tabId, url) {
    if (tabId !== undefined) await browser.tabs.update(tabId, { url });
    else await browser.tabs.create({ url });
    window.close();
  },
  async copy(text, secret) {
    await writeClipboard(text);
    if (secret) await background({ type: 'clipboard/copied', digest: await clipboardDigest(text) });
  },
  async ensureHostAccess(url) {
    // request() straight away, with no await before it: Firefox honours it only synchronously
    // inside the click. For a host already granted it resolves true without asking.
    try {
      return await browser.permissions.request({ origins: [originPattern(url)] });
    } catch {
      return false; // not a host we may ask for: the request may still pass if the server allows CORS
    }
  },
  canReadClipboard,
  async requestClipboardRead() {
    try {
      return await browser.permissions.request({ permissions: ['clipboardRead'] });
    } catch {
      return false;
    }
  },
  loadOptions,
  saveOptions,
  openOptions: () => void browser.runtime.openOptionsPage(),
  now: () => Date.now(),
};
