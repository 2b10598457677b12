// Journey 4 (issue 8) and the temporary-key part of issue 6: a federated user generates a
// temporary key on the console page, uses it through the official SDK, the extension captures it
// and signs GET /v3/auth/projects with it; once the emulator clock passes its expiry, the same
// request fails with the expired-token error and the popup drops the key.
import '../src/sdk.js';
import { expect, test } from 'vitest';
import { saveScreen } from '../src/artifacts.js';
import {
  gotoConsole,
  loginFederated,
  navigateInApp,
  press,
  readFields,
  waitForText,
} from '../src/console-ui.js';
import { useJourney } from '../src/journey.js';
import { clickButton, openDetails, popupText } from '../src/popup.js';
import {
  SecretBook,
  expectNoSecretsInDom,
  expectNoSecretsInStorage,
  readStorage,
} from '../src/secrets.js';
import { iamClient, listAuthProjects, sdkFailure, type KeyPair } from '../src/sdk.js';
import type { Page } from 'puppeteer-core';

const journey = useJourney();

/** Sign and send from the popup's signer; resolves with the HTTP status it shows. */
async function signAndSend(popup: Page, previous?: string): Promise<string> {
  await clickButton(popup, 'Sign and send');
  const status = await popup.waitForFunction(
    (old) => {
      const out = document.querySelector('output[aria-label="HTTP status"]');
      // A second send replaces the whole result: wait for a different status, or for a fresh one.
      return out && out.textContent !== old ? out.textContent : false;
    },
    { timeout: 15_000 },
    previous ?? null,
  );
  // What the artefact screenshot should show: the response, not the form.
  await popup.$eval('output[aria-label="HTTP status"]', (o) =>
    o.scrollIntoView({ block: 'start' }),
  );
  return (await status.jsonValue()) as string;
}

test('journey 4: a federated user generates a temporary key, the extension captures and signs with it until the clock passes its expiry', async () => {
  const { url, control, step, tab, popup, ext } = journey();
  const tenant = await control.createTenant();
  const book = new SecretBook();
  book.addTenant(tenant);

  await step('log in as the federated user through the "Federated User" tab', () =>
    loginFederated(tab, url, tenant),
  );
  const key = await step('generate a 15-minute temporary key on the page', async () => {
    await gotoConsole(tab, url, '/mine/temporaryAccessKey');
    await press(tab, 'Generate');
    await tab.waitForSelector('main [data-temporary-key]', { timeout: 15_000 });
    const fields = await readFields(tab);
    const generated: KeyPair = {
      access: fields['Access Key ID'] ?? '',
      secret: fields['Secret Access Key'] ?? '',
      securitytoken: fields['Security Token'] ?? '',
    };
    expect(generated.access).toMatch(/^[A-Z0-9]{20}$/);
    expect(generated.secret).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(generated.securitytoken!.length).toBeGreaterThan(20);
    book.add('temporary SK', generated.secret);
    book.add('security token', generated.securitytoken);
    await saveScreen(tab, 'console temporary-access-key en-us');
    return generated;
  });
  const sdk = iamClient(url, key, tenant.domain.id);
  await step('the key works through the official SDK', async () => {
    const res = await listAuthProjects(sdk);
    expect(res.httpStatusCode).toBe(200);
    expect((res.projects as unknown[]).length).toBe(tenant.projects.length);
  });

  const view = await step('open the popup and capture the key shown on the page', async () => {
    const p = await popup();
    await clickButton(p, 'Capture key shown on this page');
    await p.waitForSelector(`article[aria-label="Temporary keys ${key.access}"]`, {
      timeout: 15_000,
    });
    const text = await popupText(p);
    expect(text).toContain('Key captured.');
    expect(text).not.toContain('15 minutes assumed'); // the page's expiry was read
    return p;
  });
  await step('the key is held in storage.session only', async () => {
    expect(book.foundIn(await readStorage(ext.worker, 'session'))).toEqual(
      expect.arrayContaining(['temporary SK', 'security token']),
    );
    await expectNoSecretsInStorage(ext.worker, book, 'after capturing the key');
  });
  const first = await step(
    'the signer sends GET /v3/auth/projects signed with it: 200',
    async () => {
      await openDetails(view, 'Sign a request');
      const url = await view.$eval('input[type="url"]', (i) => i.value);
      expect(url).toBe(`${journey().url}/v3/auth/projects`);
      const status = await signAndSend(view);
      expect(status).toBe('200');
      await saveScreen(view, 'popup signed request en-us');
      return status;
    },
  );

  await step('move the emulator clock past the expiry', async () => {
    const before = Date.parse((await control.clock()).now);
    const after = Date.parse((await control.advanceClock(16 * 60)).now);
    expect(after - before).toBeGreaterThanOrEqual(16 * 60 * 1000);
  });
  await step(
    'the same request through the SDK now fails with the expired-token error',
    async () => {
      const failure = await sdkFailure(listAuthProjects(sdk));
      expect(failure).toMatchObject({ httpStatusCode: 401, errorCode: 'APIGW.0301' });
      expect(failure.errorMsg).toMatch(/token expires/);
    },
  );
  await step('the popup gets 401, says the key expired and drops it', async () => {
    expect(await signAndSend(view, first)).toBe('401');
    await view.waitForFunction(
      (ak) => !document.querySelector(`article[aria-label="Temporary keys ${ak}"]`),
      { timeout: 15_000 },
      key.access,
    );
    const text = await popupText(view);
    expect(text).toContain('The server says this key has expired. It has been deleted.');
    expect(text).toContain('token expires');
    expect(book.foundIn(await readStorage(ext.worker, 'session'))).not.toContain('temporary SK');
    await saveScreen(view, 'popup key expired en-us');
  });
  await step(
    'leaving the temporary-key page, no secret is left in the DOM or in storage',
    async () => {
      await navigateInApp(tab, '/mine/apiCredential');
      await expectNoSecretsInDom(tab, book, 'after leaving the temporary-key page');
      await expectNoSecretsInStorage(ext.worker, book, 'at the end of journey 4');
    },
  );
});

test('the temporary-key page refuses an out-of-range validity in place, and shows the key only until reload', async () => {
  const { url, control, step, tab } = journey();
  const tenant = await control.createTenant();
  await step('log in as the federated user and open the page', async () => {
    await loginFederated(tab, url, tenant, { locale: 'en-us' });
    await gotoConsole(tab, url, '/mine/temporaryAccessKey');
  });
  await step('25 hours is refused before any request', async () => {
    await tab.$eval('#temp-duration', (i) => ((i as HTMLInputElement).value = ''));
    await tab.type('#temp-duration', '25');
    await tab.select('#temp-unit', 'hours');
    await press(tab, 'Generate');
    await waitForText(tab, 'Enter a validity period from 15 minutes to 24 hours.');
    expect(await tab.$('main [data-temporary-key]')).toBeNull();
  });
  await step('24 hours works; a reload forgets the key', async () => {
    await tab.$eval('#temp-duration', (i) => ((i as HTMLInputElement).value = ''));
    await tab.type('#temp-duration', '24');
    await press(tab, 'Generate');
    await tab.waitForSelector('main [data-temporary-key]', { timeout: 15_000 });
    await tab.reload();
    await tab.waitForSelector('main #temp-duration', { timeout: 15_000 });
    expect(await tab.$('main [data-temporary-key]')).toBeNull();
  });
});
