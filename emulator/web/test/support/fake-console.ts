/**
 * @module A stand-in for the console API at the fetch boundary (msw), holding just enough state
 * for the pages' flows: keys with a quota, protection codes, the once-only download ticket,
 * temporary keys, settings. It checks the CSRF header so the client is held to the contract.
 * The server's real rules are tested against the emulator itself (test/console-api.test.ts).
 */
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import type {
  AccessKeyRow,
  ApiCredentialInfo,
  ConsoleUser,
  ProjectRow,
  ProtectionInfo,
  SecuritySettings,
  TemporaryKey,
  Verification,
} from '../../src/api/contract';

export const CSRF = 'csrf-token-for-tests';
export const API = 'http://localhost:3000/console-api';

export const USERS: Record<'admin' | 'iam' | 'federated', ConsoleUser> = {
  admin: {
    id: 'a'.repeat(32),
    name: 'acme',
    kind: 'admin',
    domain: { id: 'd'.repeat(32), name: 'acme' },
  },
  iam: {
    id: '0123456789abcdef0123456789abcdef',
    name: 'dev-user',
    kind: 'iam_user',
    domain: { id: 'd'.repeat(32), name: 'acme' },
  },
  federated: {
    id: 'f'.repeat(32),
    name: 'fed-alice',
    kind: 'federated',
    domain: { id: 'd'.repeat(32), name: 'acme' },
  },
};

const region = (id: string, en: string, zh: string) => ({ id, name: { 'en-us': en, 'zh-cn': zh } });
const BJ4 = region('cn-north-4', 'CN North-Beijing4', '华北-北京四');
const SH1 = region('cn-east-3', 'CN East-Shanghai1', '华东-上海一');
const HK = region('ap-southeast-1', 'CN-Hong Kong', '中国-香港');

export const PROJECTS: ProjectRow[] = [
  { id: '11111111111111111111111111111111', name: 'cn-north-4', region: BJ4, parent_id: null },
  {
    id: '22222222222222222222222222222222',
    name: 'cn-north-4_billing',
    region: BJ4,
    parent_id: '11111111111111111111111111111111',
  },
  { id: '33333333333333333333333333333333', name: 'cn-east-3', region: SH1, parent_id: null },
  { id: '44444444444444444444444444444444', name: 'ap-southeast-1', region: HK, parent_id: null },
];

export interface FakeState {
  user: ConsoleUser;
  authenticated: boolean;
  keys: AccessKeyRow[];
  manage: { allowed: boolean; reason?: 'admin_only' | 'federated' };
  protection: ProtectionInfo;
  /** Codes "sent", by channel; a code works once. */
  codes: Map<string, string>;
  tickets: Map<string, { used: boolean; csv: string }>;
  settings: SecuritySettings;
  password: string;
  failNext?: { status: number; error_code: string; error_msg: string };
  calls: string[];
}

export function initialState(user: ConsoleUser = USERS.iam): FakeState {
  return {
    user,
    authenticated: true,
    keys: [],
    manage: user.kind === 'federated' ? { allowed: false, reason: 'federated' } : { allowed: true },
    protection: { required: false, options: [] },
    codes: new Map(),
    tickets: new Map(),
    settings: {
      operation_protection: false,
      verifier: 'self',
      scene: '',
      mobile: '',
      email: '',
      allow_user_manage_accesskey: true,
    },
    password: 'Passw0rd!',
    calls: [],
  };
}

const error = (status: number, error_code: string, error_msg: string) =>
  HttpResponse.json({ error_code, error_msg }, { status });

function verificationProblem(state: FakeState, verification: Verification | undefined) {
  if (!state.protection.required) return null;
  if (!verification)
    return error(
      403,
      'CONSOLE.VERIFICATION_REQUIRED',
      'operation protection requires verification',
    );
  const ok =
    verification.channel === 'password'
      ? verification.password === state.password
      : state.codes.get(verification.channel) === verification.code;
  if (verification.channel !== 'password') state.codes.delete(verification.channel);
  return ok
    ? null
    : error(403, 'CONSOLE.VERIFICATION_FAILED', 'the verification code is wrong or expired');
}

let serial = 0;

