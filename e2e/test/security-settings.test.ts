// Issue 6's Security Settings, end to end: what an administrator changes on the page is what an
// IAM user meets on Access Keys — operation protection with a designated person's e-mail, and
// "only administrators can manage access keys".
import { expect, test } from 'vitest';
import { saveScreen } from '../src/artifacts.js';
import {
  choose,
  dialogText,
  gotoConsole,
  loginAs,
  press,
  useSession,
  waitForText,
} from '../src/console-ui.js';
import { useJourney } from '../src/journey.js';
import { verifyWithCode } from '../src/protection.js';

const journey = useJourney();

test('an administrator turns on operation protection verified by a designated e-mail; the IAM user is asked for that code only', async () => {
  const { url, control, step, tab } = journey();
  const tenant = await control.createTenant();
  await step('the administrator logs in and opens Security Settings', async () => {
    await loginAs(tab, url, tenant, tenant.admin);
    await gotoConsole(tab, url, '/iam/securitySettings');
  });
  await step(
    'turn protection on, verified by a designated person by e-mail, and save',
    async () => {
      await choose(tab, 'Enabled');
      await choose(tab, 'A designated person');
      await choose(tab, 'Email');
      await tab.type('#designated-contact', 'security@example.com');
      await press(tab, 'Save');
      await waitForText(tab, 'Security settings saved.');
      await saveScreen(tab, 'console security-settings designated en-us');
    },
  );
  await step(
    'the IAM user creating a key is offered only the designated e-mail, and its code works',
    async () => {
      await useSession(tab, url, await control.createConsoleSession(tenant.iam_user.id));
      await gotoConsole(tab, url, '/mine/accessKey');
      await press(tab, 'Create Access Key');
      await press(tab, 'OK');
      const text = await dialogText(tab);
      expect(text).toMatch(/Email to s\S*@example\.com/);
      expect(
        await tab.$$eval('input[name="verification-channel"]', (l) => l.map((e) => e.value)),
      ).toEqual(['email']);
      await verifyWithCode(tab, control, tenant.iam_user.id, 'email', 'create_access_key');
      await press(tab, 'OK');
      await waitForText(tab, 'Access Key Created');
    },
  );
});

test('an administrator forbids IAM users to manage their keys; the IAM user sees why and no operations', async () => {
  const { url, control, step, tab } = journey();
  const tenant = await control.createTenant();
  await step('the administrator unticks "IAM users can manage their own access keys"', async () => {
    await useSession(tab, url, await control.createConsoleSession(tenant.admin.id));
    await gotoConsole(tab, url, '/iam/securitySettings');
    await choose(tab, 'IAM users can manage their own access keys');
    await press(tab, 'Save');
    await waitForText(tab, 'Security settings saved.');
  });
  await step(
    'the IAM user sees the administrators-only message and no Create, Disable or Delete',
    async () => {
      await useSession(tab, url, await control.createConsoleSession(tenant.iam_user.id));
      await gotoConsole(tab, url, '/mine/accessKey');
      await waitForText(tab, 'Only administrators can manage access keys.');
      const buttons = await tab.$$eval('main button', (list) =>
        list.map((b) => b.textContent?.trim() ?? ''),
      );
      expect(buttons.filter((b) => ['Create Access Key', 'Disable', 'Delete'].includes(b))).toEqual(
        [],
      );
      await saveScreen(tab, 'console access-key admin-only en-us');
    },
  );
  await step('an IAM user cannot open Security Settings', async () => {
    await gotoConsole(tab, url, '/iam/securitySettings');
    await waitForText(tab, 'Only administrators can view and change security settings.');
  });
});
