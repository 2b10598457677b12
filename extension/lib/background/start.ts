/**
 * @module background/start
 * Wires the router and the alarms to the browser. Called from the background entrypoint's main.
 */
import { browser } from 'wxt/browser';
import { CLIPBOARD_ALARM, runClear } from '../clipboard/auto-clear';
import { isOffscreenRequest } from '../clipboard/offscreen-protocol';
import { navigatorPort, offscreenPort } from '../clipboard/ports';
import { onKeyAlarm } from '../keys/key-store';
import { loadOptions } from '../options/options';
import { handleMessage, type RouterDeps } from './router';

export function startBackground(isFirefox: boolean): void {
  const clipboard = isFirefox ? navigatorPort : offscreenPort;
  const deps: RouterDeps = {
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    now: () => Date.now(),
    fetch: (input, init) => fetch(input, init),
    loadOptions,
  };
  browser.runtime.onMessage.addListener(
    (message: unknown, sender, sendResponse: (r: unknown) => void) => {
      if (isOffscreenRequest(message)) return undefined; // for the offscreen document
      void handleMessage(message, sender, deps).then(sendResponse);
      return true;
    },
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CLIPBOARD_ALARM) void runClear(clipboard).catch(() => undefined);
    else void onKeyAlarm(alarm.name);
  });
}
