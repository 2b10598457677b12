/**
 * @module signing/canonical-headers
 * CanonicalHeaders and the SignedHeaders list. One `name:value\n` line per signed header, value
 * trimmed (the Go and Python SDKs trim; Node's HTTP parser trims on receipt anyway).
 */

/** A header value as Node gives it: a string, an array for repeated headers, or absent. */
export type HeaderValue = string | readonly string[] | undefined;

/**
 * Lower-cases header names. Repeated headers (array values) are joined with `,`, the HTTP list
 * form. ⚠ Huawei documents nothing for repeated signed headers; the SDKs never send one.
 */
export function lowerCaseHeaders(
  headers: Readonly<Record<string, HeaderValue>>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const joined = typeof value === 'string' ? value : value.join(',');
    const key = name.toLowerCase();
    const prior = out.get(key);
    out.set(key, prior === undefined ? joined : prior + ',' + joined);
  }
  return out;
}

/**
 * The signer's SignedHeaders: lower-cased, de-duplicated, sorted in code-unit order.
 * @example normaliseSignedHeaders(['X-Sdk-Date', 'Host']) // ['host', 'x-sdk-date']
 */
export function normaliseSignedHeaders(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim().toLowerCase()))].sort();
}

/**
 * Renders CanonicalHeaders in the order given. The verifier passes the received SignedHeaders list
 * unchanged, so a client that signed in another order still verifies.
 * @param lookup returns the header's value for a lower-case name.
 */
export function canonicalHeaders(
  signedHeaders: readonly string[],
  lookup: (name: string) => string | undefined,
): string {
  return signedHeaders.map((name) => `${name}:${(lookup(name) ?? '').trim()}\n`).join('');
}
