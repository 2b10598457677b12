// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import type { AccessKeyRow } from '../src/api/contract';
import { USERS } from './support/fake-console';
import { renderConsole, useFakeConsole } from './support/render-console';

const state = useFakeConsole();
const PAGE = '/iam/#/mine/accessKey';

const key = (access: string, status: AccessKeyRow['status'] = 'active'): AccessKeyRow => ({
  access,
  description: `key ${access}`,
  status,
  create_time: '2026-11-20T08:00:00.000000Z',
  last_use_time: '2026-11-21T09:30:00.000000Z',
});

function protectionOn() {
  state().protection = {
    required: true,
    options: [
      { channel: 'sms', destination: '+86 138****0000' },
      { channel: 'email', destination: 'd***@example.com' },
      { channel: 'vmfa' },
      { channel: 'password' },
    ],
  };
}

async function openCreate() {
  fireEvent.click(await screen.findByRole('button', { name: 'Create Access Key' }));
  const dialog = screen.getByRole('dialog', { name: 'Create Access Key' });
  fireEvent.input(within(dialog).getByLabelText('Description'), { target: { value: 'ci deploy' } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
}

describe('Access Keys page', () => {
  test('lists the keys with status, times and row operations', async () => {
    state().keys = [key('EMUPAAAAAAAAAAAAAAA1'), key('EMUPAAAAAAAAAAAAAAA2', 'inactive')];
    renderConsole(PAGE);
    const table = await screen.findByRole('table', { name: 'Your access keys' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('EMUPAAAAAAAAAAAAAAA1');
    expect(rows[0]?.textContent).toContain('Enabled');
    expect(rows[1]?.textContent).toContain('Disabled');
    expect(
      within(table).getByRole('button', { name: 'Disable access key EMUPAAAAAAAAAAAAAAA1' }),
    ).toBeTruthy();
    expect(
      within(table).getByRole('button', { name: 'Enable access key EMUPAAAAAAAAAAAAAAA2' }),
    ).toBeTruthy();
    expect(screen.getByText('2 of 2 access keys used')).toBeTruthy();
  });

  test('create without protection: AK and SK shown once, credentials.csv downloads exactly once', async () => {
    const { platform } = renderConsole(PAGE);
    await openCreate();
    const done = await screen.findByRole('dialog', { name: 'Access Key Created' });
    const created = state().keys[0];
    expect(created?.description).toBe('ci deploy');
    expect(within(done).getByText(created?.access ?? '?')).toBeTruthy();
    const secret =
      within(done).getByText('Secret Access Key', { selector: 'dt' }).nextElementSibling
        ?.textContent ?? '';
    expect(secret).toMatch(/^Emu[a-z0-9]{37}$/);

    fireEvent.click(within(done).getByRole('button', { name: 'Download' }));
    await within(done).findByText('credentials.csv is downloaded.');
    expect(platform.saved).toEqual([
      {
        name: 'credentials.csv',
        type: 'text/csv;charset=utf-8',
        text: `User Name,Access Key Id,Secret Access Key\n${state().user.name},${created?.access},${secret}\n`,
      },
    ]);

    fireEvent.click(within(done).getByRole('button', { name: 'Download' }));
    const refusal = await within(done).findByRole('alert');
    expect(refusal.textContent).toContain('can be downloaded only once');
    expect(refusal.textContent).toContain('CONSOLE.DOWNLOAD_USED');
    expect(platform.saved).toHaveLength(1);

    fireEvent.click(within(done).getAllByRole('button', { name: 'Close' })[0]!);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.textContent).not.toContain(secret);
    expect(await screen.findByText('1 of 2 access keys used')).toBeTruthy();
  });

  test('create with operation protection asks for a code, refuses a wrong one in place, accepts the sent one', async () => {
    protectionOn();
    renderConsole(PAGE);
    await openCreate();
    const verify = screen.getByRole('dialog', { name: 'Identity Verification' });
    expect(within(verify).getByRole('radio', { name: 'SMS to +86 138****0000' })).toHaveProperty(
      'checked',
      true,
    );
    fireEvent.click(within(verify).getByRole('button', { name: 'OK' }));
    expect(within(verify).getByText('Enter the verification code.')).toBeTruthy();

    fireEvent.click(within(verify).getByRole('button', { name: 'Send Code' }));
    await within(verify).findByText(/A code was sent to \+86 138\*\*\*\*0000/);
    const sent = state().codes.get('sms') ?? '';
    fireEvent.input(within(verify).getByLabelText('Verification code'), {
      target: { value: '000000' },
    });
    fireEvent.click(within(verify).getByRole('button', { name: 'OK' }));
    const wrong = await within(verify).findByRole('alert');
    expect(wrong.textContent).toContain('incorrect, expired or already used');
    expect(state().keys).toHaveLength(0);

    fireEvent.click(within(verify).getByRole('button', { name: 'Send Again' }));
    await waitFor(() => expect(state().codes.get('sms')).toBeDefined());
    const fresh = state().codes.get('sms') ?? '';
    expect(fresh).not.toBe(sent);
    fireEvent.input(within(verify).getByLabelText('Verification code'), {
      target: { value: fresh },
    });
    fireEvent.click(within(verify).getByRole('button', { name: 'OK' }));
    await screen.findByRole('dialog', { name: 'Access Key Created' });
    expect(state().keys).toHaveLength(1);
  });

  test('the password can prove identity instead of a code', async () => {
    protectionOn();
    renderConsole(PAGE);
    await openCreate();
    const verify = screen.getByRole('dialog', { name: 'Identity Verification' });
    fireEvent.click(within(verify).getByRole('radio', { name: 'Login password' }));
    fireEvent.input(within(verify).getByLabelText('Password'), {
      target: { value: state().password },
    });
    fireEvent.click(within(verify).getByRole('button', { name: 'OK' }));
    await screen.findByRole('dialog', { name: 'Access Key Created' });
  });

  test('two keys: Create is disabled and the quota message says why', async () => {
    state().keys = [key('EMUPAAAAAAAAAAAAAAA1'), key('EMUPAAAAAAAAAAAAAAA2')];
    renderConsole(PAGE);
    const create = await screen.findByRole('button', { name: 'Create Access Key' });
    expect(create).toHaveProperty('disabled', true);
    const message = screen.getByText(/You already have 2 access keys, the maximum allowed/);
    expect(create.getAttribute('aria-describedby')).toBe(message.closest('[id]')?.id);
  });

  test('a quota refusal from the server is shown in the dialog', async () => {
    renderConsole(PAGE);
    const create = await screen.findByRole('button', { name: 'Create Access Key' });
    state().failNext = { status: 400, error_code: 'akSkNumExceed', error_msg: 'akSkNumExceed' };
    fireEvent.click(create);
    const dialog = screen.getByRole('dialog', { name: 'Create Access Key' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain(
      'The number of access keys has reached the maximum allowed limit.',
    );
  });

  test('when the account allows only administrators, the page says so and offers no operations', async () => {
    state().keys = [key('EMUPAAAAAAAAAAAAAAA1')];
    state().manage = { allowed: false, reason: 'admin_only' };
    renderConsole(PAGE);
    expect(await screen.findByText(/Only administrators can manage access keys/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create Access Key' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Disable access key/ })).toBeNull();
  });

  test('federated users are pointed to temporary keys', async () => {
    state().user = USERS.federated;
    state().manage = { allowed: false, reason: 'federated' };
    renderConsole(PAGE);
    const link = await screen.findByRole('link', { name: 'Go to Temporary Access Keys' });
    expect(link.getAttribute('href')).toBe('#/mine/temporaryAccessKey');
  });

  test('disable with protection: verification in the confirmation, then the new status', async () => {
    protectionOn();
    state().keys = [key('EMUPAAAAAAAAAAAAAAA1')];
    renderConsole(PAGE);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Disable access key EMUPAAAAAAAAAAAAAAA1' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Disable Access Key' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Virtual MFA device' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send Code' }));
    await within(dialog).findByText(/Your virtual MFA device shows a new code/);
    fireEvent.input(within(dialog).getByLabelText('Verification code'), {
      target: { value: state().codes.get('vmfa') },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await screen.findByText('Access key EMUPAAAAAAAAAAAAAAA1 is disabled.');
    expect(state().keys[0]?.status).toBe('inactive');
    await screen.findByRole('button', { name: 'Enable access key EMUPAAAAAAAAAAAAAAA1' });
  });

  test('delete asks for confirmation and removes the key; Escape cancels', async () => {
    state().keys = [key('EMUPAAAAAAAAAAAAAAA1')];
    renderConsole(PAGE);
    const remove = await screen.findByRole('button', {
      name: 'Delete access key EMUPAAAAAAAAAAAAAAA1',
    });
    remove.focus(); // keyboard use: the focused button is activated
    fireEvent.click(remove);
    fireEvent.keyDown(screen.getByRole('alertdialog', { name: 'Delete Access Key' }), {
      key: 'Escape',
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(remove);

    fireEvent.click(remove);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Access Key' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await screen.findByText('Access key EMUPAAAAAAAAAAAAAAA1 is deleted.');
    expect(state().keys).toHaveLength(0);
    expect(await screen.findByText('You have no access keys.')).toBeTruthy();
  });

  test('zh-cn labels', async () => {
    state().keys = [key('EMUPAAAAAAAAAAAAAAA1')];
    renderConsole('/iam/?locale=zh-cn#/mine/accessKey');
    expect(await screen.findByRole('button', { name: '新增访问密钥' })).toBeTruthy();
    for (const header of ['访问密钥ID', '描述', '状态', '创建时间', '最近使用时间', '操作']) {
      expect(screen.getByRole('columnheader', { name: header })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: '停用访问密钥 EMUPAAAAAAAAAAAAAAA1' })).toBeTruthy();
  });
});
