/**
 * @module last-read/last-read-store
 * The last identity and projects read per console and account, so the popup can show them when
 * the tab is elsewhere. Identifiers only (IDs, names, regions) — never keys or tokens — so
 * `storage.local` is acceptable. Entries are rebuilt from validated scrape results.
 */
import { browser } from 'wxt/browser';
import { parseIdentity, parseProject } from '../messages/parse-scrape';
import { isObj } from '../messages/shape';
import type { Identity, ScrapedProject, ScrapeResult } from '../scraper/types';

export interface LastRead {
  origin: string;
  identity: Identity;
  projects: ScrapedProject[];
  readAt: number;
}

const STORAGE_KEY = 'lastRead';
export const MAX_LAST_READ = 20;

/** The same checks as page data (parse-scrape.ts); an entry needs an account ID. Else undefined. */
function parseEntry(v: unknown): LastRead | undefined {
  if (
    !isObj(v) ||
    typeof v.origin !== 'string' ||
    typeof v.readAt !== 'number' ||
    !Array.isArray(v.projects)
  )
    return undefined;
  try {
    const identity = parseIdentity(v.identity);
    if (!identity.accountId) return undefined;
    return { origin: v.origin, identity, projects: v.projects.map(parseProject), readAt: v.readAt };
  } catch {
    return undefined;
  }
}

export async function listLastRead(): Promise<LastRead[]> {
  const raw = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  return Array.isArray(raw)
    ? raw.map(parseEntry).filter((e): e is LastRead => e !== undefined)
    : [];
}

/** Records a complete read (keyed by console origin, account and user); newest first. */
export async function recordRead(
  origin: string,
  result: ScrapeResult,
  now: number,
): Promise<LastRead | undefined> {
  if (result.status !== 'complete' || !result.identity.accountId) return undefined;
  const entry: LastRead = {
    origin,
    identity: result.identity,
    projects: result.projects,
    readAt: now,
  };
  const same = (e: LastRead) =>
    e.origin === origin &&
    e.identity.accountId === entry.identity.accountId &&
    e.identity.userId === entry.identity.userId;
  const entries = await listLastRead();
  // The new console page shows no projects: keep the ones read earlier from the old page.
  const previous = entries.find(same);
  if (!result.projectsListed && previous) entry.projects = previous.projects;
  const others = entries.filter((e) => !same(e));
  await browser.storage.local.set({ [STORAGE_KEY]: [entry, ...others].slice(0, MAX_LAST_READ) });
  return entry;
}

/** The most recent read for a console, else the most recent of all. */
export function pickLastRead(
  entries: LastRead[],
  origin: string | undefined,
): LastRead | undefined {
  return entries.find((e) => e.origin === origin) ?? entries[0];
}
