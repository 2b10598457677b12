// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { USERS } from './support/fake-console';
import { renderConsole, useFakeConsole } from './support/render-console';

const state = useFakeConsole();
const PAGE = '/iam/#/iam/securitySettings';

describe('Security Settings page', () => {
  test('an administrator turns operation protection on with a designated person and restricts key management', async () => {
    state().user = USERS.admin;
    renderConsole(PAGE);
    const protection = await screen.findByRole('group', { name: 'Operation Protection' });
    fireEvent.click(within(protection).getByRole('radio', { name: 'Enabled' }));
    fireEvent.click(screen.getByRole('radio', { name: 'A designated person' }));
    fireEvent.input(screen.getByLabelText('Mobile number'), { target: { value: '13800000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a mobile number like 0086-13800000000.')).toBeTruthy();
    expect(state().calls).not.toContain('PUT /console-api/security-settings');

    fireEvent.input(screen.getByLabelText('Mobile number'), {
      target: { value: '0086-13800000000' },
    });
    fireEvent.click(
      screen.getByRole('switch', { name: 'IAM users can manage their own access keys' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Security settings saved.');
    expect(state().settings).toEqual({
      operation_protection: true,
      verifier: 'designated',
      scene: 'mobile',
      mobile: '0086-13800000000',
      email: '',
      allow_user_manage_accesskey: false,
    });
  });

  test('a refusal is shown in place with its reason', async () => {
    state().user = USERS.admin;
    renderConsole(PAGE);
    await screen.findByRole('group', { name: 'Operation Protection' });
    state().failNext = {
      status: 403,
      error_code: 'IAM.0002',
      error_msg: 'You are not authorized to perform the requested action.',
    };
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('IAM.0002');
  });

  test('non-administrators see why they cannot change it, and no navigation entry', async () => {
    renderConsole(PAGE);
    expect(
      await screen.findByText('Only administrators can view and change security settings.'),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Security Settings' })).toBeNull();
    expect(state().calls).not.toContain('GET /console-api/security-settings');
  });

  test('zh-cn', async () => {
    state().user = USERS.admin;
    renderConsole('/iam/?locale=zh-cn#/iam/securitySettings');
    expect(await screen.findByRole('group', { name: '操作保护' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'IAM用户可以自行管理访问密钥' })).toBeTruthy();
  });
});