/** msw server over `state`; mutate `state` in a test to set up a case. */
export function fakeConsole(state: FakeState) {
  const guard = async (request: Request): Promise<Response | null> => {
    state.calls.push(`${request.method} ${new URL(request.url).pathname}`);
    if (request.method !== 'GET' && request.headers.get('x-console-csrf') !== CSRF)
      return error(403, 'CONSOLE.CSRF', 'missing CSRF token');
    if (state.failNext) {
      const f = state.failNext;
      delete state.failNext;
      return error(f.status, f.error_code, f.error_msg);
    }
    return null;
  };
  const json = (body: JsonBodyType, status = 200) => HttpResponse.json(body, { status });

  return setupServer(
    http.get(`${API}/session`, () =>
      json(
        state.authenticated
          ? {
              authenticated: true,
              csrf_token: CSRF,
              user: state.user,
              expires_at: '2030-01-01T00:00:00Z',
              regions: [BJ4, SH1, HK],
            }
          : { authenticated: false, csrf_token: CSRF },
      ),
    ),
    http.post(`${API}/login`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      const body = (await request.json()) as Record<string, string>;
      if (body.password !== state.password)
        return error(401, 'CONSOLE.BAD_LOGIN', 'IAM.0062 Incorrect password.');
      state.authenticated = true;
      return json({ authenticated: true, csrf_token: CSRF, user: state.user });
    }),
    http.post(`${API}/login/federated`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      state.authenticated = true;
      state.user = USERS.federated;
      return json({ authenticated: true, csrf_token: CSRF, user: state.user });
    }),
    http.post(`${API}/logout`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      state.authenticated = false;
      return json({});
    }),
    http.get(`${API}/api-credential`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      const info: ApiCredentialInfo = {
        user: { id: state.user.id, name: state.user.name },
        domain: state.user.domain,
        projects: PROJECTS,
      };
      return json(info);
    }),
    http.get(`${API}/access-keys`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      return json({
        access_keys: state.keys,
        quota: 2,
        manage: state.manage,
        protection: state.protection,
      });
    }),
    http.post(`${API}/verification-codes`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      const { channel } = (await request.json()) as { channel: string };
      state.codes.set(channel, String(100000 + ++serial));
      const destination = state.protection.options.find((o) => o.channel === channel)?.destination;
      return json({
        channel,
        ...(destination ? { destination } : {}),
        expires_at: '2030-01-01T00:05:00Z',
      });
    }),
    http.post(`${API}/access-keys`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      const body = (await request.json()) as { description: string; verification?: Verification };
      const refused = verificationProblem(state, body.verification);
      if (refused) return refused;
      if (state.keys.length >= 2) return error(400, 'akSkNumExceed', 'akSkNumExceed');
      const access = `EMUP${String(++serial).padStart(16, '0')}`;
      const secret = `Emu${'s'.repeat(36)}${serial % 10}`;
      const row: AccessKeyRow = {
        access,
        description: body.description,
        status: 'active',
        create_time: '2026-11-23T01:02:03.000000Z',
        last_use_time: '2026-11-23T01:02:03.000000Z',
      };
      state.keys.push(row);
      const ticket = `ticket-${serial}`;
      state.tickets.set(ticket, {
        used: false,
        csv: `User Name,Access Key Id,Secret Access Key\n${state.user.name},${access},${secret}\n`,
      });
      return json(
        { access_key: row, secret, user_name: state.user.name, download_ticket: ticket },
        201,
      );
    }),
    http.post(`${API}/access-keys/download`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      const { ticket } = (await request.json()) as { ticket: string };
      const entry = state.tickets.get(ticket);
      if (!entry || entry.used)
        return error(410, 'CONSOLE.DOWNLOAD_USED', 'credentials.csv was already downloaded');
      entry.used = true;
      return new HttpResponse(entry.csv, { headers: { 'content-type': 'text/csv' } });
    }),
    http.put(`${API}/access-keys/:ak`, async ({ request, params }) => {
      const stop = await guard(request);
      if (stop) return stop;
      const body = (await request.json()) as {
        status?: 'active' | 'inactive';
        verification?: Verification;
      };
      const refused = verificationProblem(state, body.verification);
      if (refused) return refused;
      const row = state.keys.find((k) => k.access === params.ak);
      if (!row) return error(404, 'IAM.0004', 'Could not find credential');
      if (body.status) row.status = body.status;
      return json(row);
    }),
    http.delete(`${API}/access-keys/:ak`, async ({ request, params }) => {
      const stop = await guard(request);
      if (stop) return stop;
      const body = (await request.json()) as { verification?: Verification };
      const refused = verificationProblem(state, body.verification);
      if (refused) return refused;
      state.keys = state.keys.filter((k) => k.access !== params.ak);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${API}/temporary-access-keys`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      const { duration_seconds } = (await request.json()) as { duration_seconds: number };
      const key: TemporaryKey = {
        access: `EMUT${String(++serial).padStart(16, '0')}`,
        secret: `Emu${'t'.repeat(37)}`,
        securitytoken: `EMUSTS${'x'.repeat(20)}${serial}`,
        expires_at: new Date(Date.UTC(2030, 0, 1) + duration_seconds * 1000).toISOString(),
      };
      return json(key, 201);
    }),
    http.get(`${API}/security-settings`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      return json(state.settings);
    }),
    http.put(`${API}/security-settings`, async ({ request }) => {
      const stop = await guard(request);
      if (stop) return stop;
      state.settings = (await request.json()) as SecuritySettings;
      return json(state.settings);
    }),
  );
}
