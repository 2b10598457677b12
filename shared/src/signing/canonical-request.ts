/**
 * @module signing/canonical-request
 * Assembles the canonical request and the string to sign (docs/reference/huawei-iam-api.md §8.2):
 * ```
 * Method \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n PayloadHash
 * SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
 * ```
 */
import { SDK_SIGNING_ALGORITHM } from './authorization.js';
import { WEB_SIGNING_CRYPTO, type SigningCrypto } from './signing-crypto.js';

export interface CanonicalRequestParts {
  method: string;
  /** already canonical (see canonicalUri) */
  canonicalUri: string;
  /** already canonical (see canonicalQuery) */
  canonicalQuery: string;
  /** already rendered, every line ending in `\n` (see canonicalHeaders) */
  canonicalHeaders: string;
  signedHeaders: readonly string[];
  payloadHash: string;
}

export function buildCanonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method.toUpperCase(),
    parts.canonicalUri,
    parts.canonicalQuery,
    // CanonicalHeaders ends in '\n', so joining adds the blank line APIG shows as '||'.
    parts.canonicalHeaders,
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
}

/** @param crypto @default WebCrypto (see signing-crypto.ts) */
export async function buildStringToSign(
  sdkDate: string,
  canonicalRequest: string,
  crypto: SigningCrypto = WEB_SIGNING_CRYPTO,
): Promise<string> {
  return `${SDK_SIGNING_ALGORITHM}\n${sdkDate}\n${await crypto.sha256Hex(canonicalRequest)}`;
}

export interface CanonicalRequestMessageOptions {
  /**
   * Replace the values of the bearer secrets a canonical request can carry — `x-security-token`,
   * `x-auth-token`, `x-subject-token` (`REDACTED_HEADERS`) — with `***` (⚠ deviation: APIG prints
   * the whole canonical request; we hide them because error bodies end up in logs).
   * @default true
   */
  redactTokens?: boolean;
  /** @deprecated the former name of `redactTokens` (it now covers all three headers). */
  redactSecurityToken?: boolean;
}

/** Signed headers whose values are credentials: never shown in a message. */
export const REDACTED_HEADERS = ['x-security-token', 'x-auth-token', 'x-subject-token'] as const;

const REDACTED_LINE = new RegExp(`^(${REDACTED_HEADERS.join('|')}):.*$`, 'gm');

/**
 * Renders a canonical request as APIG puts it in `error_msg` (`\n` → `|`), e.g.
 * `Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET|/v3/projects/||…`.
 */
export function huaweiCanonicalRequestForMessage(
  creq: string,
  options: CanonicalRequestMessageOptions = {},
): string {
  const redact = options.redactTokens ?? options.redactSecurityToken ?? true;
  const text = redact ? creq.replace(REDACTED_LINE, '$1:***') : creq;
  return text.replace(/\n/g, '|');
}
