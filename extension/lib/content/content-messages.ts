/**
 * @module content/content-messages
 * What the popup may ask the page reader. Only our own extension may ask (checked by the caller
 * against `sender.id`). The temporary key is read only here, on the popup's explicit request, and
 * only while the tab is on the console's temporary-access-key page: the content script runs on
 * every `/iam/` page, and none of the others has a reason to hand out a key.
 */
import { parseConsoleUrl } from '../console/console-url';
import type { ContentRequest, ContentResponseMap } from '../messages/protocol';
import { scrapeTemporaryKey, type TemporaryKeyScrape } from '../scraper/temporary-key';
import type { PageReader } from './page-reader';

const NOT_TEMPORARY_KEY_PAGE: TemporaryKeyScrape = {
  ok: false,
  missing: [],
  message:
    'Keys are captured only from My Credentials → Temporary Access Key: open that page, click Generate, then capture.',
};

export function isContentRequest(v: unknown): v is ContentRequest {
  if (typeof v !== 'object' || v === null) return false;
  const type = (v as { type?: unknown }).type;
  return type === 'page/read' || type === 'page/captureTemporaryKey';
}

/** @param href the page's current URL (`location.href`), checked before the key is read */
export async function answerContentRequest(
  req: ContentRequest,
  reader: PageReader,
  doc: Document,
  href: string,
): Promise<ContentResponseMap[ContentRequest['type']]> {
  if (req.type === 'page/read') return reader.read();
  if (!parseConsoleUrl(href)?.onTemporaryKeyPage) return { capture: NOT_TEMPORARY_KEY_PAGE };
  return { capture: scrapeTemporaryKey(doc) };
}
