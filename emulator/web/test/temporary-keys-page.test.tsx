// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { USERS } from './support/fake-console';
import { renderConsole, useFakeConsole } from './support/render-console';

const state = useFakeConsole();
const PAGE = '/iam/#/mine/temporaryAccessKey';

function generate(amount: string, unit: 'Minutes' | 'Hours') {
  fireEvent.input(screen.getByLabelText('Validity period'), { target: { value: amount } });
  fireEvent.change(screen.getByLabelText('Unit'), { target: { value: unit.toLowerCase() } });
  fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
}

describe('Temporary Access Keys page', () => {
  test('a federated user generates a key: AK, SK, security token and expiry, each copyable', async () => {
    state().user = USERS.federated;
    const { platform } = renderConsole(PAGE);
    await screen.findByRole('heading', { name: 'Temporary Access Keys' });
    generate('2', 'Hours');
    const region = await screen.findByRole('region', {
      name: 'Temporary access keys generated on this page',
    });
    const card = region.querySelector('[data-temporary-key]') as HTMLElement;
    const value = (label: string) =>
      within(card).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
    expect(value('Access Key ID')).toMatch(/^EMUT\d{16}$/);
    expect(value('Secret Access Key')).toMatch(/^Emu/);
    expect(value('Security Token')).toMatch(/^EMUSTS/);
    // The fake answers expires_at = 2030-01-01 + duration: 2 hours were asked for.
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe('2030-01-01T02:00:00.000Z');
    const token = value('Security Token');
    fireEvent.click(within(card).getByRole('button', { name: 'Copy Security Token' }));
    await within(card).findByText('Copied');
    expect(platform.copied).toEqual([token]);
  });

  test('validity outside 15 minutes to 24 hours is refused in place without a call', async () => {
    state().user = USERS.federated;
    renderConsole(PAGE);
    await screen.findByLabelText('Validity period');
    for (const [amount, unit] of [
      ['14', 'Minutes'],
      ['25', 'Hours'],
      ['1.5', 'Hours'],
      ['', 'Minutes'],
    ] as const) {
      generate(amount, unit);
      expect(screen.getByText('Enter a validity period from 15 minutes to 24 hours.')).toBeTruthy();
      expect(screen.getByLabelText('Validity period').getAttribute('aria-invalid')).toBe('true');
    }
    expect(state().calls.filter((c) => c.includes('temporary'))).toEqual([]);
    generate('24', 'Hours');
    await screen.findByRole('region', { name: 'Temporary access keys generated on this page' });
  });

  test('keys vanish when the page is opened again (nothing is stored)', async () => {
    state().user = USERS.federated;
    const first = renderConsole(PAGE);
    await screen.findByLabelText('Validity period');
    generate('15', 'Minutes');
    await screen.findByRole('region', { name: 'Temporary access keys generated on this page' });
    first.unmount();
    renderConsole(PAGE);
    await screen.findByLabelText('Validity period');
    expect(
      screen.queryByRole('region', { name: 'Temporary access keys generated on this page' }),
    ).toBeNull();
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  test('IAM users are told temporary keys are for federated users', async () => {
    renderConsole(PAGE);
    expect(
      await screen.findByText(/Only federated users can create temporary access keys/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Generate' })).toBeNull();
  });

  test('zh-cn', async () => {
    state().user = USERS.federated;
    renderConsole('/iam/?locale=zh-cn#/mine/temporaryAccessKey');
    expect(await screen.findByRole('heading', { name: '临时访问密钥' })).toBeTruthy();
    expect(screen.getByLabelText('有效期')).toBeTruthy();
    expect(screen.getByRole('button', { name: '生成' })).toBeTruthy();
  });
});
