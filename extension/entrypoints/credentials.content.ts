import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_SCRIPT_MATCHES } from '../lib/console/console-hosts';
import { answerContentRequest, isContentRequest } from '../lib/content/content-messages';
import { PageReader } from '../lib/content/page-reader';
import { scrapeCredentials } from '../lib/scraper/scrape';

// Reads My Credentials on the console's /iam/ pages (the hash route is checked by PageReader).
export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const reader = new PageReader({
      doc: document,
      scrape: scrapeCredentials,
      report: (message) => void browser.runtime.sendMessage(message).catch(() => undefined),
      timers: {
        setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
        clearTimeout: (id) => clearTimeout(id),
      },
    });
    reader.navigate(location.href);
    // Single-page navigation: WXT's location watcher, plus hashchange for the hash routes.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) =>
      reader.navigate(newUrl.href),
    );
    ctx.addEventListener(window, 'hashchange', () => reader.navigate(location.href));
    const listener = (
      message: unknown,
      sender: { id?: string },
      sendResponse: (r: unknown) => void,
    ) => {
      if (sender.id !== browser.runtime.id || !isContentRequest(message)) return undefined;
      void answerContentRequest(message, reader, document, location.href).then(sendResponse);
      return true;
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => {
      reader.stop();
      browser.runtime.onMessage.removeListener(listener);
    });
  },
});
