/**
 * @module signing/request-url
 * Splits what the caller wants to send into the parts that get signed.
 */

export interface RequestUrlParts {
  /** what to send: an absolute URL stays absolute (fragment dropped) */
  url: string;
  /** path as it goes on the wire, still percent-encoded */
  path: string;
  /** query without `?`, as it goes on the wire */
  rawQuery: string;
  /** `host[:port]` for an absolute URL */
  host?: string;
}

const ABSOLUTE_RE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * An absolute URL is normalised with the WHATWG `URL` parser, because that is what `fetch` will
 * put on the wire (so a default port is dropped from `host`, and `/a b` becomes `/a%20b`).
 * A path (`/…`) is signed and returned exactly as given: send it byte for byte.
 * @throws TypeError when the value is neither an absolute URL nor a path starting with `/`.
 */
export function splitRequestUrl(url: string): RequestUrlParts {
  if (ABSOLUTE_RE.test(url)) {
    const u = new URL(url);
    u.hash = '';
    return { url: u.href, path: u.pathname, rawQuery: u.search.slice(1), host: u.host };
  }
  if (!url.startsWith('/')) {
    throw new TypeError(
      `signRequest: url "${url.slice(0, 80)}" must be an absolute URL or a path starting with "/".`,
    );
  }
  const noFragment = url.split('#', 1)[0] ?? '';
  const q = noFragment.indexOf('?');
  return q < 0
    ? { url: noFragment, path: noFragment, rawQuery: '' }
    : { url: noFragment, path: noFragment.slice(0, q), rawQuery: noFragment.slice(q + 1) };
}
