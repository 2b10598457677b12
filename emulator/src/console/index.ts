/**
 * @module console
 * The emulated Huawei Cloud console: pages (`/authui/login`, `/iam/#/mine/…`, built from
 * emulator/web) and their same-origin API (`/console-api/*`). The API's routes
 * (`CONSOLE_ROUTES`) are served by the one dispatcher with the Huawei API and the control plane;
 * the pages and assets by an Express router in front of it. Everything the console does to keys,
 * users and policies goes through the domain functions the Huawei API uses. Its memory (sessions,
 * codes, downloads) is `rt.console` (console-state.ts), which the control plane uses too.
 *
 * @example
 * createExpressApp(rt, { routes: [...ALL_ROUTES, ...CONSOLE_ROUTES], front: consoleFront() });
 */
import type { Router } from 'express';
import { ASSET_BASE, consolePages } from './pages.js';
import { findWebRoot } from './web-root.js';

export { CONSOLE_ROUTES } from './route-table.js';

/** Every path the console's pages answer (its Express router is consulted for these only). */
export const CONSOLE_PAGE_PREFIXES: readonly string[] = [ASSET_BASE, '/iam', '/authui'];

export interface ConsoleOptions {
  /** The built console (default: emulator/dist/web, found next to the code). */
  webRoot?: string;
}

/** The console's pages and assets, as the Express app's `front` router. */
export function consoleFront(options: ConsoleOptions = {}): {
  router: Router;
  prefixes: readonly string[];
} {
  return {
    router: consolePages(options.webRoot ?? findWebRoot()),
    prefixes: CONSOLE_PAGE_PREFIXES,
  };
}
