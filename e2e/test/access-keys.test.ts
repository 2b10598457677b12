// Journey 3 (issue 8) and the access-key part of issue 6: with operation protection on, an IAM
// user creates a key in the console with a code read from the control plane, downloads
// credentials.csv exactly once, signs with the downloaded key through the official SDK, and is
// refused a third key with the quota message; then disables and deletes a key, each verified.
import '../src/sdk.js';
import { expect, test } from 'vitest';
import { saveScreen } from '../src/artifacts.js';
import {
  dialogText,
  gotoConsole,
  loginAs,
  press,
  readFields,
  waitForText,
} from '../src/console-ui.js';
import { Downloads } from '../src/downloads.js';
import { useJourney } from '../src/journey.js';
import { codeNow, verifyWithCode } from '../src/protection.js';
import { SecretBook, expectNoSecretsInDom, expectNoSecretsInStorage } from '../src/secrets.js';
import { iamClient, listAuthProjects, sdkFailure } from '../src/sdk.js';
import type { Page } from 'puppeteer-core';

const journey = useJourney();

const keyRows = (page: Page) =>
  page.$$eval('main tr[data-access-key]', (rows) =>
    rows.map((r) => r.getAttribute('data-access-key') ?? ''),
  );

function parseCsv(text: string): string[][] {
  // Huawei's file is one header and one row of unquoted fields (AK/SK and user names have no commas).
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(',').map((f) => f.replace(/^"|"$/g, '')));
}

test('journey 3: create a key with operation protection, download credentials.csv once, use it, hit the quota', async () => {
  const { url, control, step, tab, newTab, ext } = journey();
  const tenant = await control.createTenant({ operation_protection: true });
  const user = tenant.iam_user;
  const book = new SecretBook();
  book.addTenant(tenant);
  const downloads = await Downloads.start(ext.browser);
  try {
    await step('log in as the IAM user and open Access Keys: one key', async () => {
      await loginAs(tab, url, tenant, user);
      await gotoConsole(tab, url, '/mine/accessKey');
      expect(await keyRows(tab)).toEqual([user.access_key.access]);
    });
    const stale = await step(
      'a second tab shows Access Keys before the new key exists',
      async () => {
        const other = await newTab();
        await gotoConsole(other, url, '/mine/accessKey');
        await tab.bringToFront();
        return other;
      },
    );
    await step('Create asks for identity verification', async () => {
      await press(tab, 'Create Access Key');
      await tab.type('#key-description', 'e2e journey 3');
      await press(tab, 'OK');
      expect(await dialogText(tab)).toContain(
        'Operation protection is on. Verify your identity to continue.',
      );
      await saveScreen(tab, 'console access-key verification en-us');
    });
    const code = await step('send an SMS code and read it from the control plane', () =>
      verifyWithCode(tab, control, user.id, 'sms', 'create_access_key'),
    );
    book.add('create code', code.code);
    const created = await step('complete: the key is shown once', async () => {
      await press(tab, 'OK');
      await waitForText(tab, 'Access Key Created');
      const fields = await readFields(tab);
      const access = fields['Access Key ID'] ?? '';
      const secret = fields['Secret Access Key'] ?? '';
      expect(access).toMatch(/^[A-Z0-9]{20}$/);
      expect(secret).toMatch(/^[A-Za-z0-9]{40}$/);
      expect((await codeNow(control, code))?.used, 'the code is used up').toBe(true);
      book.add('created SK', secret);
      return { access, secret };
    });
    const csv = await step('Download saves credentials.csv with the key', async () => {
      await press(tab, 'Download');
      const file = await downloads.completed(1);
      expect(file.suggestedFilename).toBe('credentials.csv');
      const [header, row, ...rest] = parseCsv(file.text);
      expect(header).toEqual(['User Name', 'Access Key Id', 'Secret Access Key']);
      expect(row).toEqual([user.name, created.access, created.secret]);
      expect(rest).toEqual([]);
      await waitForText(tab, 'credentials.csv is downloaded.');
      return { access: row![1]!, secret: row![2]! };
    });
    await step('a second Download is refused and nothing is saved', async () => {
      await press(tab, 'Download');
      const text = await waitForText(tab, 'The key file has already been downloaded.');
      expect(text).toContain('CONSOLE.DOWNLOAD_USED');
      expect(downloads.started).toHaveLength(1);
    });
    await step('the downloaded AK/SK sign a request through the official SDK', async () => {
      const res = await listAuthProjects(iamClient(url, csv, tenant.domain.id));
      expect(res.httpStatusCode).toBe(200);
      expect((res.projects as Array<{ id: string }>).map((p) => p.id).sort()).toEqual(
        tenant.projects.map((p) => p.id).sort(),
      );
    });
    await step(
      'closing the dialog leaves two keys, Create disabled, and the quota message',
      async () => {
        await press(tab, 'Close');
        await tab.waitForFunction(
          () => document.querySelectorAll('main tr[data-access-key]').length === 2,
        );
        expect((await keyRows(tab)).sort()).toEqual(
          [user.access_key.access, created.access].sort(),
        );
        await waitForText(tab, 'You already have 2 access keys, the maximum allowed.');
        const create = await tab.$$eval('main button', (list) =>
          list.filter((b) => b.textContent?.trim() === 'Create Access Key').map((b) => b.disabled),
        );
        expect(create, 'Create is there and disabled').toEqual([true]);
        await expectNoSecretsInDom(tab, book, 'after the created-key dialog closed');
        await saveScreen(tab, 'console access-key en-us');
      },
    );
    await step(
      'a third key, from the stale tab, is refused by the server with the quota message',
      async () => {
        await stale.bringToFront();
        await press(stale, 'Create Access Key');
        await press(stale, 'OK');
        const third = await verifyWithCode(stale, control, user.id, 'email', 'create_access_key');
        book.add('third code', third.code);
        await press(stale, 'OK');
        const text = await waitForText(
          stale,
          'The number of access keys has reached the maximum allowed limit.',
        );
        expect(text).toContain('akSkNumExceed');
        expect(
          (await codeNow(control, third))?.used,
          'a refused operation does not use the code up',
        ).toBe(false);
        await saveScreen(stale, 'console access-key quota en-us');
        await stale.close();
      },
    );
    await step('no secret in storage.local/sync', () =>
      expectNoSecretsInStorage(ext.worker, book, 'after journey 3'),
    );
  } finally {
    await downloads.close();
  }
});

