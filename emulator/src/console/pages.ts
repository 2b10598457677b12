/**
 * @module console/pages
 * Serves the console pages: assets under `/console-assets/` (immutable, hashed names), and the
 * single-page app's `index.html` for `/iam/…` and `/authui/…` (the real console's paths), with a
 * strict Content-Security-Policy. Without a build, a page says how to make one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';

export const ASSET_BASE = '/console-assets';

/** No inline script, no eval, same-origin fetches only, no framing. */
const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-cache',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Console not built</title>
<body style="font:15px system-ui;margin:3rem"><h1>The emulated console is not built</h1>
<p>Build it with <code>pnpm --filter @iam-testbed/emulator build</code> (or <code>npm start</code>), then reload.</p>
<p>The IAM APIs and <code>/_emulator</code> work without it.</p></body></html>`;

export function consolePages(webRoot: string | undefined): Router {
  const router = express.Router();
  // Read per request (a small file): a rebuild while the emulator runs is picked up at once.
  const indexHtml = (): string | undefined => {
    if (!webRoot) return undefined;
    try {
      return readFileSync(join(webRoot, 'index.html'), 'utf8');
    } catch {
      return undefined;
    }
  };

  if (webRoot)
    router.use(
      ASSET_BASE,
      express.static(webRoot, { index: false, immutable: true, maxAge: '1y' }),
    );
  router.use(ASSET_BASE, (_req, res) => {
    res
      .status(404)
      .type('text')
      .send(
        'No such console asset. Rebuild the console: pnpm --filter @iam-testbed/emulator build',
      );
  });

  const page = (_req: Request, res: Response) => {
    const body = indexHtml();
    res.set(PAGE_HEADERS);
    if (body === undefined) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.status(200).type('html').send(body);
  };
  // `/iam` → `/iam/` so relative hash routes resolve as on the real console.
  // A regular expression: Express's string paths ignore the trailing slash, which would loop.
  router.get(/^\/iam$/, (req, res) => {
    const q = req.originalUrl.indexOf('?');
    res.redirect(302, `/iam/${q < 0 ? '' : req.originalUrl.slice(q)}`);
  });
  router.get(/^\/iam\/.*/, page);
  router.get(/^\/authui(\/.*)?$/, page);
  return router;
}
