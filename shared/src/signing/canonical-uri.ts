/**
 * @module signing/canonical-uri
 * CanonicalURI: split the path on `/`, percent-decode then RFC 3986-encode every segment, join
 * with `/`, and always end with `/` (docs/reference/huawei-iam-api.md §8.2, docs/reference/sdk-wire.md §7.2). The SDK strips the
 * trailing slash from the path it sends but signs one, so `/v3/projects` signs as `/v3/projects/`.
 */
import { canonicalComponent, percentDecode, rfc3986Encode } from './rfc3986.js';

/**
 * `'rfc3986'` (default) is exact for every segment made of `[A-Za-z0-9-._~]` and for anything a
 * WHATWG-URL client signs from its own wire path. `'node-sdk'` reproduces the official Node SDK
 * for exotic path parameters (docs/reference/sdk-wire.md §7.3(4)).
 */
export type CanonicalUriRule = 'rfc3986' | 'node-sdk';

export interface CanonicalUriOptions {
  /** @default 'rfc3986' */
  rule?: CanonicalUriRule;
}

/**
 * @param path the request path without query, exactly as received (still percent-encoded).
 * @example canonicalUri('/v3.0/OS-CREDENTIAL/credentials') // '/v3.0/OS-CREDENTIAL/credentials/'
 */
export function canonicalUri(path: string, options: CanonicalUriOptions = {}): string {
  const segments = path.split('/');
  const encoded =
    options.rule === 'node-sdk' ? nodeSdkSegments(segments) : segments.map(canonicalComponent);
  const uri = encoded.join('/');
  return uri.endsWith('/') ? uri : uri + '/';
}

// What Node's legacy url.parse() escapes but the WHATWG URL (what axios sends) does not, or vice
// versa. The SDK signs the url.parse form, so these characters end up double-encoded (`|` → `%257C`).
const URL_PARSE_ESCAPES: Record<string, string> = {
  '\t': '%09',
  '\n': '%0A',
  '\r': '%0D',
  ' ': '%20',
  '"': '%22',
  "'": '%27',
  '<': '%3C',
  '>': '%3E',
  '\\': '%5C',
  '^': '%5E',
  '`': '%60',
  '{': '%7B',
  '|': '%7C',
  '}': '%7D',
};
// url.parse() trims trailing whitespace (incl. U+00A0 and U+FEFF) off the whole URL, which is
// the end of the last path segment when there is no query.
const TRAILING_WS = /[\u0000-\u0020\u00a0\ufeff]+$/;

/**
 * docs/reference/sdk-wire.md §7.3(4): percent-decode each wire segment, re-escape what url.parse escapes, then
 * RFC 3986-encode. Exact for values without `% # ? / \ $`; `.`/`..` segments and tabs/newlines
 * cannot be recovered from the wire at all.
 */
function nodeSdkSegments(segments: string[]): string[] {
  const last = segments.length - 1;
  return segments.map((segment, i) => {
    let decoded = percentDecode(segment);
    if (i === last) decoded = decoded.replace(TRAILING_WS, '');
    return rfc3986Encode(
      decoded.replace(/[\t\n\r "'<>\\^`{|}]/g, (c) => URL_PARSE_ESCAPES[c] ?? c),
    );
  });
}
