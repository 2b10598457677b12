/**
 * @module The typed client of the console API (`/console-api/*`): same-origin, cookie-session,
 * CSRF header on every state-changing call. Errors become `ConsoleApiError` with the server's
 * `error_code` and `error_msg`, so pages can show the reason in place.
 */
import {
  CONSOLE_API_BASE,
  CONSOLE_ERRORS,
  CSRF_HEADER,
  type AccessKeyList,
  type AccessKeyRow,
  type ApiCredentialInfo,
  type ConsoleErrorBody,
  type CreateAccessKeyRequest,
  type CreatedAccessKey,
  type FederatedLoginRequest,
  type PasswordLoginRequest,
  type SecuritySettings,
  type SendCodeRequest,
  type SendCodeResponse,
  type SessionInfo,
  type TemporaryKey,
  type UpdateAccessKeyRequest,
  type Verification,
} from './contract';
import { ConsoleApiError } from './console-api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ConsoleApi {
  session(): Promise<SessionInfo>;
  login(body: PasswordLoginRequest): Promise<SessionInfo>;
  federatedLogin(body: FederatedLoginRequest): Promise<SessionInfo>;
  logout(): Promise<void>;
  apiCredential(): Promise<ApiCredentialInfo>;
  listAccessKeys(): Promise<AccessKeyList>;
  sendCode(body: SendCodeRequest): Promise<SendCodeResponse>;
  createAccessKey(body: CreateAccessKeyRequest): Promise<CreatedAccessKey>;
  updateAccessKey(access: string, body: UpdateAccessKeyRequest): Promise<AccessKeyRow>;
  deleteAccessKey(access: string, verification?: Verification): Promise<void>;
  /** The CSV text of `credentials.csv`; refused (410) after the first time. */
  downloadCredentials(ticket: string): Promise<string>;
  createTemporaryKey(durationSeconds: number): Promise<TemporaryKey>;
  securitySettings(): Promise<SecuritySettings>;
  updateSecuritySettings(body: SecuritySettings): Promise<SecuritySettings>;
}

/** @param base origin prefix, '' for same-origin (the page's own emulator). */
export function createConsoleApi(base = ''): ConsoleApi {
  let csrf = '';

  async function send(
    method: Method,
    path: string,
    body?: unknown,
    retried = false,
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') {
      if (!csrf) csrf = (await session()).csrf_token;
      headers[CSRF_HEADER] = csrf;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${CONSOLE_API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (res.ok) return res;
    const error = await toError(res);
    // A page left open past its anonymous session holds a stale token: fetch a fresh one, once.
    if (error.code === CONSOLE_ERRORS.csrf && !retried) {
      csrf = '';
      return send(method, path, body, true);
    }
    throw error;
  }

  async function json<T>(method: Method, path: string, body?: unknown): Promise<T> {
    return (await (await send(method, path, body)).json()) as T;
  }

  async function session(): Promise<SessionInfo> {
    const res = await fetch(`${base}${CONSOLE_API_BASE}/session`, { credentials: 'same-origin' });
    if (!res.ok) throw await toError(res);
    const info = (await res.json()) as SessionInfo;
    csrf = info.csrf_token;
    return info;
  }

  /** A sign-in replaces the session cookie, and with it the CSRF token. */
  async function signIn(path: string, body: unknown): Promise<SessionInfo> {
    const info = await json<SessionInfo>('POST', path, body);
    csrf = info.csrf_token;
    return info;
  }

  return {
    session,
    login: (body) => signIn('/login', body),
    federatedLogin: (body) => signIn('/login/federated', body),
    logout: async () => {
      await send('POST', '/logout', {});
      csrf = '';
    },
    apiCredential: () => json('GET', '/api-credential'),
    listAccessKeys: () => json('GET', '/access-keys'),
    sendCode: (body) => json('POST', '/verification-codes', body),
    createAccessKey: (body) => json('POST', '/access-keys', body),
    updateAccessKey: (access, body) =>
      json('PUT', `/access-keys/${encodeURIComponent(access)}`, body),
    deleteAccessKey: async (access, verification) => {
      await send(
        'DELETE',
        `/access-keys/${encodeURIComponent(access)}`,
        verification ? { verification } : {},
      );
    },
    downloadCredentials: async (ticket) =>
      (await send('POST', '/access-keys/download', { ticket })).text(),
    createTemporaryKey: (duration_seconds) =>
      json('POST', '/temporary-access-keys', { duration_seconds }),
    securitySettings: () => json('GET', '/security-settings'),
    updateSecuritySettings: (body) => json('PUT', '/security-settings', body),
  };
}

async function toError(res: Response): Promise<ConsoleApiError> {
  let body: Partial<ConsoleErrorBody> = {};
  try {
    body = (await res.json()) as Partial<ConsoleErrorBody>;
  } catch {
    // Not JSON (a proxy, a crash): keep the status line as the reason.
  }
  return new ConsoleApiError(
    res.status,
    body.error_code ?? `HTTP.${res.status}`,
    body.error_msg ?? (res.statusText || `HTTP ${res.status}`),
  );
}
