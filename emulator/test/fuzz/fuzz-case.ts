/**
 * @module One malformed request of the fuzz suite: where it goes, how it is (not) authenticated,
 * and which category of bad input it is — the report groups findings by surface and category.
 */

export type Surface = 'huawei' | 'console' | 'control';

/**
 * - `signed`: SDK-HMAC-SHA256 with the fuzz tenant's admin key, so the request reaches
 *   validation; `none`: no credential at all;
 * - `bad-signature` / `unknown-ak` / `skewed-date` / `garbage-authorization` / `bad-token`:
 *   a broken credential (never the admin key: those failures count towards its lock-out);
 * - `console`: the signed-in console session cookie and its CSRF token; `console-no-csrf`: the
 *   cookie only.
 */
export type AuthMode =
  | 'signed'
  | 'none'
  | 'bad-signature'
  | 'unknown-ak'
  | 'skewed-date'
  | 'garbage-authorization'
  | 'bad-token'
  | 'console'
  | 'console-no-csrf';

export interface FuzzCase {
  surface: Surface;
  /** e.g. `malformed-json`, `unknown-field`, `query`, `wrong-method`, `path-id`, `auth` */
  category: string;
  method: string;
  /** Path as sent (already percent-encoded), without the query. */
  path: string;
  /** Raw query without `?` ('' for none). */
  query: string;
  /** Raw body ('' for none). */
  body: string;
  /** Extra headers (lower-case names); `content-type` defaults to application/json. */
  headers: Readonly<Record<string, string>>;
  auth: AuthMode;
  /** What is wrong with it, in a few words. */
  note: string;
}

export const target = (c: FuzzCase): string => (c.query === '' ? c.path : `${c.path}?${c.query}`);

/** One line that lets a person re-send the request by hand. */
export function describeCase(c: FuzzCase): string {
  const body = c.body.length > 300 ? `${c.body.slice(0, 300)}… (${c.body.length} chars)` : c.body;
  const headers =
    Object.keys(c.headers).length > 0 ? ` headers=${JSON.stringify(c.headers).slice(0, 200)}` : '';
  return `${c.method} ${target(c).slice(0, 300)} [${c.auth}] (${c.note})${headers}${body === '' ? '' : ` body=${body}`}`;
}
