/**
 * One catalogue of the console's CONSOLE.* codes: every code has one HTTP status, is documented in
 * docs/errors.md (Console section) with that status, and no source file invents a code outside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { CONSOLE_ERRORS } from './contract.js';
import { errorResponse } from '../http/wire-error.js';
import { IamError } from '../domain/errors.js';
import { CONSOLE_ERROR_STATUS, ConsoleError, consoleWireError } from './console-error.js';

const here = dirname(fileURLToPath(import.meta.url));
const docs = readFileSync(join(here, '../../../docs/errors.md'), 'utf8');
const consoleSection = docs.slice(
  docs.indexOf('\n## Console'),
  docs.indexOf('\n## ', docs.indexOf('\n## Console') + 1),
);

test('docs/errors.md has a Console section with one row per code: status and code', () => {
  expect(consoleSection.length).toBeGreaterThan(100);
  const rows = consoleSection.split('\n').filter((line) => /^\| `CONSOLE\./.test(line));
  const documented = rows.map((line) =>
    line
      .split('|')
      .map((cell) => cell.trim())
      .slice(1, 3),
  );
  const expected = Object.entries(CONSOLE_ERRORS).map(([key, code]) => [
    `\`${code}\``,
    String(CONSOLE_ERROR_STATUS[key as keyof typeof CONSOLE_ERRORS]),
  ]);
  expect(documented.sort()).toEqual(expected.sort());
  for (const line of rows)
    expect(line.split('|').filter((cell) => cell.trim() !== '').length, line).toBe(4); // code, HTTP, when, how to fix
});

test('a ConsoleError takes its status from the catalogue', () => {
  const e = new ConsoleError('tooManyAttempts', 'Request a new code.', { 'Retry-After': '60' });
  expect([e.status, e.code]).toEqual([429, 'CONSOLE.TOO_MANY_ATTEMPTS']);
  expect(errorResponse(consoleWireError(e), 'r')).toEqual({
    status: 429,
    body: { error_code: 'CONSOLE.TOO_MANY_ATTEMPTS', error_msg: 'Request a new code.' },
    headers: { 'Retry-After': '60' },
  });
});

test('a domain refusal passes through in the console shape: Huawei code, message and hint in the body, no hint header', () => {
  const quota = consoleWireError(new IamError('AK_QUOTA_EXCEEDED', {}, 'Delete a key first.'));
  expect([quota.id, quota.errorCode, quota.hint]).toEqual([
    'AK_QUOTA_EXCEEDED',
    'akSkNumExceed',
    'Delete a key first.',
  ]);
  expect(errorResponse(quota, 'r')).toEqual({
    status: 400,
    body: { error_code: 'akSkNumExceed', error_msg: 'akSkNumExceed Delete a key first.' },
    headers: {},
  });
  const forbidden = consoleWireError(new IamError('IAM_FORBIDDEN'));
  expect(errorResponse(forbidden, 'r').body).toEqual({
    error_code: 'IAM.0002',
    error_msg: 'You are not authorized to perform the requested action.',
  });
});

test('no console source spells a CONSOLE.* code outside the catalogue', () => {
  const files = readdirSync(here, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  const known = new Set<string>(Object.values(CONSOLE_ERRORS));
  const stray: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(here, file), 'utf8');
    for (const [code] of text.matchAll(/CONSOLE\.[A-Z_]+/g))
      if (!known.has(code)) stray.push(`${file}: ${code}`);
    if (file !== 'contract.ts' && /'CONSOLE\.[A-Z_]+'/.test(text))
      stray.push(`${file}: spells a code as a string; use its catalogue key`);
  }
  expect(stray).toEqual([]);
});
