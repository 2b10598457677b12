/**
 * @module Screenshots of each run under `e2e/artifacts/` (git-ignored): `screens/` for the pages
 * and popup the journeys visit, `failures/` for the step that failed.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ARTIFACTS_DIR, DOCS_SCREENSHOTS_DIR } from './paths.js';

export const SCREENS_DIR = join(ARTIFACTS_DIR, 'screens');
export const FAILURES_DIR = join(ARTIFACTS_DIR, 'failures');

/** A file-name-safe slug: "Journey 3 › download" → "journey-3-download". */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'unnamed'
  );
}

/**
 * Saves a PNG and returns its path: the whole page for console tabs; for the popup, what the user
 * sees (Chromium repeats a popup's surface instead of rendering beyond its window).
 */
export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${slug(name)}.png`);
  await page.screenshot({ path, fullPage: !page.url().startsWith('chrome-extension://') });
  return path;
}

/** A page or popup screenshot of this run (`artifacts/screens/<name>.png`). */
export function saveScreen(page: Page, name: string): Promise<string> {
  return screenshot(page, SCREENS_DIR, name);
}

/**
 * The README's screenshots are committed under docs/screenshots/ and change only on purpose:
 * with `E2E_UPDATE_DOCS_SCREENSHOTS=1` the run copies the chosen ones there.
 */
export function publishToDocs(path: string, fileName: string): void {
  if (process.env.E2E_UPDATE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(DOCS_SCREENSHOTS_DIR, { recursive: true });
  copyFileSync(path, join(DOCS_SCREENSHOTS_DIR, fileName));
}
