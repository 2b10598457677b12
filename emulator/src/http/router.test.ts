import { expect, test } from 'vitest';
import type { Route } from './api.js';
import { Router } from './router.js';

const route = (method: Route['method'], path: string): Route => ({
  method,
  path,
  operation: `${method} ${path}`,
  auth: 'none',
  family: 'keystone',
  handler: () => ({ status: 200 }),
});

const router = new Router([route('GET', '/v3.0/a/:id'), route('PUT', '/v3.0/a/:id'), route('POST', '/v3.0/a')]);

test('matches literal segments exactly and decodes parameters', () => {
  expect(router.match('GET', '/v3.0/a/x%20y')).toMatchObject({ kind: 'route', params: { id: 'x y' } });
  expect(router.match('GET', '/v3.0/a/x/')).toMatchObject({ kind: 'route', params: { id: 'x' } });
  expect(router.match('GET', '/V3.0/a/x').kind).toBe('not-found');
  expect(router.match('GET', '/v3.0/a/%E0%A4%A').kind).toBe('not-found');
});

test('a known path with another method is 405 material, listing the allowed methods', () => {
  expect(router.match('DELETE', '/v3.0/a/x')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'HEAD', 'PUT'] });
  expect(router.match('GET', '/v3.0/a')).toEqual({ kind: 'method-not-allowed', allowed: ['POST'] });
});

test('HEAD falls back to the GET route', () => {
  expect(router.match('HEAD', '/v3.0/a/x')).toMatchObject({ kind: 'route', route: { method: 'GET' } });
});
