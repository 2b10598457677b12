/**
 * @module signing/sdk-date
 * The `X-Sdk-Date` value: UTC to the second, `YYYYMMDDTHHMMSSZ` (e.g. `20240102T030405Z`).
 */

/** Exactly `YYYYMMDDTHHMMSSZ`. */
export const SDK_DATE_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Formats a date as `X-Sdk-Date` (milliseconds are dropped, not rounded).
 * @example formatSdkDate(new Date('2024-01-02T03:04:05.678Z')) // '20240102T030405Z'
 */
export function formatSdkDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('formatSdkDate: invalid Date');
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    'T' +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z'
  );
}

/**
 * Strict parse: the exact shape, and a real calendar time (no `20240230`, no hour 24, no leap second).
 * @returns the Date, or null when the value is not a valid `X-Sdk-Date`.
 */
export function parseSdkDate(value: string): Date | null {
  const m = SDK_DATE_RE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  // Date silently rolls over out-of-range fields; a round trip catches that.
  return formatSdkDate(date) === value ? date : null;
}
