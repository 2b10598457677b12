/**
 * @module signing/authorization
 * The `Authorization` header: `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>`.
 * One space after the algorithm, `", "` between parts, no comma before `Access`
 * (docs/reference/huawei-iam-api.md §8.1). Parsing is strict so that a malformed header gets a precise reason.
 */
import { signatureFailure, type SignatureFailure } from './failures.js';

export const SDK_SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

export type ParsedAuthorization =
  | { ok: true; access: string; signedHeaders: string[]; signature: string }
  | { ok: false; failure: SignatureFailure };

const FORMAT = `${SDK_SIGNING_ALGORITHM} Access=<AK>, SignedHeaders=<h1;h2>, Signature=<64 lower-case hex>`;
const PARTS_RE = /^Access=([^\s,]+), SignedHeaders=([^\s,]+), Signature=([^\s,]+)$/;
// An HTTP token (RFC 9110) in lower case: what a header name in SignedHeaders may be.
const HEADER_NAME_RE = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const SIGNATURE_RE = /^[0-9a-f]{64}$/;

/** Formats the header exactly as the official SDKs do. */
export function formatAuthorization(
  access: string,
  signedHeaders: readonly string[],
  signature: string,
): string {
  return `${SDK_SIGNING_ALGORITHM} Access=${access}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
}

/** Upper-case names, empty names and duplicates are rejected; any order is accepted. */
function checkSignedHeaders(names: string[]): SignatureFailure | null {
  const bad = names.find((n) => !HEADER_NAME_RE.test(n));
  if (bad !== undefined) {
    return signatureFailure(
      'invalid-signed-headers',
      `SignedHeaders contains ${bad === '' ? 'an empty name' : `"${bad}"`}: list lower-case header names separated by ";", e.g. "content-type;host;x-sdk-date".`,
    );
  }
  const seen = new Set<string>();
  const dup = names.find((n) => (seen.has(n) ? true : (seen.add(n), false)));
  if (dup !== undefined) {
    return signatureFailure(
      'invalid-signed-headers',
      `SignedHeaders lists "${dup}" twice: list each signed header once.`,
    );
  }
  return null;
}

/**
 * Parses and validates an `Authorization` header value.
 * @example parseAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=' + 'a'.repeat(64))
 */
export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  const value = header?.trim() ?? '';
  if (value === '') {
    return fail(
      'missing-authorization',
      `The request has no Authorization header. Sign it with AK/SK: "${FORMAT}".`,
    );
  }
  // The algorithm is the first token; what follows must be exactly one space and the parts.
  const algorithm = /^[^\s,]*/.exec(value)?.[0] ?? '';
  if (algorithm !== SDK_SIGNING_ALGORITHM) {
    return fail(
      'unsupported-algorithm',
      `Authorization uses "${algorithm.slice(0, 40)}"; this service accepts only ${SDK_SIGNING_ALGORITHM} (AK/SK signing). Use a Huawei Cloud SDK signer or signRequest().`,
    );
  }
  const rest = value.slice(algorithm.length);
  const m = rest.startsWith(' ') ? PARTS_RE.exec(rest.slice(1)) : null;
  if (!m)
    return fail(
      'malformed-authorization',
      `Authorization is malformed. Expected exactly "${FORMAT}".`,
    );
  const [, access = '', signed = '', signature = ''] = m;
  const signedHeaders = signed.split(';');
  const headerFailure = checkSignedHeaders(signedHeaders);
  if (headerFailure) return { ok: false, failure: headerFailure };
  if (!SIGNATURE_RE.test(signature)) {
    return fail(
      'malformed-signature',
      'Signature must be 64 lower-case hex characters (hex HMAC-SHA256 of the string to sign).',
    );
  }
  return { ok: true, access, signedHeaders, signature };
}

function fail(reason: SignatureFailure['reason'], message: string): ParsedAuthorization {
  return { ok: false, failure: signatureFailure(reason, message) };
}
