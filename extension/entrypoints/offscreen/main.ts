import { browser } from 'wxt/browser';
import {
  CHROME_CLEARED_VALUE,
  isOffscreenRequest,
  type OffscreenResponse,
} from '../../lib/clipboard/offscreen-protocol';

// Chrome's offscreen document (reason CLIPBOARD): the service worker has no DOM to reach the
// clipboard. Offscreen documents are never focused, so navigator.clipboard is unavailable and
// execCommand on a textarea is the documented route.
const area = document.getElementById('clipboard') as HTMLTextAreaElement;

function read(): string | undefined {
  area.value = '';
  area.focus();
  return document.execCommand('paste') ? area.value : undefined;
}

function write(text: string): boolean {
  area.value = text === '' ? CHROME_CLEARED_VALUE : text;
  area.select();
  return document.execCommand('copy');
}

browser.runtime.onMessage.addListener(
  (message: unknown, sender: { id?: string }, sendResponse: (r: OffscreenResponse) => void) => {
    if (sender.id !== browser.runtime.id || !isOffscreenRequest(message)) return undefined;
    if (message.type === 'clipboard/read') {
      const text = read();
      sendResponse(text === undefined ? { ok: false } : { ok: true, text });
    } else {
      sendResponse({ ok: write(message.text) });
    }
    area.value = '';
    return undefined;
  },
);
