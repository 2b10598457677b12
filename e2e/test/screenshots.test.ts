// Artefacts of issue 6 and issue 8: every console page and the popup, in en-us and zh-cn, saved
// under e2e/artifacts/screens/ at each run (the README's two come from here: run with
// E2E_UPDATE_DOCS_SCREENSHOTS=1 to refresh docs/screenshots/). Also checks issue 6's "no layout
// break at 360 px": no page scrolls sideways at that width.
import type { TenantView } from '@iam-testbed/emulator/client';
import { expect, test } from 'vitest';
import { publishToDocs, saveScreen } from '../src/artifacts.js';
import {
  dropSession,
  gotoConsole,
  loginUrl,
  press,
  useSession,
  type Locale,
  type Route,
} from '../src/console-ui.js';
import { useJourney } from '../src/journey.js';
import { readIdentity } from '../src/popup.js';

const journey = useJourney();
const LOCALES: Locale[] = ['en-us', 'zh-cn'];

/** Who sees which page: Security Settings is the admin's, temporary keys the federated user's. */
const PAGES: Array<{ route: Route; who: (t: TenantView) => string; name: string }> = [
  { route: '/mine/apiCredential', who: (t) => t.iam_user.id, name: 'api-credential' },
  { route: '/mine/accessKey', who: (t) => t.iam_user.id, name: 'access-key' },
  {
    route: '/mine/temporaryAccessKey',
    who: (t) => t.federated_user.id,
    name: 'temporary-access-key',
  },
  { route: '/iam/securitySettings', who: (t) => t.admin.id, name: 'security-settings' },
];

async function setPopupLocale(locale: Locale): Promise<void> {
  await journey().ext.worker.evaluate(async (l) => {
    const c = (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome;
    await c.storage.local.set({ options: { locale: l } });
  }, locale);
}

test('screenshots: the login page and each console page in en-us and zh-cn', async () => {
  const { url, control, step, tab } = journey();
  // Named, so the README's screenshots read like an account rather than a random tenant.
  const tenant = await control.createTenant({ name: 'acme', operation_protection: true });
  for (const locale of LOCALES) {
    await step(`login page (${locale})`, async () => {
      await dropSession(tab);
      await tab.goto(loginUrl(url, { locale }));
      await tab.waitForSelector('#login-account_name');
      await saveScreen(tab, `console login ${locale}`);
    });
    for (const page of PAGES) {
      await step(`${page.name} (${locale})`, async () => {
        await useSession(tab, url, await control.createConsoleSession(page.who(tenant)));
        await gotoConsole(tab, url, page.route, { locale, region: 'cn-north-4' });
        if (page.route === '/mine/temporaryAccessKey') {
          await press(tab, locale === 'zh-cn' ? '生成' : 'Generate');
          await tab.waitForSelector('main [data-temporary-key]');
        }
        const lang = await tab.$eval('html', (h) => h.lang);
        expect(lang.toLowerCase()).toBe(locale === 'zh-cn' ? 'zh-cn' : 'en');
        const path = await saveScreen(tab, `console ${page.name} ${locale}`);
        if (page.route === '/mine/apiCredential' && locale === 'en-us')
          publishToDocs(path, 'console-api-credentials-en-us.png');
      });
    }
  }
});

test('screenshots: the popup over API Credentials in en-us and zh-cn', async () => {
  const { url, control, step, tab, popup } = journey();
  const tenant = await control.createTenant({ name: 'acme-team' });
  await useSession(tab, url, await control.createConsoleSession(tenant.iam_user.id));
  try {
    for (const locale of LOCALES) {
      await step(`popup (${locale})`, async () => {
        await setPopupLocale(locale);
        await gotoConsole(tab, url, '/mine/apiCredential', { locale, region: 'cn-north-4' });
        const view = await popup();
        expect((await readIdentity(view)).accountId).toBe(tenant.domain.id);
        expect(await view.$eval('main', (m) => m.lang)).toBe(locale === 'zh-cn' ? 'zh-CN' : 'en');
        const path = await saveScreen(view, `popup ${locale}`);
        if (locale === 'en-us') publishToDocs(path, 'popup-en-us.png');
      });
    }
  } finally {
    await setPopupLocale('en-us');
  }
});

test('issue 6: no console page scrolls sideways at 360 px', async () => {
  const { url, control, step, tab } = journey();
  const tenant = await control.createTenant();
  await tab.setViewport({ width: 360, height: 740 });
  try {
    for (const page of PAGES) {
      await step(`${page.name} at 360 px`, async () => {
        await useSession(tab, url, await control.createConsoleSession(page.who(tenant)));
        await gotoConsole(tab, url, page.route, { locale: 'zh-cn' });
        const width = await tab.evaluate(() => document.documentElement.scrollWidth);
        await saveScreen(tab, `console ${page.name} 360px zh-cn`);
        expect(width, `${page.name} is ${width}px wide at a 360px viewport`).toBeLessThanOrEqual(
          360,
        );
      });
    }
  } finally {
    await tab.setViewport({ width: 1280, height: 860 });
  }
});
