import { expect, test } from 'vitest';
import { explainListenError, ListenError } from './listen-error.js';

const errno = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

// EACCES cannot be provoked here (the test machines run as root), so the mapping is checked directly.
test.each([
  ['EADDRINUSE', '127.0.0.1:8790 is already in use.', /another port, or 0/],
  ['EACCES', 'Not permitted to listen on 127.0.0.1:8790.', /below 1024 need root/],
  [
    'EADDRNOTAVAIL',
    "Cannot listen on 127.0.0.1:8790: the address is not one of this machine's.",
    /127\.0\.0\.1/,
  ],
])('%s says which address and how to fix it', (code, fact, fix) => {
  const error = explainListenError(errno(code), '127.0.0.1', 8790);
  expect(error).toBeInstanceOf(ListenError);
  expect(error).toMatchObject({ code, host: '127.0.0.1', port: 8790, fact });
  expect((error as ListenError).message).toMatch(fix);
});

test('other errors pass through unchanged', () => {
  const other = errno('EMFILE');
  expect(explainListenError(other, '127.0.0.1', 1)).toBe(other);
});
