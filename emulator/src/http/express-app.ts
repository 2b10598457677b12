/**
 * @module http/express-app
 * The Express 5 adapter: capture the raw body as sent (signatures hash the exact bytes, so it is
 * never inflated: a compressed body → 415; 12 MB limit → 413 APIGW.0201; the console API's own
 * 1 MB limit is the dispatcher's), turn the request into an ApiRequest, dispatch, send. One
 * catch-all serves the Huawei API, the control plane and the console API; the only other layer is
 * an optional `front` router for static pages (the console's). Everything else lives in dispatch
 * and the routes, which the in-process msw adapter (msw/) reuses unchanged.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { MAX_BODY_BYTES } from '@iam-testbed/shared';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Runtime } from '../runtime.js';
import type { ApiRequest, ApiResponse, Route } from './api.js';
import { bodyRefusalOf } from './body-errors.js';
import { dispatch } from './dispatch.js';
import { routerFor } from './router.js';
import { ALL_ROUTES } from './routes/index.js';

const EMPTY = new Uint8Array(0);

function headersOf(raw: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function toApiRequest(req: Request, body: Uint8Array): ApiRequest {
  const target = req.originalUrl;
  const q = target.indexOf('?');
  const rawQuery = q < 0 ? '' : target.slice(q + 1);
  const headers = headersOf(req.headers);
  return {
    method: req.method.toUpperCase(),
    path: q < 0 ? target : target.slice(0, q),
    rawQuery,
    headers,
    body,
    baseUrl: `http://${headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`}`,
  };
}

function send(res: Response, response: ApiResponse): void {
  if (response.drop) {
    // An injected `drop` fault: the client sees the connection reset, with no response at all.
    res.socket?.destroy();
    return;
  }
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  if (response.text !== undefined) {
    res.end(response.text);
    return;
  }
  if (response.body === undefined || response.status === 204) {
    res.end();
    return;
  }
  if (!res.hasHeader('Content-Type'))
    res.setHeader('Content-Type', 'application/json;charset=utf-8');
  res.end(JSON.stringify(response.body));
}

export interface ExpressAppOptions {
  /** The routes the dispatcher serves. @default ALL_ROUTES (the Huawei API and the control plane) */
  routes?: readonly Route[];
  /**
   * A router that answers the paths starting with one of `prefixes`, in this same app (the
   * console's pages and assets): one Express pass per request, and API requests never walk its layers.
   */
  front?: { router: express.Router; prefixes: readonly string[] };
}

/** Whether `path` is `prefix` or below it, case-insensitively (as Express mounts routers). */
const under = (path: string, prefix: string): boolean =>
  path.length >= prefix.length &&
  path.slice(0, prefix.length).toLowerCase() === prefix &&
  (path.length === prefix.length || path[prefix.length] === '/');

export function createExpressApp(rt: Runtime, options: ExpressAppOptions = {}): express.Express {
  const router = routerFor(options.routes ?? ALL_ROUTES);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const front = options.front;
  if (front)
    app.use((req, res, next) =>
      front.prefixes.some((p) => under(req.path, p)) ? front.router(req, res, next) : next(),
    );
  app.use(express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: false }));
  app.use(async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body)
      ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.length)
      : EMPTY;
    send(res, await dispatch(rt, router, toApiRequest(req, body)));
  });
  // Express recognises an error handler by its four parameters: keep `_next`.
  // Without it a body error would reach Express's default handler (an HTML stack trace, no
  // X-Request-Id, no journal); the dispatcher words it in the shape of the path's surface.
  app.use(async (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    send(res, await dispatch(rt, router, toApiRequest(req, EMPTY), bodyRefusalOf(err)));
  });
  return app;
}
