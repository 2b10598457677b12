import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ERRORS, IamError, type ErrorId } from './errors.js';

test('each shape renders as Huawei documents it', () => {
  expect(new IamError('AK_QUOTA_EXCEEDED').toBody('rid')).toEqual({
    error: { code: 400, message: 'akSkNumExceed', title: 'Bad Request' },
  });
  expect(new IamError('IAM_FORBIDDEN').toBody('rid')).toEqual({
    error_code: 'IAM.0002',
    error_msg: 'You are not authorized to perform the requested action.',
  });
  expect(new IamError('AUTH_AK_NOT_FOUND', { ak: 'EMUPX' }).toBody('rid')).toEqual({
    error_code: 'APIGW.0301',
    error_msg:
      'Incorrect IAM authentication information: Get secretKey failed,ak:EMUPX,err:ak not exist',
    request_id: 'rid',
  });
  expect(new IamError('KEYSTONE_NOT_FOUND', { target: 'credential', id: 'AK' }).message).toBe(
    'Could not find credential: AK.',
  );
  expect(new IamError('KEYSTONE_REQUIRED', { key: 'credential' }).message).toBe(
    "'credential' is a required property.",
  );
});

test('docs/errors.md lists every error of the catalogue', () => {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const missing = (Object.keys(ERRORS) as ErrorId[]).filter((id) => !doc.includes(`\`${id}\``));
  expect(missing).toEqual([]);
});
