/**
 * @module One test file's world: the emulator started as `npm start` starts it (own port, memory
 * store), Chromium with the built extension, the control plane, a console tab, the popup, and
 * the `step` helper. Each file gets its own emulator and browser; each test takes fresh tenants,
 * so files and tests never see each other's state.
 */
import { EmulatorClient } from '@iam-testbed/emulator/client';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser.js';
import { grantClipboard } from './clipboard.js';
import { startEmulatorProcess, type RunningEmulator } from './emulator-process.js';
import { openPopup } from './popup.js';
import { stepper, type Step } from './step.js';

export interface Journey {
  url: string;
  emulator: RunningEmulator;
  ext: ExtensionBrowser;
  /** The emulator's control plane, through the package's own typed client. */
  control: EmulatorClient;
  step: Step;
  /** The console tab (the browser's first tab). */
  tab: Page;
  /** Another tab, in the background. */
  newTab(): Promise<Page>;
  /** Opens the real popup over `tab` (default: the console tab), closing the last one. */
  popup(over?: Page): Promise<Page>;
  closePopup(): Promise<void>;
}

/** Registers the file's beforeAll/afterAll; call the returned function inside tests. */
export function useJourney(): () => Journey {
  let journey: Journey | undefined;
  let emulator: RunningEmulator | undefined;
  let ext: ExtensionBrowser | undefined;

  beforeAll(async () => {
    emulator = await startEmulatorProcess();
    ext = await launchWithExtension();
    await grantClipboard(ext);
    const running = ext;
    const tab = (await running.browser.pages())[0] ?? (await running.browser.newPage());
    let current: Page | undefined;
    const popupTargetPages = async () => (current && !current.isClosed() ? [current] : []);
    journey = {
      url: emulator.url,
      emulator,
      ext: running,
      control: new EmulatorClient(emulator.url),
      step: stepper(async () => [
        ...(await running.browser.pages()),
        ...(await popupTargetPages()),
      ]),
      tab,
      newTab: () => running.browser.newPage(),
      async popup(over = tab) {
        current = await openPopup(running, over, current);
        return current;
      },
      async closePopup() {
        if (current && !current.isClosed()) await current.close();
        current = undefined;
      },
    };
  });

  afterAll(async () => {
    await ext?.close();
    await emulator?.stop();
  });

  return () => {
    if (!journey) throw new Error('E2E_NO_JOURNEY: beforeAll did not finish (see the error above)');
    return journey;
  };
}
