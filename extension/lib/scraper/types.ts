/**
 * @module scraper/types
 * What the scraper reads from a My Credentials page. Data only: IDs and names, never secrets
 * (the temporary-key page is read separately, see temporary-key.ts).
 */

export type IdentityField = 'accountName' | 'accountId' | 'userName' | 'userId';
export const IDENTITY_FIELDS: readonly IdentityField[] = [
  'accountName',
  'accountId',
  'userName',
  'userId',
];

export type Identity = Partial<Record<IdentityField, string>>;

export interface ScrapedProject {
  /** 32 lower-case hex */
  id: string;
  /** `cn-north-4`, or `cn-north-4_dev` for a sub-project */
  name: string;
  /** region ID, from the row or from the project name's prefix */
  region: string;
  /** as the page shows it, e.g. "CN North-Beijing4"; absent when the row has none */
  regionName?: string;
  /** true for `<region>_<name>` sub-projects */
  subProject: boolean;
}

export type PageLocale = 'en-us' | 'zh-cn';

/**
 * - `complete`: all four identity fields found (projects may be empty on the new console's
 *   identity page, see `projectsListed`);
 * - `partial`: some identity fields found;
 * - `not-found`: none; `message` says what was looked for.
 */
export type ScrapeStatus = 'complete' | 'partial' | 'not-found';

export interface ScrapeResult {
  status: ScrapeStatus;
  identity: Identity;
  /** identity fields not found */
  missing: IdentityField[];
  projects: ScrapedProject[];
  /** false on a page without a projects list (the new console's identity page) */
  projectsListed: boolean;
  /** the language of the labels that matched, when any did */
  locale?: PageLocale;
  /** for `partial`/`not-found`, or a projects section without rows: what could not be found */
  message?: string;
}
