import type { ReceivedRequest, SignedRequest } from '../src/index.js';

const UTF8 = new TextEncoder();

/** What a Node server would see for a signed request: lower-case header names, path and raw query split. */
export function asReceived(
  signed: SignedRequest,
  body?: string | Uint8Array,
): ReceivedRequest & { headers: Record<string, string> } {
  const absolute = !signed.url.startsWith('/');
  const pathAndQuery = absolute
    ? new URL(signed.url).pathname + new URL(signed.url).search
    : signed.url;
  const q = pathAndQuery.indexOf('?');
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return {
    method: signed.method,
    path: q < 0 ? pathAndQuery : pathAndQuery.slice(0, q),
    rawQuery: q < 0 ? '' : pathAndQuery.slice(q + 1),
    headers,
    body: typeof body === 'string' ? UTF8.encode(body) : (body ?? new Uint8Array()),
  };
}
