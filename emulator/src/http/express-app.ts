/**
 * @module http/express-app
 * The Express 5 adapter: capture the raw body as sent (signatures hash the exact bytes, so it is
 * never inflated: a compressed body → 415; 12 MB limit → 413 APIGW.0201), turn the request into an ApiRequest, dispatch, send. Everything else lives
 * in dispatch and the routes, which the in-process msw adapter (msw/) reuses unchanged.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { MAX_BODY_BYTES } from '@iam-testbed/shared';
import express, { type NextFunction, type Request, type Response } from 'express';
import { IamError } from '../domain/errors.js';
import type { Runtime } from '../runtime.js';
import type { ApiRequest, ApiResponse, Route } from './api.js';
import { bodyTooLarge, encodingUnsupported } from './body-errors.js';
import { dispatch, dispatchError } from './dispatch.js';
import { Router } from './router.js';
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
  if (response.body === undefined || response.status === 204) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/json;charset=utf-8');
  res.end(JSON.stringify(response.body));
}

export interface ExpressAppOptions {
  /** The Huawei API and control-plane routes. @default ALL_ROUTES */
  routes?: readonly Route[];
  /**
   * A router that answers the paths starting with one of `prefixes`, in this same app (the
   * console): one Express pass per request, and API requests never walk its layers.
   */
  front?: { router: express.Router; prefixes: readonly string[] };
}

/** Whether `path` is `prefix` or below it. */
const under = (path: string, prefix: string): boolean => path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '/');

export function createExpressApp(rt: Runtime, options: ExpressAppOptions = {}): express.Express {
  const router = new Router(options.routes ?? ALL_ROUTES);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const front = options.front;
  if (front) app.use((req, res, next) => (front.prefixes.some((p) => under(req.path, p)) ? front.router(req, res, next) : next()));
  app.use(express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: false }));
  app.use(async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.length) : EMPTY;
    send(res, await dispatch(rt, router, toApiRequest(req, body)));
  });
  // Express recognises an error handler by its four parameters: keep `_next`.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, type, encoding } = err as { status?: number; type?: string; encoding?: string };
    const error =
      type === 'encoding.unsupported'
        ? encodingUnsupported(encoding ?? 'unknown')
        : status === 413
          ? bodyTooLarge()
          : new IamError('KEYSTONE_BODY_INVALID', { hint: `The body could not be read: ${(err as Error).message ?? 'unknown error'}.` });
    send(res, dispatchError(rt, toApiRequest(req, EMPTY), error));
  });
  return app;
}
