// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { renderConsole, useFakeConsole } from './support/render-console';

const state = useFakeConsole();

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('Login page', () => {
  test('signs an IAM user in and goes to the requested console page', async () => {
    state().authenticated = false;
    const service = '/iam/?region=cn-north-4#/mine/accessKey';
    const { platform } = renderConsole(
      `/authui/login?region=cn-north-4&service=${encodeURIComponent(service)}`,
    );
    fill('Account name', 'acme');
    fill('IAM user name', 'dev-user');
    fill('Password', state().password);
    fireEvent.click(screen.getByRole('button', { name: 'Log In' }));
    await waitFor(() => expect(platform.navigations).toEqual([service]));
  });

  test('wrong password: the reason is shown in place and nothing navigates', async () => {
    state().authenticated = false;
    const { platform } = renderConsole('/authui/login');
    fill('Account name', 'acme');
    fill('IAM user name', 'dev-user');
    fill('Password', 'nope');
    fireEvent.click(screen.getByRole('button', { name: 'Log In' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The account name, user name or password is incorrect.');
    expect(alert.textContent).toContain('CONSOLE.BAD_LOGIN');
    expect(platform.navigations).toEqual([]);
  });

  test('empty fields are named and focused, with no call', async () => {
    renderConsole('/authui/login');
    fill('Account name', 'acme');
    fireEvent.click(screen.getByRole('button', { name: 'Log In' }));
    expect(screen.getByText('Enter the IAM user name.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('IAM user name'));
    expect(state().calls).toEqual([]);
  });

  test('an outside service URL is ignored (no open redirect)', async () => {
    state().authenticated = false;
    const { platform } = renderConsole(
      `/authui/login?locale=zh-cn&service=${encodeURIComponent('https://evil.example/iam/')}`,
    );
    fill('租户名/原华为云账号', 'acme');
    fill('IAM用户名', 'dev-user');
    fill('密码', state().password);
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() =>
      expect(platform.navigations).toEqual(['/iam/?locale=zh-cn#/mine/apiCredential']),
    );
  });

  test('the federated-user tab signs a federated user in; arrow keys switch tabs', async () => {
    state().authenticated = false;
    const { platform } = renderConsole('/authui/login');
    const tabs = screen.getByRole('tablist', { name: 'Sign-in type' });
    const iamTab = within(tabs).getByRole('tab', { name: 'IAM User' });
    iamTab.focus();
    fireEvent.keyDown(iamTab, { key: 'ArrowRight' });
    const fedTab = within(tabs).getByRole('tab', { name: 'Federated User' });
    expect(fedTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(fedTab);
    expect(screen.queryByLabelText('Password')).toBeNull();
    fill('Account name', 'acme');
    fill('Federated user name', 'fed-alice');
    fireEvent.click(screen.getByRole('button', { name: 'Log In' }));
    await waitFor(() => expect(platform.navigations).toEqual(['/iam/#/mine/apiCredential']));
    expect(state().calls).toContain('POST /console-api/login/federated');
  });

  test('an expired session is explained', () => {
    renderConsole('/authui/login?reason=expired');
    expect(screen.getByText('Your session has expired. Log in again.')).toBeTruthy();
  });

  test('the console sends signed-out visitors to the login page, keeping where they were going', async () => {
    state().authenticated = false;
    const { platform } = renderConsole('/iam/?locale=zh-cn#/mine/accessKey');
    await waitFor(() => expect(platform.navigations).toHaveLength(1));
    const target = new URL(platform.navigations[0] ?? '', 'http://x');
    expect(target.pathname).toBe('/authui/login');
    expect(target.searchParams.get('locale')).toBe('zh-cn');
    expect(target.searchParams.get('service')).toBe('/iam/?locale=zh-cn#/mine/accessKey');
  });
});
