// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../components/Popup';
import type { ScrapeResult } from '../lib/scraper/types';
import { FACTS } from './fixtures/load';
import { fakeApi, NOW } from './helpers/fake-popup-api';

const PAGE_URL =
  'https://console.huaweicloud.com/iam/?region=ap-southeast-3&locale=en-us#/mine/apiCredential';
const RESULT: ScrapeResult = {
  status: 'complete',
  identity: FACTS.identity,
  missing: [],
  projects: FACTS.projects,
  projectsListed: true,
  locale: 'en-us',
};
const onPage = (result: ScrapeResult = RESULT) =>
  fakeApi({ tab: { id: 3, url: PAGE_URL }, page: { url: PAGE_URL, onCredentials: true, result } });

afterEach(cleanup);

describe('popup on My Credentials', () => {
  it('shows identity and projects grouped by region, current region first', async () => {
    render(<Popup api={onPage()} />);
    expect(await screen.findByText(FACTS.identity.accountId)).toBeTruthy();
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    expect(regions.filter((l) => l?.includes('('))).toEqual([
      'AP-Singapore (ap-southeast-3)',
      'CN North-Beijing4 (cn-north-4)',
    ]);
    expect(
      within(screen.getByRole('region', { name: 'AP-Singapore (ap-southeast-3)' })).getByText(
        'current region',
      ),
    ).toBeTruthy();
  });

  it('copies exactly a project ID and says "Copied"', async () => {
    const api = onPage();
    render(<Popup api={api} />);
    const button = await screen.findByRole('button', { name: 'Copy project ID of cn-north-4_dev' });
    fireEvent.click(button);
    await waitFor(() =>
      expect(api.copies).toEqual([{ text: '22222222222222222222222222222222', secret: false }]),
    );
    await waitFor(() => expect(button.textContent).toBe('Copied'));
    expect(button.nextElementSibling?.getAttribute('role')).toBe('status');
    expect(button.nextElementSibling?.textContent).toBe('Copied');
  });

  it('filters projects by name, region or ID', async () => {
    render(<Popup api={onPage()} />);
    fireEvent.input(await screen.findByRole('searchbox', { name: 'Filter projects' }), {
      target: { value: '_dev' },
    });
    expect(screen.queryByText('ap-southeast-3', { selector: '.name' })).toBeNull();
    expect(screen.getByText('cn-north-4_dev')).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter projects' }), {
      target: { value: 'zzz' },
    });
    expect(screen.getByText('No project matches the filter.')).toBeTruthy();
  });

  it('copies all as JSON, .env and CSV (not as secrets)', async () => {
    const api = onPage();
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy .env' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy CSV' }));
    await waitFor(() => expect(api.copies).toHaveLength(3));
    expect(JSON.parse(api.copies[0]!.text).account.id).toBe(FACTS.identity.accountId);
    expect(api.copies[1]!.text).toContain(
      'HUAWEICLOUD_SDK_PROJECT_ID=33333333333333333333333333333333',
    );
    expect(api.copies[2]!.text.split('\r\n')[0]).toBe('kind,region,region_name,name,id');
    expect(api.copies.every((c) => !c.secret)).toBe(true);
  });

  it('says what it could not find when the page did not render the fields', async () => {
    const failed: ScrapeResult = {
      status: 'not-found',
      identity: {},
      missing: ['accountName', 'accountId', 'userName', 'userId'],
      projects: [],
      projectsListed: false,
      message: 'Could not find "Account ID" / "账号ID" (a 32-character hex ID)',
    };
    render(<Popup api={onPage(failed)} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Could not find "Account ID"');
  });

  it('on the new console (no projects), shows the projects read earlier for that account', async () => {
    const api = fakeApi({
      tab: { id: 3, url: PAGE_URL },
      page: {
        url: PAGE_URL,
        onCredentials: true,
        result: { ...RESULT, projects: [], projectsListed: false },
      },
      lastRead: [
        {
          origin: 'https://console.huaweicloud.com',
          identity: FACTS.identity,
          projects: FACTS.projects,
          readAt: NOW - 1000,
        },
      ],
    });
    render(<Popup api={api} />);
    expect(await screen.findByText(/does not list projects/)).toBeTruthy();
    expect(await screen.findByText('cn-north-4_dev')).toBeTruthy();
  });
});