test('issue 6: disable and delete an access key, each with operation protection', async () => {
  const { url, control, step, tab } = journey();
  const tenant = await control.createTenant({ operation_protection: true });
  const user = tenant.iam_user;
  const ak = user.access_key.access;
  const sdk = iamClient(url, user.access_key, tenant.domain.id);
  await step('the key works before', async () =>
    expect((await listAuthProjects(sdk)).httpStatusCode).toBe(200),
  );
  await step('log in and open Access Keys', async () => {
    await loginAs(tab, url, tenant, user);
    await gotoConsole(tab, url, '/mine/accessKey');
  });
  await step('Disable asks for a code (virtual MFA) and disables the key', async () => {
    await press(tab, `Disable access key ${ak}`);
    expect(await dialogText(tab)).toContain(`Disable access key ${ak}?`);
    await verifyWithCode(tab, control, user.id, 'vmfa', 'update_access_key');
    await press(tab, 'OK');
    await waitForText(tab, `Access key ${ak} is disabled.`);
    await tab.waitForFunction(
      (k) =>
        document.querySelector(`tr[data-access-key="${k}"] .status`)?.textContent === 'Disabled',
      {},
      ak,
    );
  });
  await step('a request signed with the disabled key is refused', async () => {
    const failure = await sdkFailure(listAuthProjects(sdk));
    expect(failure.httpStatusCode).toBe(401);
  });
  await step('a wrong code is refused in place and the key stays', async () => {
    await press(tab, `Delete access key ${ak}`);
    await tab.click('input[name="verification-channel"][value="sms"]');
    await press(tab, 'Send Code');
    await waitForText(tab, 'A code was sent to');
    const real = (await control.verificationCodes({ user_id: user.id })).at(-1)!.code;
    await tab.type('#verify-code', real === '000000' ? '111111' : '000000');
    await press(tab, 'OK');
    const text = await waitForText(
      tab,
      'The verification code or password is incorrect, expired or already used.',
    );
    expect(text).toContain('CONSOLE.VERIFICATION_FAILED');
    expect(await keyRows(tab)).toEqual([ak]);
    await press(tab, 'Cancel');
  });
  await step('Delete with the right code removes the key', async () => {
    await press(tab, `Delete access key ${ak}`);
    await verifyWithCode(tab, control, user.id, 'sms', 'delete_access_key');
    await press(tab, 'OK');
    await waitForText(tab, `Access key ${ak} is deleted.`);
    await waitForText(tab, 'You have no access keys.');
  });
  await step('the deleted key is refused', async () =>
    expect((await sdkFailure(listAuthProjects(sdk))).httpStatusCode).toBe(401),
  );
});
