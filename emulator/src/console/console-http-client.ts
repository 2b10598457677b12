/**
 * @module console/console-http-client
 * A small Node client of the console API, as a browser would call it: it keeps the session
 * cookie and the CSRF token. For tests and scripts that drive the console without a browser.
 */
import { CONSOLE_API_BASE, CSRF_HEADER, type SessionInfo } from './contract.js';
import { SESSION_COOKIE } from './sessions.js';

export interface ConsoleCall {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; undefined when it is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test client: each test reads the body shape it expects
  json: any;
}

export class ConsoleHttpClient {
  cookie = '';
  csrf = '';

  constructor(readonly baseUrl: string) {}

  /** Fetches a session (and its cookie and CSRF token) if this client has none yet. */
  async ensureSession(): Promise<SessionInfo> {
    const res = await this.call('GET', '/session');
    this.csrf = (res.json as SessionInfo).csrf_token;
    return res.json as SessionInfo;
  }

  async login(account_name: string, user_name: string, password: string): Promise<ConsoleCall> {
    if (!this.csrf) await this.ensureSession();
    const res = await this.call('POST', '/login', { account_name, user_name, password });
    if (res.status === 200) this.csrf = (res.json as SessionInfo).csrf_token;
    return res;
  }

  async federatedLogin(account_name: string, user_name: string): Promise<ConsoleCall> {
    if (!this.csrf) await this.ensureSession();
    const res = await this.call('POST', '/login/federated', { account_name, user_name });
    if (res.status === 200) this.csrf = (res.json as SessionInfo).csrf_token;
    return res;
  }

  /** One console API call; state-changing methods carry the CSRF header unless `headers` override it. */
  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ConsoleCall> {
    const sent: Record<string, string> = { accept: 'application/json' };
    if (this.cookie) sent.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) sent[CSRF_HEADER] = this.csrf;
    if (body !== undefined) sent['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${CONSOLE_API_BASE}${path}`, {
      method,
      headers: { ...sent, ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      redirect: 'manual',
    });
    this.keepCookie(res.headers.get('set-cookie'));
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  private keepCookie(setCookie: string | null): void {
    const pair = setCookie?.split(';')[0];
    if (!pair?.startsWith(`${SESSION_COOKIE}=`)) return;
    this.cookie = pair.endsWith('=') ? '' : pair;
  }
}
