/**
 * @module signing/sign
 * Client side of SDK-HMAC-SHA256: adds `X-Sdk-Date`, `host`, `X-Security-Token` (temporary keys)
 * and `Authorization`, signing every header by default, like the official Node SDK.
 */
import {
  HEADER_AUTHORIZATION,
  HEADER_SDK_DATE,
  HEADER_SECURITY_TOKEN,
  HEADERS_LC,
} from '../wire/headers.js';
import { formatAuthorization } from './authorization.js';
import { canonicalHeaders, lowerCaseHeaders, normaliseSignedHeaders } from './canonical-headers.js';
import { canonicalQuery } from './canonical-query.js';
import { buildCanonicalRequest, buildStringToSign } from './canonical-request.js';
import { canonicalUri, type CanonicalUriRule } from './canonical-uri.js';
import { payloadHash } from './payload-hash.js';
import { WEB_SIGNING_CRYPTO, type SigningCrypto } from './signing-crypto.js';
import { splitRequestUrl } from './request-url.js';
import { formatSdkDate } from './sdk-date.js';
import { SigningError } from './signing-error.js';

export interface SignableRequest {
  method: string;
  /** absolute URL (`https://iam.myhuaweicloud.com/v3/projects?name=x`) or path+query (`/v3/projects?name=x`) */
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** exact bytes to send; a string is sent and hashed as UTF-8 */
  body?: string | Uint8Array;
}

export interface SigningCredential {
  ak: string;
  sk: string;
  /** for temporary keys: sent and signed as `X-Security-Token` */
  securityToken?: string;
}

export interface SignOptions {
  /** signing time. Default: an `X-Sdk-Date` header already given, else now. */
  date?: Date;
  /** names to sign. Default: every header given + host + x-sdk-date (+ x-security-token). */
  signedHeaders?: readonly string[];
  /** @default 'rfc3986' */
  uriRule?: CanonicalUriRule;
  /** SHA-256 and HMAC. @default WebCrypto (signing-crypto.ts) */
  crypto?: SigningCrypto;
}

export interface SignedRequest {
  /** upper case */
  method: string;
  /** what to send (see splitRequestUrl for normalisation) */
  url: string;
  /** everything to send, including Authorization, X-Sdk-Date, host and X-Security-Token */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

// Set by the signer; a caller's own copies (any case) are replaced.
const MANAGED = new Set<string>([
  HEADERS_LC.authorization,
  HEADERS_LC.sdkDate,
  HEADERS_LC.host,
  HEADERS_LC.securityToken,
]);

function indexHeaders(headers: Readonly<Record<string, string>>): Map<string, [string, string]> {
  const byLower = new Map<string, [string, string]>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (byLower.has(lower)) {
      throw new SigningError(
        'duplicate-header',
        `Header "${name}" is given twice (names are case-insensitive): give it once.`,
      );
    }
    byLower.set(lower, [name, value]);
  }
  return byLower;
}

function assembleHeaders(
  req: SignableRequest,
  cred: SigningCredential,
  opts: SignOptions,
  urlHost: string | undefined,
) {
  const given = indexHeaders(req.headers ?? {});
  const out: Record<string, string> = {};
  for (const [lower, [name, value]] of given) if (!MANAGED.has(lower)) out[name] = value;
  const token = cred.securityToken ?? given.get(HEADERS_LC.securityToken)?.[1];
  if (token !== undefined) out[HEADER_SECURITY_TOKEN] = token;
  const sdkDate = opts.date
    ? formatSdkDate(opts.date)
    : (given.get(HEADERS_LC.sdkDate)?.[1] ?? formatSdkDate(new Date()));
  out[HEADER_SDK_DATE] = sdkDate;
  // An explicit host header wins over the URL's, as in the Node SDK's AKSKSigner.sign.
  const host = given.get(HEADERS_LC.host)?.[1] ?? urlHost;
  if (host !== undefined) out[HEADERS_LC.host] = host;
  return { out, sdkDate };
}

function checkCredential(cred: SigningCredential): void {
  if (!/^[^\s,]+$/.test(cred.ak)) {
    throw new SigningError(
      'invalid-credential',
      'The access key (ak) must be non-empty and contain no spaces or commas.',
    );
  }
  if (cred.sk === '') throw new SigningError('invalid-credential', 'The secret key (sk) is empty.');
}

/**
 * Signs a request with SDK-HMAC-SHA256.
 * @throws SigningError for an unusable URL, credential or header set.
 * @example
 * const signed = await signRequest(
 *   { method: 'GET', url: 'http://127.0.0.1:4566/v3/projects', headers: { 'X-Domain-Id': domainId } },
 *   { ak, sk },
 * );
 * await fetch(signed.url, { method: signed.method, headers: signed.headers });
 */
export async function signRequest(
  req: SignableRequest,
  cred: SigningCredential,
  opts: SignOptions = {},
): Promise<SignedRequest> {
  checkCredential(cred);
  let parts;
  try {
    parts = splitRequestUrl(req.url);
  } catch (err) {
    throw new SigningError('invalid-url', (err as Error).message);
  }
  const { out, sdkDate } = assembleHeaders(req, cred, opts, parts.host);
  const lookup = lowerCaseHeaders(out);
  const signedHeaders = normaliseSignedHeaders(
    opts.signedHeaders ?? [...lookup.keys()].filter((n) => n !== HEADERS_LC.authorization),
  );
  const missing = signedHeaders.filter((n) => !lookup.has(n));
  if (missing.length > 0) {
    throw new SigningError(
      'signed-header-missing',
      `Cannot sign absent header(s) ${missing.join(', ')}: add them or drop them from signedHeaders.`,
    );
  }
  const method = req.method.toUpperCase();
  const crypto = opts.crypto ?? WEB_SIGNING_CRYPTO;
  const canonicalRequest = buildCanonicalRequest({
    method,
    canonicalUri: canonicalUri(parts.path, { rule: opts.uriRule }),
    canonicalQuery: canonicalQuery(parts.rawQuery),
    canonicalHeaders: canonicalHeaders(signedHeaders, (n) => lookup.get(n)),
    signedHeaders,
    payloadHash: await payloadHash(req.body, lookup.get(HEADERS_LC.contentSha256), crypto),
  });
  const stringToSign = await buildStringToSign(sdkDate, canonicalRequest, crypto);
  const signature = await crypto.hmacSha256Hex(cred.sk, stringToSign);
  const authorization = formatAuthorization(cred.ak, signedHeaders, signature);
  out[HEADER_AUTHORIZATION] = authorization;
  return {
    method,
    url: parts.url,
    headers: out,
    canonicalRequest,
    stringToSign,
    signature,
    authorization,
  };
}
