import { expect, test } from 'vitest';
import { z } from 'zod';
import { IamError } from '../domain/errors.js';
import { validate } from './validation.js';

const schema = z.strictObject({
  credential: z.strictObject({
    user_id: z.string(),
    status: z.enum(['active', 'inactive']).optional(),
  }),
});

const messageOf = (input: unknown, family: 'keystone' | 'iam' = 'keystone') => {
  try {
    validate(schema, input, family, 'credential');
  } catch (error) {
    if (error instanceof IamError) return `${error.errorCode} ${error.message}`;
    throw error;
  }
  return 'valid';
};

test('missing, mistyped, unknown and out-of-range fields each name the field and the fix', () => {
  expect(messageOf({})).toBe("400 'credential' is a required property. Give an object.");
  expect(messageOf({ credential: {} })).toBe(
    "400 'user_id' is a required property. Give a string.",
  );
  expect(messageOf({ credential: { user_id: 7 } })).toBe(
    "400 Invalid input for field 'user_id'. The value is '7'. Expected a string.",
  );
  expect(messageOf({ credential: { user_id: 'u', status: 'paused' } })).toBe(
    '400 Invalid input for field \'status\'. The value is \'paused\'. Expected one of: "active", "inactive".',
  );
  expect(messageOf({ credential: { user_id: 'u', colour: 'red' } })).toBe(
    "400 Additional properties are not allowed ('colour' was unexpected). 'credential' does not take 'colour'; remove it.",
  );
  expect(messageOf([])).toBe('400 Request body is invalid. The body must be a JSON object.');
  expect(messageOf({ credential: {} }, 'iam')).toBe(
    "IAM.0072 'user_id' is a required property. Give a string.",
  );
  expect(messageOf({ credential: { user_id: 'u' } })).toBe('valid');
});
