/**
 * @module scraper/expiry
 * Expiry times as the API (`2022-10-17T18:51:25.231000Z`) and the console
 * (`2024-01-02 03:04:05 GMT+08:00`) write them. A time without a zone is not guessed at.
 */

const CONSOLE_FORMAT =
  /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(?:(?:GMT|UTC)\s*([+-])(\d{1,2}):?(\d{2})|(Z|GMT|UTC))$/i;

/** @returns ms since epoch, or undefined when the text is not a zoned date-time. */
export function parseExpiry(text: string): number | undefined {
  const t = text.trim();
  const m = CONSOLE_FORMAT.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(utc)) return undefined;
  const offsetMin = sign ? (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1) : 0;
  const fraction = /\.(\d{1,3})/.exec(t)?.[1];
  return utc - offsetMin * 60_000 + (fraction ? Number(fraction.padEnd(3, '0')) : 0);
}
