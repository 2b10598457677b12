/**
 * @module http/query
 * Query strings as the SDKs send them, for both adapters (node:http and msw).
 */

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Percent-decoding only: a raw `+` stays a plus (the SDKs send spaces as %20). */
export function parseQuery(rawQuery: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const i = pair.indexOf('=');
    params.append(decode(i < 0 ? pair : pair.slice(0, i)), decode(i < 0 ? '' : pair.slice(i + 1)));
  }
  return params;
}
