/**
 * @module keys/mint
 * Mints a temporary key: `POST {endpoint}/v3.0/OS-CREDENTIAL/securitytokens` with
 * `methods: ["token"]` (docs/reference/huawei-iam-api.md §2.1), authenticated either by an SDK-HMAC-SHA256
 * signature made with the user's permanent AK/SK ("recommended") or by an `X-Auth-Token` header.
 * The permanent SK exists only in this call's arguments: it is never stored or logged.
 */
import {
  HEADER_AUTH_TOKEN,
  HEADER_DOMAIN_ID,
  TEMP_KEY_MAX_SECONDS,
  TEMP_KEY_MIN_SECONDS,
  signRequest,
  type SecurityTokenByTokenRequest,
} from '@iam-testbed/shared';
import { ExtensionError } from '../messages/errors';
import { parseCapturedKey } from '../messages/parse-key';
import { obj } from '../messages/shape';
import { fetchHeaders } from '../signing/user-request';
import { checkEndpoint } from './endpoints';
import type { HeldKey } from './held-key';
import { describeIamFailure } from './iam-error';

export const SECURITY_TOKENS_PATH = '/v3.0/OS-CREDENTIAL/securitytokens';

export type MintAuth =
  { kind: 'aksk'; ak: string; sk: string; domainId?: string } | { kind: 'token'; token: string };

export interface MintRequest {
  endpoint: string;
  durationSeconds: number;
  auth: MintAuth;
}

export interface MintDeps {
  fetch: typeof fetch;
  now: () => number;
}

export function mintBody(durationSeconds: number): string {
  const body: SecurityTokenByTokenRequest = {
    auth: { identity: { methods: ['token'], token: { duration_seconds: durationSeconds } } },
  };
  return JSON.stringify(body);
}

async function buildHeaders(
  url: string,
  body: string,
  auth: MintAuth,
  now: number,
): Promise<Record<string, string>> {
  const base: Record<string, string> = { 'Content-Type': 'application/json' };
  if (auth.kind === 'token') return { ...base, [HEADER_AUTH_TOKEN]: auth.token };
  if (auth.domainId) base[HEADER_DOMAIN_ID] = auth.domainId;
  const signed = await signRequest(
    { method: 'POST', url, headers: base, body },
    { ak: auth.ak, sk: auth.sk },
    { date: new Date(now) },
  );
  return fetchHeaders(signed);
}

/**
 * Our clock may differ from the server's (or the emulator's manual clock): keep the key's
 * *remaining lifetime* as the server sees it, measured from the server's `Date` header.
 */
function localExpiry(expiresAt: number, serverDate: string | null, now: number): number {
  const server = serverDate ? Date.parse(serverDate) : Number.NaN;
  return Number.isNaN(server) ? expiresAt : now + (expiresAt - server);
}

function parseExpiresAt(value: unknown): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new ExtensionError(
      'BAD_RESPONSE',
      'IAM answered without a readable credential.expires_at.',
    );
  return ms;
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  deps: MintDeps,
): Promise<Response> {
  try {
    return await deps.fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ExtensionError(
      'NETWORK',
      `Could not reach ${new URL(url).origin}. Check the endpoint, that the emulator is running, and that the extension may access this host (it asks the first time).`,
    );
  }
}

export async function mintTemporaryKey(req: MintRequest, deps: MintDeps): Promise<HeldKey> {
  const endpoint = checkEndpoint(req.endpoint);
  const seconds = req.durationSeconds;
  if (
    !Number.isInteger(seconds) ||
    seconds < TEMP_KEY_MIN_SECONDS ||
    seconds > TEMP_KEY_MAX_SECONDS
  ) {
    throw new ExtensionError(
      'INVALID_INPUT',
      'The duration must be between 15 minutes and 24 hours.',
    );
  }
  const url = endpoint + SECURITY_TOKENS_PATH;
  const body = mintBody(seconds);
  const now = deps.now();
  const response = await post(url, await buildHeaders(url, body, req.auth, now), body, deps);
  const text = await response.text();
  if (!response.ok)
    throw new ExtensionError('IAM_REJECTED', `${describeIamFailure(response.status, text)}.`);
  let credential: Record<string, unknown>;
  try {
    credential = obj(obj(JSON.parse(text), 'body').credential, 'credential');
  } catch {
    throw new ExtensionError('BAD_RESPONSE', 'IAM answered without a credential object.');
  }
  let key;
  try {
    key = parseCapturedKey({
      access: credential.access,
      secret: credential.secret,
      securityToken: credential.securitytoken,
    });
  } catch (err) {
    throw new ExtensionError(
      'BAD_RESPONSE',
      `IAM answered a credential of an unexpected shape (${(err as Error).message}).`,
    );
  }
  const expiresAt = localExpiry(
    parseExpiresAt(credential.expires_at),
    response.headers.get('date'),
    now,
  );
  return { ...key, expiresAt, obtainedAt: now, expiryKnown: true, source: 'minted', endpoint };
}
