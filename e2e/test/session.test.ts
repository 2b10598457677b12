// Issue 6's login and session rules in the browser: a wrong password is refused in place, Sign Out
// ends the session, and an idle session expires on the emulator clock and brings the user back to
// where they were after logging in again.
import { expect, test } from 'vitest';
import {
  consoleUrl,
  loginAs,
  loginUrl,
  navigateInApp,
  press,
  waitForRoute,
  waitForText,
} from '../src/console-ui.js';
import { useJourney } from '../src/journey.js';

const journey = useJourney();

test('a wrong password is refused in place', async () => {
  const { url, control, step, tab } = journey();
  const tenant = await control.createTenant();
  await step('submit a wrong password', async () => {
    await tab.goto(loginUrl(url));
    await tab.type('#login-account_name', tenant.domain.name);
    await tab.type('#login-user_name', tenant.iam_user.name);
    await tab.type('#login-password', `${tenant.iam_user.password}x`);
    await tab.click('form.login-form button[type="submit"]');
    const text = await waitForText(tab, 'The account name, user name or password is incorrect.');
    expect(text).toContain('CONSOLE.BAD_LOGIN');
    expect(new URL(tab.url()).pathname).toBe('/authui/login');
  });
});

test('Sign Out ends the session: the console sends the browser back to the login page', async () => {
  const { url, control, step, tab } = journey();
  const tenant = await control.createTenant();
  await step('log in, then Sign Out', async () => {
    await loginAs(tab, url, tenant, tenant.iam_user);
    await Promise.all([tab.waitForNavigation(), press(tab, 'Sign Out')]);
    await waitForText(tab, 'You have signed out.');
  });
  await step('the console now asks to log in', async () => {
    await tab.goto(consoleUrl(url, '/mine/accessKey'));
    await tab.waitForFunction(() => location.pathname === '/authui/login', { timeout: 15_000 });
  });
});

test('an idle session expires on the emulator clock; logging in again returns to the same page', async () => {
  const { url, control, step, tab } = journey();
  const tenant = await control.createTenant();
  try {
    await step('log in and open API Credentials', () =>
      loginAs(tab, url, tenant, tenant.iam_user, { locale: 'en-us' }),
    );
    await step('61 idle minutes pass on the emulator clock', () => control.advanceClock(61 * 60));
    await step('the next page the user opens says the session expired', async () => {
      await tab.click('nav.sidenav a[href="#/mine/accessKey"]');
      await tab.waitForFunction(() => location.pathname === '/authui/login', { timeout: 15_000 });
      await waitForText(tab, 'Your session has expired. Log in again.');
      expect(new URL(tab.url()).searchParams.get('reason')).toBe('expired');
    });
    await step('logging in again lands on Access Keys', async () => {
      await tab.type('#login-account_name', tenant.domain.name);
      await tab.type('#login-user_name', tenant.iam_user.name);
      await tab.type('#login-password', tenant.iam_user.password);
      await Promise.all([
        tab.waitForNavigation(),
        tab.click('form.login-form button[type="submit"]'),
      ]);
      await waitForRoute(tab, '/mine/accessKey');
      await navigateInApp(tab, '/mine/apiCredential');
    });
  } finally {
    await control.resetClock();
  }
});
