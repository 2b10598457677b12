import { expect, test } from 'vitest';
import {
  apigError,
  errorBodyKind,
  HEADER_SDK_DATE,
  HEADERS_LC,
  iamError,
  keystoneError,
  MAX_BODY_BYTES,
  PERMANENT_KEYS_PER_USER,
  SESSION_POLICY_MAX_CHARS,
  TEMP_KEY_DEFAULT_SECONDS,
  TEMP_KEY_MAX_SECONDS,
  TEMP_KEY_MIN_SECONDS,
} from '../src/index.js';

test('error body builders produce the three wire shapes', () => {
  expect(keystoneError(400, 'akSkNumExceed')).toEqual({
    error: { code: 400, message: 'akSkNumExceed', title: 'Bad Request' },
  });
  expect(keystoneError(418, 'x').error.title).toBe('Error');
  expect(iamError('IAM.0072', "'operation_protection' is a required property.")).toEqual({
    error_code: 'IAM.0072',
    error_msg: "'operation_protection' is a required property.",
  });
  expect(
    apigError('APIGW.0301', 'Incorrect IAM authentication information: x', 'a'.repeat(32)),
  ).toEqual({
    error_code: 'APIGW.0301',
    error_msg: 'Incorrect IAM authentication information: x',
    request_id: 'a'.repeat(32),
  });
});

test('errorBodyKind tells the shapes apart', () => {
  expect(errorBodyKind(keystoneError(404, 'x'))).toBe('keystone');
  expect(errorBodyKind(iamError('IAM.0004', 'x'))).toBe('iam');
  expect(errorBodyKind(apigError('APIGW.0301', 'x', 'r'))).toBe('apig');
  expect(errorBodyKind(null)).toBeNull();
  expect(errorBodyKind({ code: 'X', message: 'y' })).toBeNull();
});

test('limits and header names match the reference', () => {
  expect([TEMP_KEY_MIN_SECONDS, TEMP_KEY_MAX_SECONDS, TEMP_KEY_DEFAULT_SECONDS]).toEqual([
    900, 86400, 900,
  ]);
  expect(PERMANENT_KEYS_PER_USER).toBe(2);
  expect(SESSION_POLICY_MAX_CHARS).toBe(2048);
  expect(MAX_BODY_BYTES).toBe(12 * 1024 * 1024);
  expect(HEADER_SDK_DATE.toLowerCase()).toBe(HEADERS_LC.sdkDate);
});
