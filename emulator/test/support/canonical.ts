/**
 * @module The canonical request the emulator should print in APIGW.0301 messages, predicted with
 * the independent oracle of `@iam-testbed/shared/testing` (node:crypto, docs/reference/sdk-wire.md §7.5), which
 * deliberately does not reuse the signer under test, so a bug there cannot hide in the oracle.
 */
import { oracleCanonicalRequest } from '@iam-testbed/shared/testing';

export interface ReceivedRequest {
  method: string;
  /** request-target as sent: path plus optional `?query` (plain IDs only, see docs/reference/sdk-wire.md §7.3(4)) */
  target: string;
  /** lower-case names, values as sent */
  headers: Record<string, string>;
  signedHeaders: readonly string[];
  body: string | Buffer;
}

function canonicalRequestOf(req: ReceivedRequest): string {
  const q = req.target.indexOf('?');
  return oracleCanonicalRequest({
    method: req.method,
    path: q < 0 ? req.target : req.target.slice(0, q),
    rawQuery: q < 0 ? '' : req.target.slice(q + 1),
    headers: req.headers,
    signedHeaders: [...req.signedHeaders],
    body: typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body,
  });
}

/**
 * APIG's rendering in `error_msg`: newlines become `|`. Signed bearer secrets (security, auth and
 * subject tokens) are shown as `***` (the emulator's documented deviation: APIG prints them, we
 * keep them out of logs).
 */
export function canonicalRequestForMessage(req: ReceivedRequest): string {
  return canonicalRequestOf(req)
    .replace(/^(x-security-token|x-auth-token|x-subject-token):.*$/gm, '$1:***')
    .replace(/\n/g, '|');
}
