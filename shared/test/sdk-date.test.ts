import { expect, test } from 'vitest';
import { checkSdkDate, formatSdkDate, parseSdkDate, SDK_DATE_RE } from '../src/index.js';

test('formatSdkDate is UTC to the second', () => {
  expect(formatSdkDate(new Date('2024-01-02T03:04:05.999Z'))).toBe('20240102T030405Z');
  expect(formatSdkDate(new Date('1999-12-31T23:59:59Z'))).toBe('19991231T235959Z');
  expect(() => formatSdkDate(new Date(NaN))).toThrow(RangeError);
});

test('parseSdkDate round-trips', () => {
  expect(parseSdkDate('20240102T030405Z')?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
  expect(parseSdkDate('20240229T235959Z')?.toISOString()).toBe('2024-02-29T23:59:59.000Z');
  expect(SDK_DATE_RE.test('20240102T030405Z')).toBe(true);
});

test.each([
  '20240102T030405', // no Z
  '2024-01-02T03:04:05Z', // ISO
  '20240102t030405z', // lower case
  '20230229T000000Z', // not a leap year
  '20241301T000000Z', // month 13
  '20240100T000000Z', // day 0
  '20240102T240000Z', // hour 24
  '20240102T236000Z', // minute 60
  '20240102T235960Z', // leap second
  ' 20240102T030405Z',
  '',
])('parseSdkDate rejects %j', (value) => {
  expect(parseSdkDate(value)).toBeNull();
});

test('checkSdkDate allows exactly the skew limit and rejects one second more', () => {
  const now = new Date('2024-01-02T03:04:05Z');
  expect(checkSdkDate('20240102T031905Z', now, 900).ok).toBe(true); // +900 s
  expect(checkSdkDate('20240102T024905Z', now, 900).ok).toBe(true); // -900 s
  const ahead = checkSdkDate('20240102T031906Z', now, 900);
  const behind = checkSdkDate('20240102T024904Z', now, 900);
  expect(ahead).toMatchObject({ ok: false, failure: { reason: 'sdk-date-skew' } });
  expect(behind).toMatchObject({ ok: false, failure: { reason: 'sdk-date-skew' } });
  if (!behind.ok)
    expect(behind.failure.message).toContain('901 s behind the server time 20240102T030405Z');
});

test('checkSdkDate reports missing and malformed dates', () => {
  const now = new Date();
  expect(checkSdkDate(undefined, now)).toMatchObject({
    ok: false,
    failure: { reason: 'missing-sdk-date' },
  });
  expect(checkSdkDate('  ', now)).toMatchObject({
    ok: false,
    failure: { reason: 'missing-sdk-date' },
  });
  expect(checkSdkDate('yesterday', now)).toMatchObject({
    ok: false,
    failure: { reason: 'malformed-sdk-date' },
  });
});

test('checkSdkDate defaults to 900 s', () => {
  const now = new Date('2024-01-02T03:04:05Z');
  expect(checkSdkDate('20240102T031905Z', now).ok).toBe(true);
  expect(checkSdkDate('20240102T031906Z', now).ok).toBe(false);
});

// X-Sdk-Date has whole seconds; the server clock has milliseconds. Rounding the difference made a
// header exactly 900 s old fail and one 901 s ahead pass whenever the server's ms were 501-999.
test.each([0, 1, 499, 500, 501, 999])(
  'checkSdkDate compares whole seconds when the server is at .%i s',
  (ms) => {
    const now = new Date(Date.parse('2024-01-02T03:04:05Z') + ms);
    expect(checkSdkDate('20240102T024905Z', now, 900).ok).toBe(true); // exactly 900 s behind
    expect(checkSdkDate('20240102T031905Z', now, 900).ok).toBe(true); // exactly 900 s ahead
    expect(checkSdkDate('20240102T024904Z', now, 900).ok).toBe(false); // 901 s behind
    expect(checkSdkDate('20240102T031906Z', now, 900).ok).toBe(false); // 901 s ahead
  },
);