describe('popup elsewhere', () => {
  it('on another console page: opens My Credentials keeping region and locale, and shows the last values read', async () => {
    const url =
      'https://console.huaweicloud.com/ecm/?region=cn-north-4&locale=zh-cn#/ecs/manager/vmList';
    const api = fakeApi({
      tab: { id: 9, url },
      lastRead: [
        {
          origin: 'https://console.huaweicloud.com',
          identity: FACTS.identity,
          projects: FACTS.projects,
          readAt: NOW,
        },
      ],
    });
    render(<Popup api={api} />);
    expect(await screen.findByText('This tab is not on My Credentials.')).toBeTruthy();
    expect(
      screen.getByText(/^Last read .* from https:\/\/console\.huaweicloud\.com$/),
    ).toBeTruthy();
    expect(screen.getByText(FACTS.identity.userId)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open My Credentials' }));
    expect(api.opened).toEqual([
      {
        tabId: 9,
        url: 'https://console.huaweicloud.com/iam/?region=cn-north-4&locale=zh-cn#/mine/apiCredential',
      },
    ]);
  });

  it('on the Access Keys tab of My Credentials: says that tab shows no IDs and opens API Credentials (en-us, zh-cn)', async () => {
    const url =
      'https://console.huaweicloud.com/iam/?region=cn-east-3&locale=zh-cn#/mine/accessKey';
    const notFound: ScrapeResult = {
      status: 'not-found',
      identity: {},
      missing: ['accountName', 'accountId', 'userName', 'userId'],
      projects: [],
      projectsListed: false,
      message: 'Could not find …',
    };
    const api = fakeApi({
      tab: { id: 5, url },
      page: { url, onCredentials: true, result: notFound },
    });
    render(<Popup api={api} />);
    expect(
      await screen.findByText(
        'This My Credentials tab shows no IDs. Open API Credentials to read them.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('This tab is not on My Credentials.')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open My Credentials' }));
    expect(api.opened).toEqual([
      {
        tabId: 5,
        url: 'https://console.huaweicloud.com/iam/?region=cn-east-3&locale=zh-cn#/mine/apiCredential',
      },
    ]);
    cleanup();
    const zh = {
      ...api,
      loadOptions: async () => ({ ...(await api.loadOptions()), locale: 'zh-cn' as const }),
    };
    render(<Popup api={zh} />);
    expect(
      await screen.findByText('“我的凭证”的这个页签不显示ID。请打开“API凭证”读取。'),
    ).toBeTruthy();
  });

  it('on API Credentials with no page reader answering: asks to reload the tab, not "not on My Credentials"', async () => {
    const api = fakeApi({ tab: { id: 6, url: PAGE_URL } });
    render(<Popup api={api} />);
    expect(
      await screen.findByText(
        'This page could not be read. Reload the tab, then open this popup again.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('This tab is not on My Credentials.')).toBeNull();
  });

  it('on any other site: offers each console, and says nothing was read yet', async () => {
    const api = fakeApi({ tab: { id: 1, url: 'https://example.com/' } });
    render(<Popup api={api} />);
    expect(
      await screen.findByText('Nothing read yet. Open My Credentials in the console.'),
    ).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Open My Credentials on console-intl.huaweicloud.com' }),
    );
    expect(api.opened[0]?.url).toBe(
      'https://console-intl.huaweicloud.com/iam/#/mine/apiCredential',
    );
  });

  it('speaks Chinese when the options say zh-cn', async () => {
    const api = onPage();
    const zh = {
      ...api,
      loadOptions: async () => ({ ...(await api.loadOptions()), locale: 'zh-cn' as const }),
    };
    render(<Popup api={zh} />);
    expect(await screen.findByRole('heading', { name: '身份信息' })).toBeTruthy();
    expect(
      await screen.findByRole('region', { name: '亚太-新加坡 (ap-southeast-3)' }),
    ).toBeTruthy();
  });
});
