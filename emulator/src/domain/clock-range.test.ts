import { ID_TOKEN_TTL_SECONDS } from './oidc.js';
import { TEMP_KEY_MAX_SECONDS, TOKEN_VALIDITY_SECONDS } from '@iam-testbed/shared';
import { expect, test } from 'vitest';
import { SESSION_MAX_SECONDS } from '../console/sessions.js';
import { formatMicros } from './time-format.js';
import { CLOCK_HORIZON_SECONDS, CLOCK_MAX_MS, CLOCK_MIN_MS, inClockRange } from './clock-range.js';

test('the horizon covers every lifetime computed from the clock', () => {
  for (const seconds of [
    TOKEN_VALIDITY_SECONDS,
    TEMP_KEY_MAX_SECONDS,
    ID_TOKEN_TTL_SECONDS,
    SESSION_MAX_SECONDS,
  ]) {
    expect(seconds).toBeLessThanOrEqual(CLOCK_HORIZON_SECONDS);
  }
});

test('times computed at either end of the range stay RFC 3339 with a four-digit year', () => {
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
  expect(formatMicros(CLOCK_MIN_MS)).toBe('1970-01-01T00:00:00.000000Z');
  // A day of running clock on top of the longest lifetime.
  expect(formatMicros(CLOCK_MAX_MS + 2 * CLOCK_HORIZON_SECONDS * 1000 - 1)).toMatch(rfc3339);
  expect(formatMicros(CLOCK_MAX_MS + CLOCK_HORIZON_SECONDS * 1000)).toBe(
    '9999-12-31T00:00:00.000000Z',
  );
  expect(inClockRange(CLOCK_MAX_MS)).toBe(true);
  expect(inClockRange(CLOCK_MAX_MS + 1)).toBe(false);
  expect(inClockRange(-1)).toBe(false);
  expect(inClockRange(Number.NaN)).toBe(false);
});
