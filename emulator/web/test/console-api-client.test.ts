// @vitest-environment happy-dom
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createConsoleApi } from '../src/api/console-api';
import { ConsoleApiError } from '../src/api/console-api-error';

const API = 'http://localhost:3000/console-api';
const seen: Array<{ method: string; csrf: string | null }> = [];
let tokens = ['stale', 'fresh'];

const server = setupServer(
  http.get(`${API}/session`, () =>
    HttpResponse.json({ authenticated: false, csrf_token: tokens.shift() ?? 'none' }),
  ),
  http.post(`${API}/access-keys`, ({ request }) => {
    const csrf = request.headers.get('x-console-csrf');
    seen.push({ method: request.method, csrf });
    return csrf === 'fresh'
      ? HttpResponse.json(
          { access_key: {}, secret: 's', user_name: 'u', download_ticket: 't' },
          { status: 201 },
        )
      : HttpResponse.json(
          { error_code: 'CONSOLE.CSRF', error_msg: 'Missing or wrong CSRF token.' },
          { status: 403 },
        );
  }),
  http.get(
    `${API}/access-keys`,
    () => new HttpResponse('<html>proxy error</html>', { status: 502, statusText: 'Bad Gateway' }),
  ),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  tokens = ['stale', 'fresh'];
});
afterAll(() => server.close());

test('state-changing calls send the CSRF token; a stale one is refreshed once', async () => {
  const api = createConsoleApi();
  await api.createAccessKey({ description: 'x' });
  expect(seen).toEqual([
    { method: 'POST', csrf: 'stale' },
    { method: 'POST', csrf: 'fresh' },
  ]);
});

test('a second CSRF refusal is reported, not retried forever', async () => {
  tokens = ['stale', 'stale-again'];
  const error = await createConsoleApi()
    .createAccessKey({ description: 'x' })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConsoleApiError);
  expect((error as ConsoleApiError).code).toBe('CONSOLE.CSRF');
  expect(seen).toHaveLength(2);
});

test('a non-JSON failure keeps the status line as the reason', async () => {
  const error = (await createConsoleApi()
    .listAccessKeys()
    .catch((e: unknown) => e)) as ConsoleApiError;
  expect([error.status, error.code, error.reason]).toEqual([502, 'HTTP.502', 'Bad Gateway']);
});
