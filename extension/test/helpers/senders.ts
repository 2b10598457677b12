import type { RouterDeps } from '../../lib/background/router';
import { parseOptions } from '../../lib/options/options';

export const RUNTIME_ID = 'test-extension-id';
export const EXTENSION_ORIGIN = `chrome-extension://${RUNTIME_ID}/`;

export const POPUP = { id: RUNTIME_ID, url: `${EXTENSION_ORIGIN}popup.html` };
export const CONSOLE_TAB = {
  id: RUNTIME_ID,
  url: 'https://console-intl.huaweicloud.com/iam/?region=ap-southeast-3#/mine/apiCredential',
  tab: { id: 7 },
  frameId: 0,
};
export const EMULATOR_TAB = {
  id: RUNTIME_ID,
  url: 'http://127.0.0.1:4566/iam/#/mine/apiCredential',
  tab: { id: 8 },
  frameId: 0,
};

export function routerDeps(now: number, overrides: Partial<RouterDeps> = {}): RouterDeps {
  return {
    runtimeId: RUNTIME_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    now: () => now,
    fetch: (input, init) => fetch(input, init),
    loadOptions: async () => parseOptions({ clipboardClearSeconds: 45 }),
    ...overrides,
  };
}
