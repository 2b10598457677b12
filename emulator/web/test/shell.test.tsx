// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { USERS } from './support/fake-console';
import { renderConsole, useFakeConsole } from './support/render-console';

const state = useFakeConsole();

const navNames = () =>
  within(screen.getByRole('navigation', { name: 'My Credentials' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('console shell', () => {
  test('navigation follows the user kind', async () => {
    renderConsole('/iam/#/mine/apiCredential');
    await screen.findByText('IAM User Name');
    expect(navNames()).toEqual(['API Credentials', 'Access Keys']);
  });

  test('administrators see Security Settings; federated users see Temporary Access Keys', async () => {
    state().user = USERS.admin;
    const admin = renderConsole('/iam/#/mine/apiCredential');
    await screen.findByText('IAM User Name');
    expect(navNames()).toEqual(['API Credentials', 'Access Keys', 'Security Settings']);
    admin.unmount();
    state().user = USERS.federated;
    renderConsole('/iam/#/mine/apiCredential');
    await screen.findByText('IAM User Name');
    expect(navNames()).toEqual(['API Credentials', 'Access Keys', 'Temporary Access Keys']);
  });

  test('hash navigation switches pages without reloading, marks the current one, keeps the query', async () => {
    const { platform } = renderConsole('/iam/?region=cn-east-3&locale=en-us#/mine/apiCredential');
    await screen.findByText('IAM User Name');
    const keys = screen.getByRole('link', { name: 'Access Keys' });
    expect(keys.getAttribute('href')).toBe('#/mine/accessKey');
    location.hash = '#/mine/accessKey';
    await screen.findByRole('heading', { level: 1, name: 'Access Keys' });
    expect(keys.getAttribute('aria-current')).toBe('page');
    expect(location.search).toBe('?region=cn-east-3&locale=en-us');
    await waitFor(() => expect(document.title).toContain('Access Keys'));
    expect(platform.navigations).toEqual([]);
  });

  test('region and language switches reload with the query changed, hash kept', async () => {
    const { platform } = renderConsole('/iam/?region=cn-north-4#/mine/accessKey');
    await screen.findByRole('heading', { level: 1, name: 'Access Keys' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), {
      target: { value: 'ap-southeast-1' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'zh-cn' },
    });
    expect(platform.navigations).toEqual([
      '/iam/?region=ap-southeast-1#/mine/accessKey',
      '/iam/?region=cn-north-4&locale=zh-cn#/mine/accessKey',
    ]);
  });

  test('sign out ends the session and goes to the login page', async () => {
    const { platform } = renderConsole('/iam/?locale=zh-cn#/mine/apiCredential');
    fireEvent.click(await screen.findByRole('button', { name: '退出登录' }));
    await waitFor(() =>
      expect(platform.navigations).toEqual(['/authui/login?locale=zh-cn&reason=signed_out']),
    );
    expect(state().authenticated).toBe(false);
  });

  test('an unknown route says so and links back', async () => {
    renderConsole('/iam/#/mine/nothing');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to API Credentials' }).getAttribute('href')).toBe(
      '#/mine/apiCredential',
    );
  });

  test('the emulator badge is always visible', async () => {
    renderConsole('/iam/#/mine/apiCredential');
    await screen.findByText('IAM User Name');
    expect(screen.getByText('Emulator')).toBeTruthy();
  });
});
