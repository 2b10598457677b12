/**
 * @module signing/verify
 * Server side of SDK-HMAC-SHA256. Rebuilds the canonical request from what was received, following
 * the received SignedHeaders list, and compares signatures in constant time.
 */
import { HEADERS_LC } from '../wire/headers.js';
import { parseAuthorization, type ParsedAuthorization } from './authorization.js';
import { canonicalHeaders, lowerCaseHeaders, type HeaderValue } from './canonical-headers.js';
import { canonicalQuery } from './canonical-query.js';
import { buildCanonicalRequest, buildStringToSign } from './canonical-request.js';
import { canonicalUri, type CanonicalUriRule } from './canonical-uri.js';
import { MAX_SDK_DATE_SKEW_SECONDS } from '../wire/limits.js';
import { checkSkew, parseSdkDateHeader } from './check-sdk-date.js';
import { constantTimeEqual } from './constant-time.js';
import { signatureFailure, type SignatureFailure } from './failures.js';
import { payloadHash } from './payload-hash.js';
import { WEB_SIGNING_CRYPTO, type SigningCrypto } from './signing-crypto.js';

export interface ReceivedRequest {
  method: string;
  /** path as received, still percent-encoded, without the query */
  path: string;
  /** query as received, without `?` ('' when none) */
  rawQuery: string;
  /** names in lower case, as Node gives them (other casings are tolerated) */
  headers: Readonly<Record<string, HeaderValue>>;
  /** exact body bytes */
  body: Uint8Array;
}

export interface VerifyOptions {
  /** @default new Date() */
  now?: Date;
  /** @default MAX_SDK_DATE_SKEW_SECONDS (900, APIG's 15 minutes) */
  maxSkewSeconds?: number;
  /** @default 'rfc3986'; 'node-sdk' matches the Node SDK on exotic path characters */
  uriRule?: CanonicalUriRule;
  /**
   * The request's `Authorization`, already parsed by the caller (who needed its AK to find the
   * secret), so it is not parsed twice. It must be the parse of this request's header.
   * @default parseAuthorization(req.headers.authorization)
   */
  authorization?: Extract<ParsedAuthorization, { ok: true }>;
  /** SHA-256 and HMAC. @default WebCrypto; a server may inject `node:crypto` (signing-crypto.ts) */
  crypto?: SigningCrypto;
}

/**
 * `canonicalRequest` contains the signed header values, which may include `x-security-token`,
 * `x-auth-token` or `x-subject-token`: show it through huaweiCanonicalRequestForMessage, which
 * redacts them.
 */
export type VerifyResult =
  | {
      ok: true;
      access: string;
      signedHeaders: string[];
      sdkDate: Date;
      canonicalRequest: string;
      stringToSign: string;
    }
  | {
      ok: false;
      failure: SignatureFailure;
      access?: string;
      canonicalRequest?: string;
      stringToSign?: string;
    };

/**
 * Verifies an SDK-HMAC-SHA256 request against the secret key of its access key. Look the key up
 * with parseAuthorization(...).access first (and checkSdkDate if you want to reject stale requests
 * before the lookup), and pass that parse as `opts.authorization`; without it the header is parsed
 * here.
 */
export async function verifySignature(
  req: ReceivedRequest,
  secret: string,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const headers = lowerCaseHeaders(req.headers);
  const auth = opts.authorization ?? parseAuthorization(headers.get(HEADERS_LC.authorization));
  if (!auth.ok) return { ok: false, failure: auth.failure };
  const { access, signedHeaders } = auth;
  const fail = (failure: SignatureFailure) => ({ ok: false as const, failure, access });

  const dateValue = headers.get(HEADERS_LC.sdkDate)?.trim();
  const date = parseSdkDateHeader(dateValue);
  if (!date.ok) return fail(date.failure);
  if (!signedHeaders.includes(HEADERS_LC.sdkDate)) {
    return fail(
      signatureFailure(
        'sdk-date-not-signed',
        'x-sdk-date is not in SignedHeaders: the date must be signed. Add it to SignedHeaders and sign again.',
      ),
    );
  }
  const skew = checkSkew(
    date.date,
    opts.now ?? new Date(),
    opts.maxSkewSeconds ?? MAX_SDK_DATE_SKEW_SECONDS,
  );
  if (!skew.ok) return fail(skew.failure);
  const missing = signedHeaders.filter((n) => !headers.has(n));
  if (missing.length > 0) {
    return fail(
      signatureFailure(
        'signed-header-missing',
        `SignedHeaders lists ${missing.join(', ')}, but the request does not carry ${missing.length > 1 ? 'them' : 'it'}. Send every signed header, or sign fewer.`,
      ),
    );
  }

  const crypto = opts.crypto ?? WEB_SIGNING_CRYPTO;
  const canonicalRequest = buildCanonicalRequest({
    method: req.method,
    canonicalUri: canonicalUri(req.path, { rule: opts.uriRule }),
    canonicalQuery: canonicalQuery(req.rawQuery),
    canonicalHeaders: canonicalHeaders(signedHeaders, (n) => headers.get(n)),
    signedHeaders,
    payloadHash: await payloadHash(req.body, headers.get(HEADERS_LC.contentSha256), crypto),
  });
  const stringToSign = await buildStringToSign(dateValue ?? '', canonicalRequest, crypto);
  const expected = await crypto.hmacSha256Hex(secret, stringToSign);
  if (!constantTimeEqual(expected, auth.signature)) {
    return {
      ...fail(
        signatureFailure(
          'signature-mismatch',
          `The signature does not match the request. Check that you signed with the secret key of ${access}, that nothing (path, query, body, signed headers) changed after signing, and compare your canonical request with the server's.`,
        ),
      ),
      canonicalRequest,
      stringToSign,
    };
  }
  return { ok: true, access, signedHeaders, sdkDate: date.date, canonicalRequest, stringToSign };
}
