/**
 * @module signing/canonical-query
 * CanonicalQueryString (docs/reference/huawei-iam-api.md §8.2, docs/reference/sdk-wire.md §7.2): decode the raw query, sort by
 * name then value, RFC 3986-encode both, join `name=value` with `&`. The wire query must never be
 * used as-is: the Node SDK sends it unsorted and leaves `! * ' ( )` raw.
 */
import { percentDecode, percentDecodeBytes, rfc3986EncodeBytes } from './rfc3986.js';

interface QueryPair {
  /** decoded, for sorting in UTF-16 code-unit order like the SDK's `Array.prototype.sort` */
  name: string;
  value: string;
  /** canonical (RFC 3986) forms, computed from bytes so invalid UTF-8 survives */
  encoded: string;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toPair(part: string): QueryPair {
  const eq = part.indexOf('=');
  const rawName = eq < 0 ? part : part.slice(0, eq);
  const rawValue = eq < 0 ? '' : part.slice(eq + 1);
  return {
    name: percentDecode(rawName),
    value: percentDecode(rawValue),
    // A bare key (`?flag`) and an empty value (`?flag=`) both canonicalise to `flag=`.
    encoded:
      rfc3986EncodeBytes(percentDecodeBytes(rawName)) +
      '=' +
      rfc3986EncodeBytes(percentDecodeBytes(rawValue)),
  };
}

/**
 * @param rawQuery the query as received, without the leading `?` (a leading `?` is tolerated).
 *   `+` is a literal plus, not a space. Empty `&&` parts are ignored.
 * @returns '' when there is no query.
 * @example canonicalQuery("name=a%20b%2Bc!*'()~%C3%A9&enabled=true")
 *   // "enabled=true&name=a%20b%2Bc%21%2A%27%28%29~%C3%A9"
 */
export function canonicalQuery(rawQuery: string): string {
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  if (query === '') return '';
  return query
    .split('&')
    .filter((part) => part !== '')
    .map(toPair)
    .sort(
      (a, b) =>
        compare(a.name, b.name) || compare(a.value, b.value) || compare(a.encoded, b.encoded),
    )
    .map((pair) => pair.encoded)
    .join('&');
}
