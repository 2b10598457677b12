/**
 * @module console
 * The emulated Huawei Cloud console: pages (`/authui/login`, `/iam/#/mine/…`, built from
 * emulator/web) and their same-origin API (`/console-api/*`). Everything it does to keys, users
 * and policies goes through the domain functions the Huawei API uses. Its memory (sessions, codes,
 * downloads) is `rt.console` (console-state.ts), which the control plane uses too.
 *
 * @example
 * // in the Express app, before the catch-all Huawei dispatcher:
 * app.use(consoleRouter(rt));
 */
import express, { type Router } from 'express';
import type { Runtime } from '../runtime.js';
import { consoleApi } from './api-router.js';
import { ASSET_BASE, consolePages } from './pages.js';
import { CONSOLE_API_BASE } from './contract.js';
import { findWebRoot } from './web-root.js';

export { CONSOLE_API_BASE } from './contract.js';

/** Every path the console answers (its router is consulted for these only). */
export const CONSOLE_PREFIXES: readonly string[] = [CONSOLE_API_BASE, ASSET_BASE, '/iam', '/authui'];

export interface ConsoleOptions {
  /** The built console (default: emulator/dist/web, found next to the code). */
  webRoot?: string;
}

/** Pages and console API in one router. Mount it before the Huawei catch-all. */
export function consoleRouter(rt: Runtime, options: ConsoleOptions = {}): Router {
  const router = express.Router();
  router.use(consoleApi(rt));
  router.use(consolePages(options.webRoot ?? findWebRoot()));
  return router;
}

/**
 * Wraps an emulator Express app so the console answers first and everything else reaches `app`
 * unchanged (for hosts that build the app elsewhere, and for tests).
 */
export function withConsole(app: express.Express, rt: Runtime, options: ConsoleOptions = {}): express.Express {
  const outer = express();
  outer.disable('x-powered-by');
  outer.set('etag', false);
  outer.use(consoleRouter(rt, options));
  outer.use(app);
  return outer;
}
