import { expect, test } from 'vitest';
import { parseRfc3339 } from './rfc3339.js';

const ms = (text: string) => {
  const r = parseRfc3339(text);
  return r.ok ? r.ms : r.problem;
};

test('real RFC 3339 date-times give their instant, offsets and fractions included', () => {
  expect(ms('2030-01-02T03:04:05Z')).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
  expect(ms('2030-01-02t03:04:05z')).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
  expect(ms('2031-05-06T07:08:09+02:00')).toBe(Date.UTC(2031, 4, 6, 5, 8, 9));
  expect(ms('2031-05-06T07:08:09.5-00:30')).toBe(Date.UTC(2031, 4, 6, 7, 38, 9, 500));
  expect(ms('2031-05-06T07:08:09.123999999Z')).toBe(Date.UTC(2031, 4, 6, 7, 8, 9, 123));
  expect(ms('2032-02-29T00:00:00Z')).toBe(Date.UTC(2032, 1, 29));
  expect(ms('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
  expect(ms('0050-01-01T00:00:00Z')).toBe(Date.parse('0050-01-01T00:00:00.000Z'));
  expect(ms('9999-12-31T23:59:59.999Z')).toBe(253402300799999);
});

test('impossible or incomplete date-times are refused with the reason, never rolled over', () => {
  expect(ms('2030-02-30T00:00:00Z')).toBe('2030-02 has 28 days, so day 30 does not exist');
  expect(ms('1900-02-29T00:00:00Z')).toBe('1900-02 has 28 days, so day 29 does not exist');
  expect(ms('2030-04-31T00:00:00Z')).toBe('2030-04 has 30 days, so day 31 does not exist');
  expect(ms('2030-13-01T00:00:00Z')).toBe('month 13 does not exist (01-12)');
  expect(ms('2030-00-01T00:00:00Z')).toBe('month 00 does not exist (01-12)');
  expect(ms('2030-01-00T00:00:00Z')).toBe('2030-01 has 31 days, so day 00 does not exist');
  expect(ms('2030-01-01T24:00:00Z')).toBe('hour 24 does not exist (00-23)');
  expect(ms('2030-01-01T23:60:00Z')).toBe('minute 60 does not exist (00-59)');
  expect(ms('2030-01-01T23:59:60Z')).toMatch(/^second 60/);
  expect(ms('2030-01-01T00:00:00+24:00')).toBe(
    'offset +24:00 does not exist (hours 00-23, minutes 00-59)',
  );
  for (const text of [
    '2030-01-01T00:00Z',
    '2030-01-01T00:00:00',
    '2030-01-01 00:00:00Z',
    '+2030-01-01T00:00:00Z',
    '2030-1-01T00:00:00Z',
    '2030-01-01T00:00:00.Z',
    '',
  ]) {
    expect(ms(text), text).toMatch(/^it is not an RFC 3339 date-time/);
  }
});
