/**
 * @module scraper/scrape
 * `scrapeCredentials(document)`: the pure entry point. Reads identity and projects from whatever
 * variant of My Credentials is rendered, and says precisely what it could not find.
 */
import { scanIdentity } from './identity';
import { describeLabels, IDENTITY_LABELS } from './labels';
import { scanProjects } from './projects';
import type { IdentityField, ScrapeResult, ScrapeStatus } from './types';

const SHAPE: Record<IdentityField, string> = {
  accountName: 'a name',
  accountId: 'a 32-character hex ID',
  userName: 'a name',
  userId: 'a 32-character hex ID',
};

export function describeMissing(missing: readonly IdentityField[]): string {
  return missing.map((f) => `${describeLabels(IDENTITY_LABELS[f])} (${SHAPE[f]})`).join(', ');
}

function statusOf(missing: readonly IdentityField[]): ScrapeStatus {
  if (missing.length === 0) return 'complete';
  return missing.length === 4 ? 'not-found' : 'partial';
}

function messageFor(
  status: ScrapeStatus,
  missing: readonly IdentityField[],
  emptyProjects: boolean,
): string | undefined {
  if (status !== 'complete') {
    return `Could not find ${describeMissing(missing)} on this page. Open My Credentials (API Credentials) and wait for it to load; if it is loaded, the console may have changed — please report it with the page language.`;
  }
  if (emptyProjects) {
    return 'Found the Projects list but no project rows (a 32-character hex project ID next to a project name such as cn-north-4). Expand the regions on the page and try again.';
  }
  return undefined;
}

export function scrapeCredentials(doc: Document): ScrapeResult {
  const id = scanIdentity(doc);
  const exclude = {
    ids: new Set(
      [id.identity.accountId, id.identity.userId].filter((v): v is string => v !== undefined),
    ),
    elements: id.valueElements,
  };
  const projects = scanProjects(doc, exclude);
  const status = statusOf(id.missing);
  const message = messageFor(status, id.missing, projects.listed && projects.projects.length === 0);
  return {
    status,
    identity: id.identity,
    missing: id.missing,
    projects: projects.projects,
    projectsListed: projects.listed,
    ...(id.locale ? { locale: id.locale } : {}),
    ...(message ? { message } : {}),
  };
}
