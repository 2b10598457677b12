import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../src/browser.js';
import { startEmulatorProcess, type RunningEmulator } from '../src/emulator-process.js';

// The foundation journey: what `npm start` starts answers, and the built extension loads in
// real Chromium and renders its popup. The user journeys of issue 8 build on these helpers.
let emulator: RunningEmulator;
let ext: ExtensionBrowser;

beforeAll(async () => {
  emulator = await startEmulatorProcess();
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await emulator?.stop();
});

test('the emulator started as npm start does answers its health check', async () => {
  const res = await fetch(`${emulator.url}/_emulator/health`);
  expect(res.status).toBe(200);
  expect(res.headers.get('x-request-id')).toBeTruthy();
  expect(await res.json()).toMatchObject({ status: 'ok' });
});

test('the built extension loads in Chromium with its MV3 service worker', async () => {
  // Runs inside the service worker, where `chrome` is the extension API.
  const manifest = await ext.worker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { runtime: { getManifest(): { manifest_version: number; name: string } } };
      }
    ).chrome.runtime.getManifest(),
  );
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toMatch(/IAM Testbed/);
});

test('the popup renders from the built extension', async () => {
  const page = await ext.browser.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await page.waitForSelector('main, [role="main"]', { timeout: 10_000 });
    const text = await page.$eval('body', (b) => b.textContent ?? '');
    expect(text).toMatch(/IAM Testbed|My Credentials|我的凭证/);
  } finally {
    await page.close();
  }
});
