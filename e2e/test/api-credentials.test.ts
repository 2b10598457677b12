// Journeys 1 and 2 (issue 8) and the API Credentials part of issue 6: an IAM user logs in to the
// emulated console, the page and the popup show the same IDs as the IAM API answers, copying an ID
// copies exactly it, in en-us and zh-cn; and the popup follows single-page navigation.
import '../src/sdk.js';
import type { TenantView } from '@iam-testbed/emulator/client';
import { expect, test } from 'vitest';
import { saveScreen } from '../src/artifacts.js';
import { copiedBy } from '../src/clipboard.js';
import {
  consoleUrl,
  gotoConsole,
  loginAs,
  navigateInApp,
  readFields,
  waitForRoute,
} from '../src/console-ui.js';
import { useJourney } from '../src/journey.js';
import type { Page } from 'puppeteer-core';
import { clickButton, readIdentity, readProjects } from '../src/popup.js';
import { iamClient, listAuthDomains, listProjects } from '../src/sdk.js';

const journey = useJourney();

/** What the IAM API says, signed with the IAM user's own permanent key through the official SDK. */
async function apiTruth(url: string, tenant: TenantView) {
  const client = iamClient(url, tenant.iam_user.access_key, tenant.domain.id);
  const projects = await listProjects(client);
  const domains = await listAuthDomains(client);
  expect(projects.httpStatusCode).toBe(200);
  expect(domains.httpStatusCode).toBe(200);
  expect(domains.domains).toHaveLength(1);
  return {
    domain: { id: domains.domains[0].id as string, name: domains.domains[0].name as string },
    projects: (projects.projects as Array<{ id: string; name: string }>).map((p) => ({
      id: p.id,
      name: p.name,
    })),
  };
}

