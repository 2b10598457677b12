/**
 * A PopupApi fake for component tests: canned tab, page and background answers, and a record of
 * what the popup asked for (copies, background messages, URLs opened, host access checks).
 */
import type { HeldKey } from '../../lib/keys/held-key';
import type { LastRead } from '../../lib/last-read/last-read-store';
import type { PageReadResponse, PageRequest, SignResult } from '../../lib/messages/protocol';
import { DEFAULT_OPTIONS, type Options } from '../../lib/options/options';
import type { ActiveTab, PopupApi } from '../../lib/popup/api';
import type { TemporaryKeyScrape } from '../../lib/scraper/temporary-key';

export const NOW = Date.UTC(2030, 0, 2, 3, 4, 5);

export interface FakeSetup {
  tab?: ActiveTab;
  page?: PageReadResponse;
  capture?: TemporaryKeyScrape;
  keys?: HeldKey[];
  lastRead?: LastRead[];
  options?: Partial<Options>;
  sign?: SignResult;
  mintError?: string;
  /** clipboardRead granted (default true) */
  clipboardReadable?: boolean;
}

export type FakeApi = PopupApi & {
  copies: Array<{ text: string; secret: boolean }>;
  sent: PageRequest[];
  opened: Array<{ tabId: number | undefined; url: string }>;
  hostChecks: string[];
  keys: HeldKey[];
  clipboardRequests: number;
};

export function fakeApi(setup: FakeSetup = {}): FakeApi {
  const api: FakeApi = {
    copies: [],
    sent: [],
    opened: [],
    hostChecks: [],
    keys: [...(setup.keys ?? [])],
    clipboardRequests: 0,
    activeTab: async () => setup.tab,
    readPage: async () => setup.page,
    captureKey: async () => setup.capture,
    background: async (req: PageRequest) => {
      api.sent.push(req);
      switch (req.type) {
        case 'keys/list':
          return { ok: true, keys: api.keys };
        case 'lastRead/list':
          return { ok: true, entries: setup.lastRead ?? [] };
        case 'keys/store': {
          const key: HeldKey = {
            ...req.key,
            expiresAt: req.key.expiresAt ?? NOW + 900_000,
            obtainedAt: NOW,
            expiryKnown: true,
            source: 'page',
          };
          api.keys = [key, ...api.keys];
          return { ok: true, key };
        }
        case 'keys/mint':
          return setup.mintError
            ? { ok: false, error: { code: 'IAM_REJECTED', message: setup.mintError } }
            : { ok: true, key: api.keys[0] };
        case 'keys/delete':
          api.keys = api.keys.filter((k) => k.access !== req.access);
          return { ok: true, deleted: true };
        case 'sign':
          return setup.sign
            ? { ok: true, ...setup.sign }
            : { ok: false, error: { code: 'KEY_NOT_FOUND', message: 'gone' } };
        case 'clipboard/copied':
          return { ok: true, scheduled: true };
      }
    },
    openUrl: async (tabId, url) => void api.opened.push({ tabId, url }),
    copy: async (text, secret) => void api.copies.push({ text, secret }),
    ensureHostAccess: async (url) => (api.hostChecks.push(url), true),
    canReadClipboard: async () => setup.clipboardReadable ?? true,
    requestClipboardRead: async () => (api.clipboardRequests++, true),
    loadOptions: async () => ({ ...DEFAULT_OPTIONS, ...setup.options }),
    saveOptions: async (o) => o,
    openOptions: () => undefined,
    now: () => NOW,
  };
  return api;
}
