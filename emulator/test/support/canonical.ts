/**
 * @module An independent SDK-HMAC-SHA256 canonical-request builder (the reference verifier of
 * sdk-wire §7.5), used only to predict the `canonicalRequest:` part of APIGW.0301 messages.
 * It deliberately does not reuse `@iam-testbed/shared`, so a bug there cannot hide in the oracle.
 */
import { createHash } from 'node:crypto';

const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex');

export interface ReceivedRequest {
  method: string;
  /** request-target as sent: path plus optional `?query` (plain IDs only, see sdk-wire §7.3(4)) */
  target: string;
  /** lower-case names, values as sent */
  headers: Record<string, string>;
  signedHeaders: readonly string[];
  body: string | Buffer;
}

export function canonicalRequestOf(req: ReceivedRequest): string {
  const q = req.target.indexOf('?');
  const path = q < 0 ? req.target : req.target.slice(0, q);
  const query = q < 0 ? '' : req.target.slice(q + 1);
  let uri = path.split('/').map((s) => rfc3986(decodeURIComponent(s))).join('/');
  if (!uri.endsWith('/')) uri += '/';
  const canonicalQuery = query
    .split('&')
    .filter(Boolean)
    .map((kv) => {
      const i = kv.indexOf('=');
      return (i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)]).map((x) => decodeURIComponent(x)) as [string, string];
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&');
  const headers = req.signedHeaders.map((h) => `${h}:${(req.headers[h] ?? '').trim()}\n`).join('');
  const payload = req.headers['x-sdk-content-sha256'] || sha256(req.body);
  return [req.method.toUpperCase(), uri, canonicalQuery, headers, req.signedHeaders.join(';'), payload].join('\n');
}

/**
 * APIG's rendering in `error_msg`: newlines become `|`. The security token is shown as `***`
 * (the emulator's documented deviation: APIG prints it, we keep it out of logs).
 */
export function canonicalRequestForMessage(req: ReceivedRequest): string {
  return canonicalRequestOf(req)
    .replace(/^x-security-token:.*$/m, 'x-security-token:***')
    .replace(/\n/g, '|');
}
