/**
 * @module content/content-messages
 * What the popup may ask the page reader. Only our own extension may ask (checked by the caller
 * against `sender.id`). The temporary key is read only here, on the popup's explicit request:
 * the content script never reads or sends it on its own.
 */
import type { ContentRequest, ContentResponseMap } from '../messages/protocol';
import { scrapeTemporaryKey } from '../scraper/temporary-key';
import type { PageReader } from './page-reader';

export function isContentRequest(v: unknown): v is ContentRequest {
  if (typeof v !== 'object' || v === null) return false;
  const type = (v as { type?: unknown }).type;
  return type === 'page/read' || type === 'page/captureTemporaryKey';
}

export async function answerContentRequest(
  req: ContentRequest,
  reader: PageReader,
  doc: Document,
): Promise<ContentResponseMap[ContentRequest['type']]> {
  if (req.type === 'page/read') return reader.read();
  return { capture: scrapeTemporaryKey(doc) };
}
