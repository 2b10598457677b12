// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { PROJECTS } from './support/fake-console';
import { renderConsole, useFakeConsole } from './support/render-console';

const state = useFakeConsole();

describe('API Credentials page', () => {
  test('renders after the data arrives, with the real labels and values', async () => {
    renderConsole('/iam/#/mine/apiCredential');
    expect(screen.getByRole('status').textContent).toContain('Loading');
    const user = state().user;
    await screen.findByText('IAM User Name');
    for (const [label, value] of [
      ['IAM User Name', user.name],
      ['IAM User ID', user.id],
      ['Account Name', user.domain.name],
      ['Account ID', user.domain.id],
    ] as const) {
      const term = screen.getByText(label, { selector: 'dt' });
      expect(term.nextElementSibling?.textContent).toContain(value);
    }
    expect(screen.getByRole('heading', { level: 2, name: 'Projects' })).toBeTruthy();
    for (const header of ['Project ID', 'Project Name', 'Region'])
      expect(screen.getByRole('columnheader', { name: header })).toBeTruthy();
  });

  test('groups projects by region with sub-projects folded under their region', async () => {
    renderConsole('/iam/#/mine/apiCredential');
    const toggle = await screen.findByRole('button', {
      name: 'Show sub-projects of CN North-Beijing4',
    });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // Folded rows stay in the document (hidden), so scrapers need not click.
    expect(screen.queryByRole('cell', { name: /cn-north-4_billing/ })).toBeNull();
    expect(document.body.textContent).toContain('22222222222222222222222222222222');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Hide sub-projects of CN North-Beijing4');
    const sub = screen.getByRole('cell', { name: 'cn-north-4_billing' }).closest('tr');
    expect(sub?.hidden).toBe(false);
    const groups = document.querySelectorAll('tbody.region-group');
    expect([...groups].map((g) => g.getAttribute('data-region'))).toEqual([
      'cn-north-4',
      'cn-east-3',
      'ap-southeast-1',
    ]);
  });

  test('the console region (?region=) comes first and starts unfolded', async () => {
    renderConsole('/iam/?region=cn-east-3#/mine/apiCredential');
    await screen.findByText('IAM User Name');
    const first = document.querySelector('tbody.region-group');
    expect(first?.getAttribute('data-region')).toBe('cn-east-3');
  });

  test('search filters by project name, ID or region and unfolds matching groups', async () => {
    renderConsole('/iam/#/mine/apiCredential');
    const search = await screen.findByRole('searchbox', { name: 'Search projects' });
    fireEvent.input(search, { target: { value: 'billing' } });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('cn-north-4'),
      expect.stringContaining('cn-north-4_billing'),
    ]);
    fireEvent.input(search, { target: { value: 'hong kong' } });
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[2]?.textContent),
    ).toEqual(['ap-southeast-1']);
    fireEvent.input(search, { target: { value: 'nothing-like-this' } });
    expect(screen.getByText('No projects match "nothing-like-this".')).toBeTruthy();
  });

  test('copy buttons copy exactly the ID', async () => {
    const { platform } = renderConsole('/iam/#/mine/apiCredential');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy Account ID' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy Project ID cn-east-3' }));
    await screen.findAllByText('Copied');
    expect(platform.copied).toEqual([state().user.domain.id, PROJECTS[2]?.id]);
  });

  test('zh-cn shows the Chinese labels and region names', async () => {
    renderConsole('/iam/?locale=zh-cn#/mine/apiCredential');
    await screen.findByText('IAM用户名');
    for (const label of ['IAM用户ID', '账号名', '账号ID'])
      expect(screen.getByText(label, { selector: 'dt' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '项目列表' })).toBeTruthy();
    for (const header of ['项目ID', '项目', '所属区域'])
      expect(screen.getByRole('columnheader', { name: header })).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByText('华北-北京四')).toHaveLength(2);
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  test('a failed load shows the reason in place and retries', async () => {
    state().failNext = { status: 500, error_code: 'IAM.0006', error_msg: 'store unavailable' };
    renderConsole('/iam/#/mine/apiCredential');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('store unavailable');
    expect(alert.textContent).toContain('IAM.0006');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByText('IAM User Name');
  });

  test('an expired session sends the browser to the login page and back here afterwards', async () => {
    state().failNext = {
      status: 401,
      error_code: 'CONSOLE.SESSION_EXPIRED',
      error_msg: 'session expired',
    };
    const { platform } = renderConsole('/iam/?region=cn-north-4#/mine/apiCredential');
    await waitFor(() => expect(platform.navigations).toHaveLength(1));
    const target = new URL(platform.navigations[0] ?? '', 'http://x');
    expect(target.pathname).toBe('/authui/login');
    expect(target.searchParams.get('reason')).toBe('expired');
    expect(target.searchParams.get('region')).toBe('cn-north-4');
    expect(target.searchParams.get('service')).toBe('/iam/?region=cn-north-4#/mine/apiCredential');
  });
});
