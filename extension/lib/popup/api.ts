/**
 * @module popup/api
 * Everything the popup needs from the browser, behind one interface, so its components are
 * tested with a fake and the real one (browser-api.ts) stays thin.
 */
import type { Result } from '../messages/errors';
import type { PageReadResponse, PageRequest, ResponseMap } from '../messages/protocol';
import type { Options } from '../options/options';
import type { TemporaryKeyScrape } from '../scraper/temporary-key';

export interface ActiveTab {
  id?: number;
  url?: string;
}

export type BackgroundCall = <T extends PageRequest>(
  req: T,
) => Promise<Result<ResponseMap[T['type']]>>;

export interface PopupApi {
  activeTab(): Promise<ActiveTab | undefined>;
  /** undefined when no page reader answers (not a console page, or the page predates install) */
  readPage(tabId: number): Promise<PageReadResponse | undefined>;
  captureKey(tabId: number): Promise<TemporaryKeyScrape | undefined>;
  background: BackgroundCall;
  openUrl(tabId: number | undefined, url: string): Promise<void>;
  /** writes the clipboard; for a secret, also schedules the auto-clear */
  copy(text: string, secret: boolean): Promise<void>;
  /** true when the extension may call that URL's host (asks the user if it may ask) */
  ensureHostAccess(url: string): Promise<boolean>;
  canReadClipboard(): Promise<boolean>;
  requestClipboardRead(): Promise<boolean>;
  loadOptions(): Promise<Options>;
  saveOptions(options: Options): Promise<Options>;
  openOptions(): void;
  now(): number;
}
