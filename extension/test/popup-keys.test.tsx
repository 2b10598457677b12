// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsPage } from '../components/OptionsPage';
import { Popup } from '../components/Popup';
import type { HeldKey } from '../lib/keys/held-key';
import { DEFAULT_OPTIONS, type Options } from '../lib/options/options';
import { FACTS } from './fixtures/load';
import { fakeApi, NOW } from './helpers/fake-popup-api';

const KEY: HeldKey = {
  access: 'EMUTQWERTYUIOP123456',
  secret: 'EmuSecretSecretSecretSecretSecretSecret1',
  securityToken: 'EMUSTS' + 'k'.repeat(50),
  expiresAt: NOW + 3_599_000,
  obtainedAt: NOW,
  expiryKnown: true,
  source: 'minted',
  endpoint: 'http://127.0.0.1:4566',
};
const TEMP_PAGE = 'http://127.0.0.1:4566/iam/#/mine/temporaryAccessKey';

afterEach(cleanup);

describe('popup temporary keys', () => {
  it('shows AK, a masked SK and token (revealed on demand) and the time left', async () => {
    render(<Popup api={fakeApi({ keys: [KEY] })} />);
    const card = await screen.findByRole('article', { name: `Temporary keys ${KEY.access}` });
    expect(within(card).getByText(KEY.access)).toBeTruthy();
    expect(card.textContent).not.toContain(KEY.secret);
    expect(card.textContent).not.toContain(KEY.securityToken);
    expect(within(card).getByRole('timer').textContent).toContain('Expires in 59:59');
    fireEvent.click(within(card).getByRole('button', { name: 'Reveal SK' }));
    expect(card.textContent).toContain(KEY.secret);
    expect(card.textContent).not.toContain(KEY.securityToken);
  });

  it('copies the key as env vars, JSON and a KooCLI command, each as a secret', async () => {
    const api = fakeApi({ keys: [KEY] });
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy Copy as env vars' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy Copy as JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy Copy as KooCLI profile' }));
    await waitFor(() => expect(api.copies).toHaveLength(3));
    expect(api.copies.every((c) => c.secret)).toBe(true);
    expect(api.copies[0]!.text).toContain(
      `export HUAWEICLOUD_SDK_SECURITY_TOKEN=${KEY.securityToken}`,
    );
    expect(api.copies[2]!.text).toMatch(
      /^hcloud configure set --cli-profile=iam-testbed-temp --cli-mode=AKSK/,
    );
    expect(
      await screen.findAllByText(
        'Copied — it will be cleared from the clipboard in 60 s if still there',
      ),
    ).toHaveLength(3);
  });

  it('without clipboardRead, does not promise clearing and offers to allow it', async () => {
    const api = fakeApi({ keys: [KEY], clipboardReadable: false });
    render(<Popup api={api} />);
    const allow = await screen.findByRole('button', { name: 'Allow clipboard clearing' });
    const copy = screen.getByRole('button', { name: 'Copy SK' });
    fireEvent.click(copy);
    await waitFor(() => expect(copy.nextElementSibling?.textContent).toBe('Copied'));
    fireEvent.click(allow);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Allow clipboard clearing' })).toBeNull(),
    );
    expect(api.clipboardRequests).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Copy SK' }));
    expect(
      await screen.findByText(
        'Copied — it will be cleared from the clipboard in 60 s if still there',
      ),
    ).toBeTruthy();
  });

  it('deletes a key on demand', async () => {
    const api = fakeApi({ keys: [KEY] });
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete key' }));
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull());
    expect(api.sent).toContainEqual({ type: 'keys/delete', access: KEY.access });
  });

  it('captures the key shown on the page only when asked, and stores it', async () => {
    const captured = {
      access: KEY.access,
      secret: KEY.secret,
      securityToken: KEY.securityToken,
      expiresAt: KEY.expiresAt,
    };
    const api = fakeApi({ tab: { id: 4, url: TEMP_PAGE }, capture: { ok: true, key: captured } });
    render(<Popup api={api} />);
    await screen.findByText('No temporary key held. Capture one from the page or mint one below.');
    expect(api.sent.some((m) => m.type === 'keys/store')).toBe(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Capture key shown on this page' }));
    expect(await screen.findByText('Key captured.')).toBeTruthy();
    expect(api.sent).toContainEqual({ type: 'keys/store', key: captured });
    expect(
      await screen.findByRole('article', { name: `Temporary keys ${KEY.access}` }),
    ).toBeTruthy();
  });

  it('on the temporary-key tab, identity is not expected: no error, the capture button and last values', async () => {
    const api = fakeApi({
      tab: { id: 4, url: TEMP_PAGE },
      page: {
        url: TEMP_PAGE,
        onCredentials: true,
        result: {
          status: 'not-found',
          identity: {},
          missing: ['accountName', 'accountId', 'userName', 'userId'],
          projects: [],
          projectsListed: false,
          message: 'Could not find …',
        },
      },
    });
    render(<Popup api={api} />);
    expect(
      await screen.findByRole('button', { name: 'Capture key shown on this page' }),
    ).toBeTruthy();
    // The temporary-key tab is part of My Credentials: not "not on My Credentials".
    expect(
      screen.getByText('This My Credentials tab shows no IDs. Open API Credentials to read them.'),
    ).toBeTruthy();
    expect(screen.queryByText('This tab is not on My Credentials.')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers Capture only on the temporary-key page, not on other console pages', async () => {
    const elsewhere = 'http://127.0.0.1:4566/iam/#/mine/apiCredential';
    const result = {
      status: 'complete' as const,
      identity: FACTS.identity,
      missing: [],
      projects: FACTS.projects,
      projectsListed: true,
    };
    const captured = {
      ok: true as const,
      key: { access: KEY.access, secret: KEY.secret, securityToken: KEY.securityToken },
    };
    render(
      <Popup
        api={fakeApi({
          tab: { id: 4, url: elsewhere },
          page: { url: elsewhere, onCredentials: true, result },
          capture: captured,
        })}
      />,
    );
    expect(await screen.findByText(FACTS.identity.accountId)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Temporary keys' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Capture key shown on this page' })).toBeNull();
    cleanup();
    const users = 'https://console.huaweicloud.com/iam/#/iam/users';
    render(<Popup api={fakeApi({ tab: { id: 5, url: users }, capture: captured })} />);
    expect(await screen.findByRole('heading', { name: 'Temporary keys' })).toBeTruthy();
    await screen.findByText('No temporary key held. Capture one from the page or mint one below.');
    expect(screen.queryByRole('button', { name: 'Capture key shown on this page' })).toBeNull();
  });

  it('says what to do when the page shows no key', async () => {
    const api = fakeApi({
      tab: { id: 4, url: TEMP_PAGE },
      capture: {
        ok: false,
        missing: ['access'],
        message: 'Could not find the access key. Click Generate first.',
      },
    });
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Capture key shown on this page' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Click Generate first.');
  });

  it('mints with a permanent AK/SK against this emulator, then forgets the SK', async () => {
    const api = fakeApi({ tab: { id: 4, url: TEMP_PAGE }, keys: [KEY] });
    render(<Popup api={api} />);
    await screen.findByRole('button', { name: 'Capture key shown on this page' }); // the tab has been read
    fireEvent.click(screen.getByText('Mint a temporary key', { selector: 'summary' }));
    const form = screen.getByRole('form', { name: 'Mint a temporary key' });
    expect(
      within(form).getByRole<HTMLSelectElement>('combobox', { name: 'IAM endpoint' }).value,
    ).toBe('http://127.0.0.1:4566');
    fireEvent.input(within(form).getByLabelText('Access key (AK)'), {
      target: { value: 'EMUPPERMANENT0000001' },
    });
    fireEvent.input(within(form).getByLabelText('Secret key (SK)'), {
      target: { value: 'EmuPermanentSecretKey0000000000000000001' },
    });
    fireEvent.input(within(form).getByLabelText('Validity (minutes, 15–1440)'), {
      target: { value: '30' },
    });
    fireEvent.submit(form);
    expect(await screen.findByText('Temporary key minted.')).toBeTruthy();
    expect(api.hostChecks).toEqual(['http://127.0.0.1:4566']);
    expect(api.sent).toContainEqual({
      type: 'keys/mint',
      request: {
        endpoint: 'http://127.0.0.1:4566',
        durationSeconds: 1800,
        auth: {
          kind: 'aksk',
          ak: 'EMUPPERMANENT0000001',
          sk: 'EmuPermanentSecretKey0000000000000000001',
        },
      },
    });
    expect(within(form).getByLabelText<HTMLInputElement>('Secret key (SK)').value).toBe('');
  });

  it('offers the emulator on its default endpoint, and suggests it for a custom endpoint', async () => {
    render(<Popup api={fakeApi()} />);
    fireEvent.click(await screen.findByText('Mint a temporary key', { selector: 'summary' }));
    const form = screen.getByRole('form', { name: 'Mint a temporary key' });
    const select = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'IAM endpoint' });
    expect(Array.from(select.options).map((o) => o.value)).toContain('http://127.0.0.1:8790');
    fireEvent.change(select, { target: { value: 'custom' } });
    expect(
      within(form).getByLabelText<HTMLInputElement>('Custom endpoint URL', { selector: 'input' })
        .placeholder,
    ).toBe('http://127.0.0.1:8790');
  });

  it('shows IAM’s refusal in place', async () => {
    const api = fakeApi({
      mintError: 'IAM answered 401 APIGW.0301: Incorrect IAM authentication information.',
    });
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByText('Mint a temporary key', { selector: 'summary' }));
    const form = screen.getByRole('form', { name: 'Mint a temporary key' });
    fireEvent.click(within(form).getByLabelText('X-Auth-Token'));
    fireEvent.input(within(form).getByLabelText('Token'), { target: { value: 'MIIUserToken' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toContain('APIGW.0301');
    expect(api.sent).toContainEqual(
      expect.objectContaining({
        type: 'keys/mint',
        request: expect.objectContaining({
          endpoint: 'https://iam.myhuaweicloud.com',
          auth: { kind: 'token', token: 'MIIUserToken' },
        }),
      }),
    );
  });
});

