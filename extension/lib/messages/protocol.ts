/**
 * @module messages/protocol
 * Every message the extension's contexts exchange. Requests to the background are validated by
 * `parseBackgroundRequest`; what a sender may ask depends on who it is (messages/sender.ts).
 */
import type { HeldKey } from '../keys/held-key';
import type { MintRequest } from '../keys/mint';
import type { LastRead } from '../last-read/last-read-store';
import type { ScrapedTemporaryKey, TemporaryKeyScrape } from '../scraper/temporary-key';
import type { ScrapeResult } from '../scraper/types';
import type { SentResponse } from '../signing/send';
import type { UserRequest } from '../signing/user-request';

/** From the content script: data read from the page. Never a command. */
export interface CredentialsReadMessage {
  type: 'credentials/read';
  result: ScrapeResult;
}

/** From extension pages (popup, options). */
export type PageRequest =
  | { type: 'lastRead/list' }
  | { type: 'keys/list' }
  | { type: 'keys/store'; key: ScrapedTemporaryKey }
  | { type: 'keys/mint'; request: MintRequest }
  | { type: 'keys/delete'; access: string }
  | { type: 'sign'; access: string; request: UserRequest; send: boolean }
  | { type: 'clipboard/copied'; digest: string };

export type BackgroundRequest = CredentialsReadMessage | PageRequest;

export interface SignResult {
  canonicalRequest: string;
  stringToSign: string;
  url: string;
  method: string;
  headers: Array<[string, string]>;
  response?: SentResponse;
  /** the server said the key has expired: it has been deleted */
  keyExpired?: boolean;
}

export interface ResponseMap {
  'credentials/read': { recorded: boolean };
  'lastRead/list': { entries: LastRead[] };
  'keys/list': { keys: HeldKey[] };
  'keys/store': { key: HeldKey };
  'keys/mint': { key: HeldKey };
  'keys/delete': { deleted: boolean };
  sign: SignResult;
  'clipboard/copied': { scheduled: boolean };
}

/** Popup → content script (tabs.sendMessage). */
export type ContentRequest = { type: 'page/read' } | { type: 'page/captureTemporaryKey' };

export interface PageReadResponse {
  url: string;
  onCredentials: boolean;
  /** undefined while the page is still rendering and the deadline has not passed */
  result?: ScrapeResult;
}

export interface ContentResponseMap {
  'page/read': PageReadResponse;
  'page/captureTemporaryKey': { capture: TemporaryKeyScrape };
}
