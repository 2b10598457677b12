/**
 * @module The emulator's control plane (issue 5) over plain HTTP, as any test runner would call
 * it: tenants, the clock, the verification codes operation protection "sent", console sessions
 * and the request journal. Shapes follow docs/control-plane.md; a non-2xx answer throws with the
 * status and body so a failing step says what the emulator answered.
 */

export interface TenantUser {
  id: string;
  name: string;
  password: string;
  access_key: { access: string; secret: string };
}

export interface Tenant {
  domain: { id: string; name: string };
  admin: TenantUser;
  iam_user: TenantUser;
  federated_user: { id: string; name: string; idp_id: string; id_token: string };
  projects: Array<{ id: string; name: string; region: string }>;
}

export interface ClockView {
  now: string;
  offset_seconds: number;
  frozen: boolean;
}

export interface VerificationCode {
  user_id: string;
  channel: string;
  code: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  used: boolean;
}

export interface ConsoleSession {
  name: string;
  value: string;
  csrf_token: string;
}

/** One journal entry: never a secret by contract (what journey 6 checks). */
export type JournalEntry = Record<string, unknown> & { method: string; path: string; status: number };

export class ControlPlane {
  constructor(readonly url: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`E2E_CONTROL: ${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  createTenant(options: { name?: string; operation_protection?: boolean; regions?: string[] } = {}): Promise<Tenant> {
    return this.call('POST', '/_emulator/tenants', options);
  }

  clock(): Promise<ClockView> {
    return this.call('GET', '/_emulator/clock');
  }

  advanceClock(seconds: number): Promise<ClockView> {
    return this.call('POST', '/_emulator/clock', { advance_seconds: seconds });
  }

  resetClock(): Promise<ClockView> {
    return this.call('POST', '/_emulator/clock', { reset: true });
  }

  async verificationCodes(userId: string): Promise<VerificationCode[]> {
    const res = await this.call<{ codes: VerificationCode[] }>('GET', `/_emulator/verification-codes?user_id=${encodeURIComponent(userId)}`);
    return res.codes;
  }

  /** A signed-in console cookie for `userId`, to skip the login form where it is not under test. */
  consoleSession(userId: string): Promise<ConsoleSession> {
    return this.call('POST', '/_emulator/console-sessions', { user_id: userId });
  }

  async requests(limit = 1000): Promise<JournalEntry[]> {
    const res = await this.call<JournalEntry[] | { requests?: JournalEntry[]; entries?: JournalEntry[] }>('GET', `/_emulator/requests?limit=${limit}`);
    if (Array.isArray(res)) return res;
    const list = res.requests ?? res.entries;
    if (!list) throw new Error(`E2E_CONTROL: GET /_emulator/requests answered no list: ${JSON.stringify(res).slice(0, 300)}`);
    return list;
  }
}

/** The tenant's project named after `region` (its main project there). */
export function regionProject(tenant: Tenant, region: string): { id: string; name: string; region: string } {
  const project = tenant.projects.find((p) => p.name === region && p.region === region);
  if (!project) throw new Error(`E2E_NO_PROJECT: the tenant has no main project in ${region}`);
  return project;
}