describe('popup sign panel', () => {
  const SIGNED = {
    canonicalRequest: `GET\n/v3/auth/projects/\n\ncontent-type:application/json\nhost:127.0.0.1:4566\nx-sdk-date:20300102T030405Z\nx-security-token:${KEY.securityToken}\n\ncontent-type;host;x-sdk-date;x-security-token\ne3b0`,
    stringToSign: 'SDK-HMAC-SHA256\n20300102T030405Z\nabc',
    url: 'http://127.0.0.1:4566/v3/auth/projects',
    method: 'GET',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Security-Token', KEY.securityToken],
      ['X-Sdk-Date', '20300102T030405Z'],
      ['host', '127.0.0.1:4566'],
      ['Authorization', 'SDK-HMAC-SHA256 Access=X, SignedHeaders=host, Signature=s'],
    ] as Array<[string, string]>,
  };

  async function openSigner(api: ReturnType<typeof fakeApi>, rendered = false) {
    if (!rendered) render(<Popup api={api} />);
    fireEvent.click(await screen.findByText('Sign a request', { selector: 'summary' }));
    return screen.getByRole('region', { name: 'Sign a request' });
  }

  it('signs with the held key and shows canonical request, string to sign and headers (token masked)', async () => {
    const api = fakeApi({ tab: { id: 4, url: TEMP_PAGE }, keys: [KEY], sign: SIGNED });
    render(<Popup api={api} />);
    await screen.findByRole('button', { name: 'Capture key shown on this page' }); // the tab has been read
    const panel = await openSigner(api, true);
    expect(within(panel).getByLabelText<HTMLInputElement>('URL').value).toBe(
      'http://127.0.0.1:4566/v3/auth/projects',
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Sign' }));
    expect((await within(panel).findByLabelText('Canonical request')).textContent).toContain(
      'x-security-token:••••••••',
    );
    expect(panel.textContent).not.toContain(KEY.securityToken);
    expect(within(panel).getByLabelText('String to sign').textContent).toBe(SIGNED.stringToSign);
    expect(api.sent).toContainEqual({
      type: 'sign',
      access: KEY.access,
      send: false,
      request: {
        method: 'GET',
        url: SIGNED.url,
        headers: [['Content-Type', 'application/json']],
        body: '',
      },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy curl' }));
    await waitFor(() =>
      expect(api.copies[0]).toMatchObject({
        secret: true,
        text: expect.stringContaining("curl -X GET 'http://127.0.0.1:4566/v3/auth/projects'"),
      }),
    );
  });

  it('sends and shows status and pretty JSON; a server-side expiry is announced', async () => {
    const response = {
      status: 401,
      statusText: 'Unauthorized',
      headers: [['x-request-id', 'r1']] as Array<[string, string]>,
      body: '{"error_code":"IAM.1108","error_msg":"The securitytoken has expired."}',
      truncated: false,
    };
    const api = fakeApi({ keys: [KEY], sign: { ...SIGNED, response, keyExpired: true } });
    const panel = await openSigner(api);
    fireEvent.click(within(panel).getByRole('button', { name: 'Sign and send' }));
    expect((await within(panel).findByLabelText('HTTP status')).textContent).toBe('401');
    expect(within(panel).getByLabelText('Response body').textContent).toContain(
      '"error_code": "IAM.1108"',
    );
    expect(within(panel).getByRole('alert').textContent).toBe(
      'The server says this key has expired. It has been deleted.',
    );
  });

  it('asks for a key first, and rejects malformed header lines', async () => {
    const panel = await openSigner(fakeApi({}));
    fireEvent.click(within(panel).getByRole('button', { name: 'Sign' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe(
      'Hold a temporary key first.',
    );
    fireEvent.input(within(panel).getByLabelText('Headers (one "Name: value" per line)'), {
      target: { value: 'no colon here' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Sign' }));
    expect((await within(panel).findByRole('alert')).textContent).toContain('Line 1');
  });
});

describe('options page', () => {
  it('edits and saves endpoints, duration, clipboard delay and language', async () => {
    let saved: Options | undefined;
    render(
      <OptionsPage
        api={{ loadOptions: async () => DEFAULT_OPTIONS, saveOptions: async (o) => (saved = o) }}
      />,
    );
    fireEvent.input(await screen.findByLabelText(/Extra IAM endpoints/), {
      target: { value: 'http://127.0.0.1:4566\nhttp://localhost:9000' },
    });
    fireEvent.input(screen.getByLabelText(/Default validity/), { target: { value: '120' } });
    fireEvent.input(screen.getByLabelText(/Clear copied keys after/), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-cn' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' })); // the page follows the language chosen
    await waitFor(() =>
      expect(saved).toEqual({
        endpoints: ['http://127.0.0.1:4566', 'http://localhost:9000'],
        defaultDurationMinutes: 120,
        clipboardClearSeconds: 0,
        locale: 'zh-cn',
      }),
    );
    expect(await screen.findByText('已保存。')).toBeTruthy();
  });
});
