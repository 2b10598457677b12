/**
 * @module msw/fetch-adapter
 * Fetch `Request` ⇄ the framework-neutral ApiRequest/ApiResponse (http/api.ts), so msw handlers
 * run the same dispatcher as the HTTP server: routing, faults, the control-plane guard,
 * authentication, the console session, errors and the journal.
 */
import { MAX_BODY_BYTES } from '@iam-testbed/shared';
import { HttpResponse } from 'msw';
import type { ApiRequest, ApiResponse } from '../http/api.js';
import { compressedEncoding, type BodyRefusal } from '../http/body-errors.js';

export async function fromFetchRequest(
  request: Request,
): Promise<{ api: ApiRequest; refusal: BodyRefusal | null }> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  // Node's http client sends Host; fetch() never exposes it. Signatures cover it either way.
  headers.host ??= url.host;
  const body = new Uint8Array(await request.arrayBuffer());
  const rawQuery = url.search.slice(1);
  const api: ApiRequest = {
    method: request.method.toUpperCase(),
    path: url.pathname,
    rawQuery,
    headers,
    body: body.length > MAX_BODY_BYTES ? new Uint8Array(0) : body,
    baseUrl: url.origin,
  };
  // Same order as the Express adapter (http/express-app.ts): a compressed body is refused before its size is looked at.
  const encoding = compressedEncoding(headers);
  const refusal: BodyRefusal | null =
    encoding !== null
      ? { kind: 'compressed', encoding }
      : body.length > MAX_BODY_BYTES
        ? { kind: 'too-large' }
        : null;
  return { api, refusal };
}

export function toFetchResponse(response: ApiResponse): Response {
  // An injected `drop` fault: the client sees a network error, as when a socket is reset.
  if (response.drop) return HttpResponse.error();
  const headers = new Headers(response.headers);
  if (response.text !== undefined)
    return new HttpResponse(response.text, { status: response.status, headers });
  if (response.body === undefined || response.status === 204)
    return new HttpResponse(null, { status: response.status, headers });
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json;charset=utf-8');
  return new HttpResponse(JSON.stringify(response.body), { status: response.status, headers });
}
