/**
 * @module The extension's real toolbar popup, opened as a user opens it: with the console tab in
 * front, `chrome.action.openPopup()` from the service worker (docs/reference/toolchain.md §5), so the popup sees
 * that tab as the active tab. Readers use the popup's documented hooks (extension/README.md:
 * headings, `dl.identity`, region sections named "<region name> (<region id>)", button names).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser.js';

const POPUP_TIMEOUT = 15_000;

/** Opens the popup over `tab` (closing one already open) and waits until it has read the tab. */
export async function openPopup(ext: ExtensionBrowser, tab: Page, previous?: Page): Promise<Page> {
  if (previous && !previous.isClosed()) await previous.close();
  await tab.bringToFront();
  const popupUrl = `chrome-extension://${ext.extensionId}/popup.html`;
  const opened = ext.browser.waitForTarget((t) => t.url() === popupUrl, { timeout: POPUP_TIMEOUT });
  await ext.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
    ).chrome.action.openPopup(),
  );
  const popup = await (await opened).asPage();
  // While it asks the page, the credentials panel is a single "Reading the page…" status.
  await popup.waitForFunction(
    () =>
      document.querySelector('main') !== null &&
      document.querySelector('main > p[role="status"]') === null,
    {
      timeout: POPUP_TIMEOUT,
    },
  );
  return popup;
}

export type IdentityField = 'accountName' | 'accountId' | 'userName' | 'userId';

/** The popup's identity labels in its two UI languages (extension/lib/i18n). */
const IDENTITY_LABELS: Record<string, IdentityField> = {
  'Account name': 'accountName',
  'Account ID': 'accountId',
  'IAM user name': 'userName',
  'IAM user ID': 'userId',
  账号名: 'accountName',
  账号ID: 'accountId',
  IAM用户名: 'userName',
  IAM用户ID: 'userId',
};

/** The Identity card: field → value, by the labels the user reads. */
export async function readIdentity(popup: Page): Promise<Partial<Record<IdentityField, string>>> {
  const rows = await popup.$$eval('dl.identity .field', (fields) =>
    fields.map(
      (f) =>
        [
          f.querySelector('dt')?.textContent?.trim() ?? '',
          f.querySelector('dd code')?.textContent?.trim() ?? '',
        ] as const,
    ),
  );
  const out: Partial<Record<IdentityField, string>> = {};
  for (const [label, value] of rows) {
    const field = IDENTITY_LABELS[label];
    if (!field) throw new Error(`E2E_POPUP_LABEL: unknown identity label "${label}" in the popup`);
    out[field] = value;
  }
  return out;
}

export interface PopupProject {
  /** The region group's accessible name, "<region name> (<region id>)". */
  group: string;
  name: string;
  id: string;
}

/** Every project listed in the popup, with its region group. */
export async function readProjects(popup: Page): Promise<PopupProject[]> {
  return popup.$$eval('section.region', (sections) =>
    sections.flatMap((s) =>
      [...s.querySelectorAll('li')].map((li) => ({
        group: s.getAttribute('aria-label') ?? '',
        name: li.querySelector('.name')?.textContent?.trim() ?? '',
        id: li.querySelector('code')?.textContent?.trim() ?? '',
      })),
    ),
  );
}

/** The popup's text, for presence checks ("This tab is not on My Credentials."). */
export function popupText(popup: Page): Promise<string> {
  return popup.$eval('main', (m) => m.innerText);
}

/** Clicks a button by its accessible name (the names extension/README.md lists). */
export async function clickButton(page: Page, name: string): Promise<void> {
  await page
    .locator(`::-p-aria([name=${JSON.stringify(name)}][role="button"])`)
    .setTimeout(POPUP_TIMEOUT)
    .click();
}

/** Opens a `<details>` section of the popup by its summary text, if it is closed. */
export async function openDetails(popup: Page, summary: string): Promise<void> {
  const found = await popup.evaluate((text) => {
    const details = [...document.querySelectorAll('details')].find(
      (d) => d.querySelector(':scope > summary')?.textContent?.trim() === text,
    );
    if (details) details.open = true;
    return Boolean(details);
  }, summary);
  if (!found) throw new Error(`E2E_POPUP_SECTION: no <details> with the summary "${summary}"`);
}

/** Types into the form control wrapped by the `<label>` whose text starts with `label`. */
export async function fillByLabel(page: Page, label: string, value: string): Promise<void> {
  const handle = await page.evaluateHandle((text) => {
    const found = [...document.querySelectorAll('label')].find((l) =>
      (l.textContent ?? '').trim().startsWith(text),
    );
    return found?.querySelector('input, textarea') ?? null;
  }, label);
  const element = handle.asElement() as ElementHandle<HTMLInputElement> | null;
  if (!element) throw new Error(`E2E_POPUP_FIELD: no input labelled "${label}"`);
  await element.evaluate((e) => (e.value = ''));
  await element.type(value);
}

/** The value of the control labelled `label` (see fillByLabel). */
export async function valueByLabel(page: Page, label: string): Promise<string | undefined> {
  return page.evaluate((text) => {
    const found = [...document.querySelectorAll('label')].find((l) =>
      (l.textContent ?? '').trim().startsWith(text),
    );
    return (found?.querySelector('input, textarea, select') as HTMLInputElement | null)?.value;
  }, label);
}
