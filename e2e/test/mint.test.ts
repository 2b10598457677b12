// Journey 5 (issue 8): a user mints a temporary key from the popup with a permanent AK/SK against
// the emulator, copies it "as env vars", exports the lines in a real shell, and the official Node
// SDK — configured by nothing but that environment — calls the emulator with it.
import { sdkHome } from '../src/sdk.js';
import { expect, test } from 'vitest';
import { saveScreen } from '../src/artifacts.js';
import { copiedBy } from '../src/clipboard.js';
import { gotoConsole, useSession } from '../src/console-ui.js';
import { useJourney } from '../src/journey.js';
import { SDK_FROM_ENV_SCRIPT } from '../src/paths.js';
import { clickButton, fillByLabel, openDetails, popupText, valueByLabel } from '../src/popup.js';
import { SecretBook, expectNoSecretsInStorage, readStorage } from '../src/secrets.js';
import { runBash } from '../src/shell.js';

const journey = useJourney();

test('journey 5: mint from the popup with a permanent AK/SK, copy as env vars, and the SDK calls the emulator with the exported lines', async () => {
  const { url, control, step, tab, popup, ext } = journey();
  const tenant = await control.createTenant();
  const user = tenant.iam_user;
  const book = new SecretBook();
  book.addTenant(tenant);

  await step(
    'open API Credentials with a control-plane console session (login is not under test)',
    async () => {
      await useSession(tab, url, await control.createConsoleSession(user.id));
      await gotoConsole(tab, url, '/mine/apiCredential');
    },
  );
  const view = await step('the mint form offers this emulator and this account', async () => {
    const p = await popup();
    await openDetails(p, 'Mint a temporary key');
    expect(await valueByLabel(p, 'IAM endpoint')).toBe(url);
    expect(await valueByLabel(p, 'Account ID (optional')).toBe(tenant.domain.id);
    return p;
  });
  const minted = await step('mint with the permanent AK/SK', async () => {
    await fillByLabel(view, 'Access key (AK)', user.access_key.access);
    await fillByLabel(view, 'Secret key (SK)', user.access_key.secret);
    await clickButton(view, 'Mint');
    await view.waitForFunction(() => document.body.innerText.includes('Temporary key minted.'), {
      timeout: 15_000,
    });
    const access = await view.$eval('article.key code.value', (c) => c.textContent ?? '');
    expect(access).toMatch(/^[A-Z0-9]{20}$/);
    expect(access).not.toBe(user.access_key.access);
    expect(await valueByLabel(view, 'Secret key (SK)'), 'the form forgets the permanent SK').toBe(
      '',
    );
    await saveScreen(view, 'popup minted key en-us');
    return access;
  });
  await step(
    'the permanent SK is stored nowhere; the temporary key only in storage.session',
    async () => {
      const session = await readStorage(ext.worker, 'session');
      expect(session).toContain(minted);
      expect(book.foundIn(session)).toEqual([]);
      await expectNoSecretsInStorage(ext.worker, book, 'after minting');
    },
  );
  const lines = await step(
    '"Copy as env vars" puts the export lines on the clipboard',
    async () => {
      const text = await copiedBy(view, () => clickButton(view, 'Copy Copy as env vars'));
      expect(text).toMatch(new RegExp(`^export HUAWEICLOUD_SDK_AK=${minted}$`, 'm'));
      expect(text).toMatch(/^export HUAWEICLOUD_SDK_SK=\S{40}$/m);
      expect(text).toMatch(/^export HUAWEICLOUD_SDK_SECURITY_TOKEN=\S+$/m);
      expect(text).toMatch(
        new RegExp(`^export HUAWEICLOUD_SDK_IAM_ENDPOINT=${url.replace(/[.]/g, '\\.')}$`, 'm'),
      );
      return text;
    },
  );
  await step('exported in a shell, the lines let the official SDK call the emulator', async () => {
    const run = await runBash(
      `set -eu\n${lines}\nexec "${process.execPath}" "${SDK_FROM_ENV_SCRIPT}"`,
      { HOME: sdkHome },
    );
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    const out = JSON.parse(run.stdout) as { status: number; projects: string[] };
    expect(out.status).toBe(200);
    expect(out.projects.sort()).toEqual(tenant.projects.map((p) => p.id).sort());
  });
  await step('the journal shows that call signed with the minted key', async () => {
    const calls = (await control.requests()).filter(
      (e) => e.path === '/v3/auth/projects' && e.access_key === minted,
    );
    expect(calls.map((c) => c.status)).toEqual([200]);
  });
});

test('minting with a wrong SK is refused in place and nothing is held', async () => {
  const { url, control, step, tab, popup } = journey();
  const tenant = await control.createTenant();
  await step('open API Credentials', async () => {
    await useSession(tab, url, await control.createConsoleSession(tenant.iam_user.id));
    await gotoConsole(tab, url, '/mine/apiCredential');
  });
  await step('mint with a wrong SK: the IAM error is shown, no key is held', async () => {
    const view = await popup();
    const before = (await view.$$('article.key')).length;
    await openDetails(view, 'Mint a temporary key');
    await fillByLabel(view, 'Access key (AK)', tenant.iam_user.access_key.access);
    await fillByLabel(view, 'Secret key (SK)', 'x'.repeat(40));
    await clickButton(view, 'Mint');
    await view.waitForSelector('form[aria-labelledby="mint-title"] [role="alert"]', {
      timeout: 15_000,
    });
    expect(await popupText(view)).toMatch(/IAM answered 401/);
    expect((await view.$$('article.key')).length).toBe(before);
  });
});
