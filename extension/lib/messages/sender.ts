/**
 * @module messages/sender
 * Who sent a message. Content scripts share our extension id, so `sender.id` alone does not
 * tell them from the popup: extension pages are recognised by their URL being under our own
 * origin, content scripts by running in a tab on a console page we match.
 */
import { isConsoleOrigin } from '../console/console-hosts';

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export function classifySender(
  sender: SenderLike,
  runtimeId: string,
  extensionOrigin: string,
): SenderKind {
  if (!sender.id || sender.id !== runtimeId || !sender.url) return 'foreign';
  if (sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (!sender.tab) return 'foreign';
  try {
    const url = new URL(sender.url);
    return isConsoleOrigin(url) && url.pathname.startsWith('/iam') ? 'content-script' : 'foreign';
  } catch {
    return 'foreign';
  }
}