/** The tenant's project named after `region` (its main project there). */
function regionProject(tenant: TenantView, region: string): TenantView['projects'][number] {
  const project = tenant.projects.find((p) => p.name === region && p.region === region);
  if (!project) throw new Error(`E2E_NO_PROJECT: the tenant has no main project in ${region}`);
  return project;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

test('journey 1: the page and the popup show the IDs the IAM API returns, and a copied project ID is exactly it (en-us, zh-cn)', async () => {
  const { url, control, step, tab, popup } = journey();
  const tenant = await control.createTenant();
  const truth = await step('read GET /v3/projects and /v3/auth/domains with the SDK', () =>
    apiTruth(url, tenant),
  );
  expect(truth.domain).toEqual(tenant.domain);

  await step('log in as the IAM user through the login form', () =>
    loginAs(tab, url, tenant, tenant.iam_user, { locale: 'en-us' }),
  );
  await step('the API Credentials page shows the same identity', async () => {
    await waitForRoute(tab, '/mine/apiCredential');
    expect(await readFields(tab)).toMatchObject({
      'IAM User Name': tenant.iam_user.name,
      'IAM User ID': tenant.iam_user.id,
      'Account Name': truth.domain.name,
      'Account ID': truth.domain.id,
    });
    await saveScreen(tab, 'console api-credential en-us');
  });

  for (const locale of ['en-us', 'zh-cn'] as const) {
    if (locale === 'zh-cn') {
      await step('switch the console to zh-cn', async () => {
        await gotoConsole(tab, url, '/mine/apiCredential', { locale });
        expect(await readFields(tab)).toMatchObject({
          IAM用户ID: tenant.iam_user.id,
          账号ID: truth.domain.id,
        });
      });
    }
    const view = await step(`open the popup on the ${locale} page`, () => popup());
    await step(
      `the popup shows the account, user and project IDs of the API (${locale})`,
      async () => {
        expect(await readIdentity(view)).toEqual({
          accountName: truth.domain.name,
          accountId: truth.domain.id,
          userName: tenant.iam_user.name,
          userId: tenant.iam_user.id,
        });
        const shown = (await readProjects(view)).map((p) => ({ id: p.id, name: p.name }));
        expect(shown.sort(byId)).toEqual([...truth.projects].sort(byId));
        await saveScreen(view, `popup api-credential ${locale}`);
      },
    );
    await step(
      `copying a project ID puts exactly that ID on the clipboard (${locale})`,
      async () => {
        const project = regionProject(tenant, 'cn-north-4');
        const copied = await copiedBy(view, () =>
          clickButton(view, `Copy project ID of ${project.name}`),
        );
        expect(copied).toBe(project.id);
        const sub = tenant.projects.find((p) => p.name === 'cn-north-4_dev');
        expect(sub, 'the tenant has a sub-project').toBeDefined();
        expect(
          await copiedBy(view, () => clickButton(view, `Copy project ID of ${sub!.name}`)),
        ).toBe(sub!.id);
        expect(await copiedBy(view, () => clickButton(view, 'Copy Account ID'))).toBe(
          truth.domain.id,
        );
      },
    );
  }
});

test('journey 2: from Access Keys to API Credentials without a reload, the popup follows', async () => {
  const { url, control, step, tab, popup, ext } = journey();
  const tenant = await control.createTenant();
  await step('sign in and open Access Keys', async () => {
    await loginAs(tab, url, tenant, tenant.iam_user);
    await gotoConsole(tab, url, '/mine/accessKey');
  });
  const openButtons = async (view: Page) =>
    (await view.$$eval('main button', (l) => l.map((b) => b.textContent?.trim()))).filter(
      (t) => t === 'Open My Credentials',
    );
  await step(
    'on Access Keys (no IDs shown) the popup offers to open API Credentials instead',
    async () => {
      const view = await popup();
      expect(await openButtons(view)).toHaveLength(1);
    },
  );
  await step('click API Credentials in the side navigation: a hash change, no reload', async () => {
    await tab.evaluate(() => ((window as unknown as { e2eNoReload: boolean }).e2eNoReload = true));
    await navigateInApp(tab, '/mine/apiCredential');
    expect(tab.url()).toBe(consoleUrl(url, '/mine/apiCredential'));
    expect(
      await tab.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload),
    ).toBe(true);
  });
  await step('the popup now reads the API Credentials page of this user', async () => {
    const view = await popup();
    expect(await openButtons(view)).toHaveLength(0);
    expect(await readIdentity(view)).toEqual({
      accountName: tenant.domain.name,
      accountId: tenant.domain.id,
      userName: tenant.iam_user.name,
      userId: tenant.iam_user.id,
    });
    expect((await readProjects(view)).map((p) => p.id).sort()).toEqual(
      tenant.projects.map((p) => p.id).sort(),
    );
  });
  await step('the page reader recorded what it read (IDs only) in storage.local', async () => {
    const lastRead = await ext.worker.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return JSON.stringify((await c.storage.local.get('lastRead')).lastRead ?? null);
    });
    expect(lastRead).toContain(tenant.iam_user.id);
  });
});

test('the popup offers to open My Credentials from another console page, and the tab goes there', async () => {
  const { url, control, step, tab, popup } = journey();
  const tenant = await control.createTenant();
  await step('sign in and open Access Keys in zh-cn', async () => {
    await loginAs(tab, url, tenant, tenant.iam_user);
    await gotoConsole(tab, url, '/mine/accessKey', { locale: 'zh-cn', region: 'cn-east-3' });
  });
  await step(
    '"Open My Credentials" takes the tab to API Credentials, keeping region and locale',
    async () => {
      const view = await popup();
      await clickButton(view, 'Open My Credentials');
      await waitForRoute(tab, '/mine/apiCredential');
      const here = new URL(tab.url());
      expect(here.searchParams.get('locale')).toBe('zh-cn');
      expect(here.searchParams.get('region')).toBe('cn-east-3');
      expect(await readFields(tab)).toMatchObject({ 账号ID: tenant.domain.id });
    },
  );
  await step('the popup on that page puts the current region first', async () => {
    const view = await popup();
    const first = (await readProjects(view))[0];
    expect(first?.id).toBe(regionProject(tenant, 'cn-east-3').id);
  });
});
