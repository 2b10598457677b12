/**
 * @module Assertions on whole Huawei error bodies received over raw HTTP, plus the
 * `X-Request-Id` header every response must carry.
 */
import { expect } from 'vitest';
import type { RawResult } from './raw';

/** Asserts the status, an `X-Request-Id`, a JSON content type and the exact body. */
export function expectHuaweiError(res: RawResult, status: number, body: unknown): void {
  expect(
    { status: res.status, body: res.json },
    `response text: ${res.text.slice(0, 500)}`,
  ).toEqual({ status, body });
  expect(res.requestId).toMatch(/\S/);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
}

/**
 * API-Gateway shaped failure (docs/reference/huawei-iam-api.md §7.1(3)): `{error_code, error_msg, request_id}`,
 * with `request_id` the same value as the `X-Request-Id` header.
 */
export function expectApigwError(
  res: RawResult,
  status: number,
  code: string,
  msg: string | RegExp,
): void {
  expectHuaweiError(res, status, {
    error_code: code,
    error_msg: typeof msg === 'string' ? msg : expect.stringMatching(msg),
    request_id: res.requestId,
  });
}

/** Any 4xx in one of Huawei's two body shapes, with a non-empty message. */
export function expectClear4xx(res: RawResult, status?: number): void {
  if (status !== undefined) expect(res.status, res.text).toBe(status);
  expect(res.status, res.text).toBeGreaterThanOrEqual(400);
  expect(res.status, res.text).toBeLessThan(500);
  expect(res.requestId).toMatch(/\S/);
  const body = res.json as {
    error_code?: unknown;
    error_msg?: unknown;
    error?: { code?: unknown; message?: unknown };
  };
  const message = body?.error_msg ?? body?.error?.message;
  const code = body?.error_code ?? body?.error?.code;
  expect(
    typeof message === 'string' && message.length > 0,
    `no Huawei error message in ${res.text}`,
  ).toBe(true);
  expect(code, `no Huawei error code in ${res.text}`).toBeDefined();
}
