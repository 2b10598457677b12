/**
 * @module domain/rfc3339
 * Strict RFC 3339 date-times (`date-time` of RFC 3339 §5.6): `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`,
 * `T` and `Z` in either case. Every field is checked against the calendar, so an impossible date
 * is refused with the reason instead of being rolled over as `Date.parse` does
 * (`2030-02-30` → 2 March). Used where a caller sets a time (`POST /_emulator/clock {"set"}`).
 */

export type Rfc3339Result = { ok: true; ms: number } | { ok: false; problem: string };

const SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const fail = (problem: string): Rfc3339Result => ({ ok: false, problem });
const two = (n: number) => String(n).padStart(2, '0');

/** Milliseconds since the epoch of a UTC calendar time; years 0-99 stay years 0-99 (unlike Date.UTC). */
function utcMs(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

export function parseRfc3339(text: string): Rfc3339Result {
  const m = SHAPE.exec(text);
  if (!m)
    return fail(
      'it is not an RFC 3339 date-time: write YYYY-MM-DDTHH:MM:SS with a zone, e.g. "2030-01-02T03:04:05Z" or "2030-01-02T04:04:05+01:00"',
    );
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12) return fail(`month ${two(mo)} does not exist (01-12)`);
  if (d < 1 || d > daysInMonth(y, mo))
    return fail(
      `${String(y).padStart(4, '0')}-${two(mo)} has ${daysInMonth(y, mo)} days, so day ${two(d)} does not exist`,
    );
  if (h > 23) return fail(`hour ${two(h)} does not exist (00-23)`);
  if (mi > 59) return fail(`minute ${two(mi)} does not exist (00-59)`);
  // RFC 3339 allows 60 for a leap second, but epoch milliseconds cannot represent one.
  if (s > 59)
    return fail(`second ${two(s)} does not exist here (00-59; leap seconds cannot be represented)`);
  const [sign, oh, om] = [m[9], Number(m[10] ?? 0), Number(m[11] ?? 0)];
  if (oh > 23 || om > 59)
    return fail(`offset ${sign}${two(oh)}:${two(om)} does not exist (hours 00-23, minutes 00-59)`);
  // Milliseconds are the clock's resolution: further digits are dropped, not rounded up.
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetMs = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  return { ok: true, ms: utcMs(y, mo, d, h, mi, s, ms) - offsetMs };
}
