// Journey 6 (issue 8): through everything a user does with secrets — password login, a key created
// under operation protection, minting with a permanent AK/SK, capturing a temporary key, signing —
// no secret is ever in the extension's storage.local or storage.sync (checked after every step,
// read from the service worker), none is in the console page's DOM outside the temporary-key
// page, and none is in the emulator's request journal.
import '../src/sdk.js';
import { expect, test } from 'vitest';
import {
  dialogText,
  gotoConsole,
  loginAs,
  loginFederated,
  navigateInApp,
  press,
  readFields,
  waitForText,
} from '../src/console-ui.js';
import { useJourney } from '../src/journey.js';
import { clickButton, fillByLabel, openDetails } from '../src/popup.js';
import { verifyWithCode } from '../src/protection.js';
import { SecretBook, expectNoSecretsInDom, expectNoSecretsInStorage } from '../src/secrets.js';

const journey = useJourney();

test('journey 6: no secret in storage.local/sync at any step, in the page DOM outside the temporary-key page, or in the request journal', async () => {
  const { url, control, step, tab, popup, ext } = journey();
  const tenant = await control.createTenant({ operation_protection: true });
  const user = tenant.iam_user;
  const book = new SecretBook();
  book.addTenant(tenant);
  // Every step ends with the storage check: "at any point", not only at the end.
  const checked = <T>(name: string, fn: () => Promise<T>) =>
    step(name, async () => {
      const result = await fn();
      await expectNoSecretsInStorage(ext.worker, book, `after "${name}"`);
      return result;
    });
  const rememberSessionCookie = async (label: string) => {
    const cookies = await tab.browserContext().cookies();
    book.add(label, cookies.find((c) => c.name === 'iamtb_console')?.value);
  };

  await checked('log in with the password form', async () => {
    await loginAs(tab, url, tenant, user);
    await rememberSessionCookie('IAM user session cookie');
    await expectNoSecretsInDom(tab, book, 'on API Credentials');
  });
  await checked('the popup reads API Credentials', async () => {
    await popup();
  });
  await checked(
    'create an access key under operation protection; the page forgets the SK once closed',
    async () => {
      await gotoConsole(tab, url, '/mine/accessKey');
      await press(tab, 'Create Access Key');
      await press(tab, 'OK');
      expect(await dialogText(tab)).toContain('Verify your identity');
      book.add(
        'create code',
        (await verifyWithCode(tab, control, user.id, 'sms', 'create_access_key')).code,
      );
      await press(tab, 'OK');
      await waitForText(tab, 'Access Key Created');
      book.add('created SK', (await readFields(tab))['Secret Access Key']);
      await press(tab, 'Close');
      await tab.waitForFunction(() => !document.querySelector('[role="dialog"]'));
      await expectNoSecretsInDom(tab, book, 'on Access Keys after the dialog closed');
    },
  );
  await checked('mint from the popup with the permanent AK/SK', async () => {
    await navigateInApp(tab, '/mine/apiCredential');
    const view = await popup();
    await openDetails(view, 'Mint a temporary key');
    await fillByLabel(view, 'Access key (AK)', user.access_key.access);
    await fillByLabel(view, 'Secret key (SK)', user.access_key.secret);
    await clickButton(view, 'Mint');
    await view.waitForFunction(() => document.body.innerText.includes('Temporary key minted.'), {
      timeout: 15_000,
    });
    // The minted secret is only readable from storage.session, where it belongs.
    const held = await ext.worker.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return JSON.stringify((await c.storage.session.get('temporaryKeys')).temporaryKeys ?? []);
    });
    const keys = JSON.parse(held) as Array<{ secret: string; securityToken: string }>;
    expect(keys).toHaveLength(1);
    book.add('minted SK', keys[0]!.secret);
    book.add('minted token', keys[0]!.securityToken);
    await expectNoSecretsInDom(tab, book, 'on API Credentials after minting');
  });
  await checked('as the federated user, generate and capture a temporary key', async () => {
    await loginFederated(tab, url, tenant);
    await rememberSessionCookie('federated session cookie');
    await gotoConsole(tab, url, '/mine/temporaryAccessKey');
    await press(tab, 'Generate');
    await tab.waitForSelector('main [data-temporary-key]', { timeout: 15_000 });
    const fields = await readFields(tab);
    book.add('page temporary SK', fields['Secret Access Key']);
    book.add('page security token', fields['Security Token']);
    const view = await popup();
    await clickButton(view, 'Capture key shown on this page');
    await view.waitForFunction(() => document.body.innerText.includes('Key captured.'), {
      timeout: 15_000,
    });
  });
  await checked('sign and send with the captured key', async () => {
    const view = await popup();
    await openDetails(view, 'Sign a request');
    await clickButton(view, 'Sign and send');
    await view.waitForFunction(
      () => document.querySelector('output[aria-label="HTTP status"]')?.textContent === '200',
      { timeout: 15_000 },
    );
  });
  await checked('outside the temporary-key page, the DOM holds no secret', async () => {
    await navigateInApp(tab, '/mine/apiCredential');
    await expectNoSecretsInDom(tab, book, 'on API Credentials after the temporary key');
  });
  await step('the request journal holds no secret', async () => {
    // Everything the journey handled is watched, so a leak of any of them fails this step.
    expect(book.labels().sort()).toEqual(
      [
        'admin password',
        'admin SK',
        'IAM user password',
        'IAM user SK',
        'federated id token',
        'IAM user session cookie',
        'federated session cookie',
        'create code',
        'created SK',
        'minted SK',
        'minted token',
        'page temporary SK',
        'page security token',
      ].sort(),
    );
    const journal = await control.requests();
    expect(journal.length).toBeGreaterThan(10);
    // The journal saw the console logins, the code, the key creation, minting and signing.
    expect(
      journal.some((e) => e.path === '/v3.0/OS-CREDENTIAL/securitytokens' && e.status === 201),
    ).toBe(true);
    expect(book.foundIn(JSON.stringify(journal))).toEqual([]);
  });
});
