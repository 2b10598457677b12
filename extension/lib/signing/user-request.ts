/**
 * @module signing/user-request
 * Signs a request the user typed, with a held temporary key, through the shared
 * SDK-HMAC-SHA256 signer (the only signer in this project). Hygiene from the anchors
 * (docs/reference/console-and-extension.md §4.7): stale auth headers are replaced, the exact body that is sent
 * is the one hashed, and redirects are refused rather than re-sent with the old signature. The URL
 * must pass `checkEndpoint` (https, or plain http to loopback only), like a mint endpoint.
 */
import {
  SigningError,
  signRequest,
  type SignedRequest,
  type SigningCredential,
} from '@iam-testbed/shared';
import { checkEndpoint } from '../keys/endpoints';
import { ExtensionError } from '../messages/errors';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;
export type Method = (typeof METHODS)[number];

export interface UserRequest {
  method: Method;
  url: string;
  headers: Array<[string, string]>;
  body: string;
}

/** Set by the signer: whatever the user typed for these is replaced. */
const MANAGED = new Set(['authorization', 'x-sdk-date', 'x-security-token', 'host']);

function headerRecord(headers: Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (MANAGED.has(lower)) continue;
    if (seen.has(lower))
      throw new ExtensionError('INVALID_INPUT', `Header "${name}" is given twice: give it once.`);
    seen.add(lower);
    out[name] = value;
  }
  return out;
}

export function checkUserRequest(req: UserRequest): void {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new ExtensionError(
      'INVALID_INPUT',
      'Enter an absolute URL, e.g. https://iam.myhuaweicloud.com/v3/auth/projects.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ExtensionError('INVALID_INPUT', 'Only http and https URLs can be signed.');
  // The signed request carries X-Security-Token: plain http only to loopback (ENDPOINT_NOT_ALLOWED).
  checkEndpoint(url.origin);
  if ((req.method === 'GET' || req.method === 'HEAD') && req.body !== '') {
    throw new ExtensionError(
      'INVALID_INPUT',
      'Browsers cannot send a body with GET or HEAD: clear the body or use POST.',
    );
  }
}

/** @param date signing time (`X-Sdk-Date`); injectable for deterministic tests */
export async function signUserRequest(
  req: UserRequest,
  key: SigningCredential,
  date: Date,
): Promise<SignedRequest> {
  checkUserRequest(req);
  try {
    return await signRequest(
      {
        method: req.method,
        url: req.url,
        headers: headerRecord(req.headers),
        body: req.body === '' ? undefined : req.body,
      },
      key,
      { date },
    );
  } catch (err) {
    if (err instanceof SigningError) throw new ExtensionError('SIGNING_FAILED', err.message);
    throw err;
  }
}

/** Headers to pass to fetch: the browser sets `host` itself (to the value that was signed). */
export function fetchHeaders(signed: SignedRequest): Record<string, string> {
  const { host: _host, ...rest } = signed.headers;
  return rest;
}
