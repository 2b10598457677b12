import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, TargetType, type WebWorker } from 'puppeteer-core';
import { EXTENSION_DIR } from './paths.js';

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** The extension's MV3 service worker, for evaluating `chrome.*` calls in tests. */
  worker: WebWorker;
  close(): Promise<void>;
}

/** Flags that keep Chromium quiet on a machine with no network beyond loopback. */
const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Where Debian and Ubuntu put Chromium (the same list as scripts/chromium.mjs). */
const CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];

function findChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  const found = configured
    ? existsSync(configured)
      ? configured
      : undefined
    : CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `E2E_NO_CHROMIUM: ${configured ?? CANDIDATES.join(', ')} not found. Run npm test (it installs chromium) or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

/** Console pages are photographed at a desktop size; the popup keeps its own natural size. */
const VIEWPORT = { width: 1280, height: 860 };

/** Launches Debian's Chromium headless with the real built extension installed. */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  // A wrong extension path is silently ignored by Chromium: check first so the failure is clear.
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `E2E_NO_EXTENSION_BUILD: ${EXTENSION_DIR}/manifest.json missing. Run: pnpm --filter @iam-testbed/extension build`,
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'iam-testbed-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    pipe: true,
    enableExtensions: true,
    args: QUIET_ARGS,
    defaultViewport: VIEWPORT,
  });
  try {
    const extensionId = await browser.installExtension(EXTENSION_DIR);
    const target = await browser.waitForTarget(
      (t) =>
        t.type() === TargetType.SERVICE_WORKER &&
        t.url().startsWith(`chrome-extension://${extensionId}/`),
      { timeout: 15_000 },
    );
    const worker = await target.worker();
    if (!worker)
      throw new Error('E2E_NO_SERVICE_WORKER: the extension service worker did not start');
    const close = async () => {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    };
    return { browser, extensionId, worker, close };
  } catch (err) {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}
