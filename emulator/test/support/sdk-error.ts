/**
 * @module Catches what the SDK throws and reduces it to the fields `ExceptionUtil` fills
 * (docs/reference/sdk-wire.md §6), so a test can assert the whole error in one `toEqual`.
 */
import { expect } from 'vitest';

export interface SdkError {
  /** Exception class name: ClientRequestException, ServerResponseException, SdkException, … */
  name: string;
  httpStatusCode: number | string | undefined;
  /** `error.code ?? error_code` from the body; a number for Keystone bodies (docs/reference/sdk-wire.md §6). */
  errorCode: string | number | undefined;
  /** `error.message ?? error_msg` from the body. */
  errorMsg: string | undefined;
  /** The `X-Request-Id` response header. */
  requestId: string | undefined;
  /** `Error.message` (the only carrier of the status for OIDC-exchange failures, docs/reference/sdk-wire.md §1.13) */
  message: string;
}

/** Awaits a call that must fail and returns the SDK's error fields. */
export async function sdkError(call: Promise<unknown>): Promise<SdkError> {
  let result: unknown;
  try {
    result = await call;
  } catch (e) {
    const err = e as Record<string, unknown> & Error;
    return {
      name: err.constructor?.name ?? typeof e,
      httpStatusCode: err['httpStatusCode'] as SdkError['httpStatusCode'],
      errorCode: err['errorCode'] as SdkError['errorCode'],
      errorMsg: err['errorMsg'] as string | undefined,
      requestId: err['requestId'] as string | undefined,
      message: String(err.message ?? ''),
    };
  }
  throw new Error(`expected the SDK call to fail, but it resolved: ${JSON.stringify(result)}`);
}

/**
 * Asserts the SDK surfaced exactly this Huawei error as a ClientRequestException and that the
 * response carried an `X-Request-Id` (which the SDK only exposes on errors, docs/reference/sdk-wire.md §1.12).
 */
export async function expectSdkError(
  call: Promise<unknown>,
  expected: { status: number; code: string | number; msg: string | RegExp },
): Promise<SdkError> {
  const err = await sdkError(call);
  const { message: _message, ...fields } = err;
  expect(fields).toEqual({
    name: expected.status >= 500 ? 'ServerResponseException' : 'ClientRequestException',
    httpStatusCode: expected.status,
    errorCode: expected.code,
    errorMsg: typeof expected.msg === 'string' ? expected.msg : expect.stringMatching(expected.msg),
    requestId: expect.stringMatching(/\S/),
  });
  return err;
}

/**
 * For errors whose exact text is the emulator's documented choice: a ClientRequestException
 * with this status, a Huawei error code and a non-empty message.
 */
export async function expectSdkClientError(
  call: Promise<unknown>,
  status: number,
): Promise<SdkError> {
  const err = await sdkError(call);
  expect(err).toMatchObject({ name: 'ClientRequestException', httpStatusCode: status });
  expect(err.errorCode, JSON.stringify(err)).toBeDefined();
  expect(err.errorMsg, JSON.stringify(err)).toMatch(/\S/);
  expect(err.errorMsg).not.toMatch(/^Request failed with status code/);
  expect(err.requestId).toMatch(/\S/);
  return err;
}
