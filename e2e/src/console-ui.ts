/**
 * @module The emulated console, driven as a user drives it: the login form (field ids from
 * docs/console.md), hash routes, and waits for each page's asynchronous render. Selectors are
 * the console's ids, roles and visible names; class names only where the page has nothing else.
 */
import type { ConsoleSessionView, TenantUserView, TenantView } from '@iam-testbed/emulator/client';
import type { ElementHandle, Page } from 'puppeteer-core';

export type Locale = 'en-us' | 'zh-cn';
export type Route =
  '/mine/apiCredential' | '/mine/accessKey' | '/mine/temporaryAccessKey' | '/iam/securitySettings';

export interface ConsoleQuery {
  locale?: Locale;
  region?: string;
}

const WAIT = { timeout: 15_000 };

function query(q: ConsoleQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (q.region) params.set('region', q.region);
  if (q.locale) params.set('locale', q.locale);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function consoleUrl(base: string, route: Route, q: ConsoleQuery = {}): string {
  return `${base}/iam/${query(q)}#${route}`;
}

export function loginUrl(base: string, q: ConsoleQuery = {}, service?: string): string {
  return `${base}/authui/login${query(q, service ? { service } : {})}`;
}

async function submitAndWaitForConsole(page: Page): Promise<void> {
  await Promise.all([
    page.waitForNavigation(WAIT),
    page.click('form.login-form button[type="submit"]'),
  ]);
  if (!new URL(page.url()).pathname.startsWith('/iam/')) {
    const alert = await page.$eval('body', (b) => (b as HTMLElement).innerText).catch(() => '');
    throw new Error(`E2E_LOGIN: still on ${page.url()} after logging in: ${alert.slice(0, 300)}`);
  }
  // The console renders after it has fetched the session: wait for its frame.
  await page.waitForSelector('nav.sidenav a', WAIT);
}

/** Signs an IAM user (or the admin) in through the login form; lands on API Credentials. */
export async function loginAs(
  page: Page,
  base: string,
  tenant: TenantView,
  user: TenantUserView,
  q: ConsoleQuery = {},
): Promise<void> {
  await page.goto(loginUrl(base, q));
  await page.waitForSelector('#login-account_name', WAIT);
  await page.type('#login-account_name', tenant.domain.name);
  await page.type('#login-user_name', user.name);
  await page.type('#login-password', user.password);
  await submitAndWaitForConsole(page);
}

/** Signs the tenant's federated user in through the "Federated User" tab. */
export async function loginFederated(
  page: Page,
  base: string,
  tenant: TenantView,
  q: ConsoleQuery = {},
): Promise<void> {
  await page.goto(loginUrl(base, q));
  await page.waitForSelector('#tab-federated', WAIT);
  await page.click('#tab-federated');
  await page.waitForSelector('#federated-account_name', WAIT);
  await page.type('#federated-account_name', tenant.domain.name);
  await page.type('#federated-user_name', tenant.federated_user.name);
  await submitAndWaitForConsole(page);
}

/** Skips the login form with a control-plane session (where login is not what is tested). */
export async function useSession(
  page: Page,
  base: string,
  session: ConsoleSessionView,
): Promise<void> {
  await dropSession(page);
  await page.browserContext().setCookie({
    name: session.name,
    value: session.value,
    domain: new URL(base).hostname,
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
  });
}

/** Forgets the console session cookie (a signed-out browser). */
export async function dropSession(page: Page): Promise<void> {
  const context = page.browserContext();
  const cookies = (await context.cookies()).filter((c) => c.name === 'iamtb_console');
  if (cookies.length) await context.deleteCookie(...cookies);
}

/** What shows that a route has finished its asynchronous render. */
const READY: Record<Route, string> = {
  '/mine/apiCredential': 'main table.projects-table tbody',
  '/mine/accessKey': 'main table.keys-table, main p.empty',
  '/mine/temporaryAccessKey': 'main #temp-duration, main .notice a[href="#/mine/accessKey"]',
  '/iam/securitySettings': 'main form.settings, main .notice',
};

export async function waitForRoute(page: Page, route: Route): Promise<void> {
  // The hash changes before the app re-renders: wait until the side navigation marks the route
  // as current (when this user's navigation has it), so the old page's DOM cannot satisfy READY.
  await page.waitForFunction(
    (hash) => {
      if (location.hash.split('?')[0] !== `#${hash}`) return false;
      const link = document.querySelector(`nav.sidenav a[href="#${hash}"]`);
      return (
        document.querySelector('nav.sidenav a') !== null &&
        (link === null || link.getAttribute('aria-current') === 'page')
      );
    },
    WAIT,
    route,
  );
  await page.waitForSelector(READY[route], WAIT);
}

/** Full navigation to a console page (a reload, unlike clicking the side navigation). */
export async function gotoConsole(
  page: Page,
  base: string,
  route: Route,
  q: ConsoleQuery = {},
): Promise<void> {
  const target = consoleUrl(base, route, q);
  const sameDocument = page.url().split('#')[0] === target.split('#')[0];
  await page.goto(target);
  // Only the hash changed: the browser kept the document (and the app its session), so reload.
  if (sameDocument) await page.reload();
  await waitForRoute(page, route);
}

/** Clicks a side-navigation link: a hash change inside the single-page app, no reload. */
export async function navigateInApp(page: Page, route: Route): Promise<void> {
  await page.click(`nav.sidenav a[href="#${route}"]`);
  await waitForRoute(page, route);
}

/** The `<dt>`/`<dd>` pairs of the page's description lists, by visible label. */
export async function readFields(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval('main dl .field-row', (rows) =>
    rows.map((r): [string, string] => [
      r.querySelector('dt')?.textContent?.trim() ?? '',
      r.querySelector('dd code, dd .id-value > span, dd time')?.textContent?.trim() ?? '',
    ]),
  );
  return Object.fromEntries(pairs);
}

/** Clicks a button by its accessible name, waiting for it to be there and enabled. */
export async function press(page: Page, name: string): Promise<void> {
  await page
    .locator(`::-p-aria([name=${JSON.stringify(name)}][role="button"])`)
    .setTimeout(WAIT.timeout)
    .click();
}

/** Picks the radio button (or checkbox) whose label reads `label`. */
export async function choose(page: Page, label: string): Promise<void> {
  const input = await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('main label')]
        .find((l) => l.textContent?.trim() === text)
        ?.querySelector('input') ?? false,
    WAIT,
    label,
  );
  await (input.asElement() as ElementHandle<HTMLInputElement>).click();
}

/** The text of the open modal dialog. */
export async function dialogText(page: Page): Promise<string> {
  const dialog = await page.waitForSelector('[role="dialog"], [role="alertdialog"]', WAIT);
  return dialog!.evaluate((d) => (d as HTMLElement).innerText);
}

/** Waits until `text` appears in the page's main area (or an open dialog), and returns it all. */
export async function waitForText(page: Page, text: string): Promise<string> {
  const handle = await page.waitForFunction(
    (t) => {
      const all = document.body.innerText;
      return all.includes(t) ? all : false;
    },
    WAIT,
    text,
  );
  return (await handle.jsonValue()) as string;
}
