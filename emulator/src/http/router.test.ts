import { expect, test } from 'vitest';
import type { Route } from './api.js';
import { Router, routerFor } from './router.js';

const route = (method: Route['method'], path: string): Route => ({
  method,
  path,
  operation: `${method} ${path}`,
  auth: 'none',
  family: 'keystone',
  handler: () => ({ status: 200 }),
});

const router = new Router([
  route('GET', '/v3.0/a/:id'),
  route('PUT', '/v3.0/a/:id'),
  route('POST', '/v3.0/a'),
]);

test('matches literal segments exactly and decodes parameters', () => {
  expect(router.match('GET', '/v3.0/a/x%20y')).toMatchObject({
    kind: 'route',
    params: { id: 'x y' },
  });
  expect(router.match('GET', '/v3.0/a/x/')).toMatchObject({ kind: 'route', params: { id: 'x' } });
  expect(router.match('GET', '/V3.0/a/x').kind).toBe('not-found');
  expect(router.match('GET', '/v3.0/a/%E0%A4%A').kind).toBe('not-found');
});

test('a known path with another method is 405 material, listing the allowed methods', () => {
  expect(router.match('DELETE', '/v3.0/a/x')).toEqual({
    kind: 'method-not-allowed',
    allowed: ['GET', 'HEAD', 'PUT'],
  });
  expect(router.match('GET', '/v3.0/a')).toEqual({ kind: 'method-not-allowed', allowed: ['POST'] });
});

test('HEAD falls back to the GET route', () => {
  expect(router.match('HEAD', '/v3.0/a/x')).toMatchObject({
    kind: 'route',
    route: { method: 'GET' },
  });
});

test('a literal segment beats a parameter, whatever the table order', () => {
  const keys = new Router([
    route('POST', '/keys/:ak'),
    route('POST', '/keys/download'),
    route('GET', '/keys/:ak/:part'),
    route('GET', '/keys/:ak/last-used'),
  ]);
  expect(keys.match('POST', '/keys/download')).toMatchObject({
    kind: 'route',
    route: { path: '/keys/download' },
    params: {},
  });
  expect(keys.match('POST', '/keys/EMUPX')).toMatchObject({
    kind: 'route',
    route: { path: '/keys/:ak' },
    params: { ak: 'EMUPX' },
  });
  expect(keys.match('GET', '/keys/EMUPX/last-used')).toMatchObject({
    route: { path: '/keys/:ak/last-used' },
  });
  expect(keys.match('GET', '/keys/EMUPX/other')).toMatchObject({
    route: { path: '/keys/:ak/:part' },
    params: { part: 'other' },
  });
});

test('works over any {method, path} route; HEAD can be kept apart from GET', () => {
  const plain = new Router([{ method: 'GET', path: '/session', name: 'session' }], {
    headFromGet: false,
  });
  expect(plain.match('GET', '/session/')).toMatchObject({
    kind: 'route',
    route: { name: 'session' },
  });
  expect(plain.match('HEAD', '/session')).toEqual({ kind: 'method-not-allowed', allowed: ['GET'] });
});

test("the dispatcher's table: HEAD from GET on the Huawei paths, a 405 on the console API", () => {
  const consoleRoute: Route = {
    method: 'GET',
    path: '/console-api/session',
    operation: 'console.session',
    family: 'console',
    auth: 'session',
    access: 'anonymous',
    handler: () => ({ status: 200 }),
  };
  const table = routerFor([route('GET', '/v3/x'), consoleRoute]);
  expect(table.match('HEAD', '/v3/x')).toMatchObject({ kind: 'route', route: { path: '/v3/x' } });
  expect(table.match('HEAD', '/console-api/session')).toEqual({
    kind: 'method-not-allowed',
    allowed: ['GET'],
  });
  expect([
    table.servesUnder('/console-api'),
    table.servesUnder('/console'),
    routerFor([route('GET', '/v3/x')]).servesUnder('/console-api'),
  ]).toEqual([true, false, false]);
});
