/**
 * An independent SDK-HMAC-SHA256 implementation for tests, written the way docs/reference/sdk-wire.md §7.5 does it:
 * node:crypto (not WebCrypto), encodeURIComponent/decodeURIComponent (not our byte codec).
 * Only valid for inputs whose percent-escapes decode as UTF-8.
 */
import { createHash, createHmac } from 'node:crypto';

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
const sha = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface OracleInput {
  method: string;
  path: string;
  rawQuery: string;
  headers: Record<string, string>; // lower-case names
  signedHeaders: string[];
  body: Uint8Array;
}

export function oracleCanonicalRequest(req: OracleInput): string {
  let uri = req.path
    .split('/')
    .map((seg) => rfc3986(decodeURIComponent(seg)))
    .join('/');
  if (!uri.endsWith('/')) uri += '/';
  const q = req.rawQuery
    .split('&')
    .filter(Boolean)
    .map((kv) => {
      const i = kv.indexOf('=');
      return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
    })
    .map(([k, v]) => [decodeURIComponent(k!), decodeURIComponent(v!)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&');
  const hdrs = req.signedHeaders.map((h) => `${h}:${(req.headers[h] ?? '').trim()}\n`).join('');
  const payload = req.headers['x-sdk-content-sha256'] || sha(req.body);
  return [req.method.toUpperCase(), uri, q, hdrs, req.signedHeaders.join(';'), payload].join('\n');
}

export function oracleSignature(req: OracleInput, sk: string): string {
  const sts = ['SDK-HMAC-SHA256', req.headers['x-sdk-date'], sha(oracleCanonicalRequest(req))].join(
    '\n',
  );
  return createHmac('sha256', sk).update(sts).digest('hex');
}
