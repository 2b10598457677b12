/**
 * @module popup/credentials-view
 * Decides what the credentials part of the popup shows, from the active tab, the page reader's
 * answer and the last values read.
 */
import { parseConsoleUrl, type ConsolePage } from '../console/console-url';
import type { LastRead } from '../last-read/last-read-store';
import { pickLastRead } from '../last-read/last-read-store';
import { parseScrapeResult } from '../messages/parse-scrape';
import type { ScrapeResult } from '../scraper/types';
import type { PopupApi } from './api';

/**
 * Why the popup shows no identity read from the tab:
 * - `other-page`: not a console page, or a console page outside My Credentials;
 * - `credentials-tab`: a My Credentials tab that shows no IDs (access keys, temporary keys);
 * - `not-read`: a tab that shows IDs, but no page reader answered (the tab predates the install).
 */
export type ElsewhereReason = 'other-page' | 'credentials-tab' | 'not-read';

export type CredentialsView =
  | { kind: 'page'; tabId: number; page: ConsolePage; result: ScrapeResult; earlier?: LastRead }
  | {
      kind: 'elsewhere';
      reason: ElsewhereReason;
      tabId?: number;
      page?: ConsolePage;
      lastRead?: LastRead;
    };

async function lastReads(api: PopupApi): Promise<LastRead[]> {
  const res = await api.background({ type: 'lastRead/list' });
  return res.ok ? res.entries : [];
}

function validResult(v: unknown): ScrapeResult | undefined {
  try {
    return parseScrapeResult(v);
  } catch {
    return undefined; // the page sent something malformed: treat as not read
  }
}

export function elsewhereReason(page: ConsolePage | undefined): ElsewhereReason {
  if (!page?.onCredentials) return 'other-page';
  return page.identityRoute ? 'not-read' : 'credentials-tab';
}

export async function loadCredentialsView(api: PopupApi): Promise<CredentialsView> {
  const tab = await api.activeTab();
  let page = parseConsoleUrl(tab?.url);
  // Without access to the tab's URL, the page reader (if there is one) still knows where it is.
  if (tab?.id !== undefined && (page?.onCredentials || !tab.url)) {
    const answer = await api.readPage(tab.id);
    page = parseConsoleUrl(answer?.url) ?? page;
    const result = validResult(answer?.result);
    // On the access-key or temporary-key tab, identity is not expected: not a failure.
    const relevant = result && (result.status !== 'not-found' || page?.identityRoute);
    if (page && answer?.onCredentials && result && relevant) {
      const entries = result.projectsListed ? [] : await lastReads(api);
      const earlier = entries.find(
        (e) =>
          e.origin === page?.origin &&
          e.identity.accountId === result.identity.accountId &&
          e.projects.length > 0,
      );
      return { kind: 'page', tabId: tab.id, page, result, ...(earlier ? { earlier } : {}) };
    }
  }
  const lastRead = pickLastRead(await lastReads(api), page?.origin);
  return {
    kind: 'elsewhere',
    reason: elsewhereReason(page),
    ...(tab?.id !== undefined ? { tabId: tab.id } : {}),
    ...(page ? { page } : {}),
    ...(lastRead ? { lastRead } : {}),
  };
}
