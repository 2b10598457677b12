/**
 * @module http/routes/params
 * Path parameter checks shared by the routes: a malformed ID is a 400 naming the parameter and
 * its expected shape; a well-formed unknown one is the route's 404.
 */
import { ACCESS_KEY_RE, HEX32_RE } from '@iam-testbed/shared';
import { IamError } from '../../domain/errors.js';
import type { ValidationFamily } from '../validation.js';

const INVALID: Record<
  ValidationFamily,
  'KEYSTONE_INVALID' | 'IAM_INVALID' | 'V5_INVALID' | 'CONTROL_INVALID'
> = {
  keystone: 'KEYSTONE_INVALID',
  iam: 'IAM_INVALID',
  v5: 'V5_INVALID',
  control: 'CONTROL_INVALID',
};

const show = (v: string) =>
  (v.length > 64 ? `${v.slice(0, 61)}...` : v).replace(/[\u0000-\u001f]/g, '?');

function checkShape(
  value: string,
  re: RegExp,
  key: string,
  family: ValidationFamily,
  expected: string,
): string {
  if (!re.test(value))
    throw new IamError(INVALID[family], { key, value: show(value), hint: `Expected ${expected}.` });
  return value;
}

export const accessKeyParam = (value: string | undefined, family: ValidationFamily) =>
  checkShape(value ?? '', ACCESS_KEY_RE, 'access_key', family, '20 upper-case letters and digits');

export const hex32Param = (value: string | undefined, key: string, family: ValidationFamily) =>
  checkShape(value ?? '', HEX32_RE, key, family, '32 lower-case hex characters');
