/**
 * @module keys/iam-error
 * Reads Huawei's three error body shapes (Keystone, IAM, APIG; docs/reference/huawei-iam-api.md §7.1) the way
 * the Node SDK does: `error.code ?? error_code`, `error.message ?? error_msg`.
 */
import { errorBodyKind } from '@iam-testbed/shared';
import { isObj } from '../messages/shape';

export interface IamErrorInfo {
  code?: string;
  message?: string;
}

export function readIamError(bodyText: string): IamErrorInfo {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return {};
  }
  const kind = errorBodyKind(body);
  if (!kind || !isObj(body)) return {};
  if (kind === 'keystone' && isObj(body.error)) {
    const e = body.error;
    const code =
      typeof e.error_code === 'string'
        ? e.error_code
        : typeof e.code === 'number' || typeof e.code === 'string'
          ? String(e.code)
          : e.code !== undefined
            ? JSON.stringify(e.code)
            : undefined;
    return {
      ...(code ? { code } : {}),
      ...(typeof e.message === 'string' ? { message: e.message } : {}),
    };
  }
  return { code: String(body.error_code), message: String(body.error_msg) };
}

/**
 * True when the server says the temporary key (its security token) has expired: IAM.1108
 * "The securitytoken has expired", IAM.0066 "The token has expired", or APIG's "token expires".
 * ⚠ The emulator may phrase it differently; the message test is deliberately loose.
 */
export function saysKeyExpired(status: number, bodyText: string): boolean {
  if (status < 400 || status >= 500) return false;
  const { code, message } = readIamError(bodyText);
  if (code === 'IAM.1108' || code === 'IAM.0066') return true;
  return /security\s*token.*expired|token expires|token has expired/i.test(message ?? '');
}

/** "IAM answered 401 IAM.0001: The request you have made requires authentication." */
export function describeIamFailure(status: number, bodyText: string): string {
  const { code, message } = readIamError(bodyText);
  const detail = [code, message].filter(Boolean).join(': ');
  return `IAM answered ${status}${detail ? ` ${detail}` : ''}`.slice(0, 600);
}
