/**
 * `createIamHandlers` options: several base URLs, the seeded credentials through the official
 * SDK, the control token, starting from a state export (validated), and the console API (the
 * same dispatcher serves it). The full scenario suite also runs in this mode
 * (test/scenarios/msw.test.ts).
 */
import { gzipSync } from 'node:zlib';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import '../support/sdk';
import { EmulatorClient } from '../../src/client/index';
import { ConsoleHttpClient } from '../../src/console/console-http-client';
import { createIamHandlers, DEFAULT_BASE_URL } from '../../src/msw/index';
import { globalCred, v3 } from '../support/clients';
import { listKeys } from '../support/requests';
import { wire } from '../support/sdk';

let stopServer: (() => void) | undefined;
afterEach(() => {
  stopServer?.();
  stopServer = undefined;
});

function listen(handlers: ReturnType<typeof createIamHandlers>): void {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  stopServer = () => server.close();
}

describe('createIamHandlers', () => {
  it('serves the seeded account to the official SDK on every base URL it is given', async () => {
    const iam = createIamHandlers({ baseUrl: [DEFAULT_BASE_URL, 'http://iam.test:9999'] });
    listen(iam);
    const [seeded] = iam.seeded;
    const key = seeded?.admin.keys[0];
    if (!seeded || !key) throw new Error('no seeded account');
    for (const base of [DEFAULT_BASE_URL, 'http://iam.test:9999']) {
      const sdk = v3(
        base,
        globalCred({ access: key.access, secret: key.secret }, seeded.account.id),
      );
      expect(
        wire(await sdk.listPermanentAccessKeys(listKeys())).credentials.map(
          (c: { access: string }) => c.access,
        ),
      ).toEqual([key.access]);
    }
    expect(iam.baseUrl).toBe(DEFAULT_BASE_URL);
    expect((await new EmulatorClient('http://iam.test:9999').health()).status).toBe('ok');
    expect(iam.runtime.journal.list().map((e) => e.path)).toContain(
      '/v3.0/OS-CREDENTIAL/credentials',
    );
  });

  it('requires its control token, which its own client sends', async () => {
    const iam = createIamHandlers({ controlToken: 'msw-token' });
    listen(iam);
    const anonymous = await fetch(`${DEFAULT_BASE_URL}/_emulator/tenants`);
    expect(anonymous.status).toBe(401);
    expect((await iam.client.listTenants()).map((t) => t.origin)).toEqual(['seed']);
  });

  it('starts from a state export, and refuses a bad one', async () => {
    const first = createIamHandlers({ seedRandom: 7 });
    listen(first);
    const t = await first.client.createTenant({ name: 'carried' });
    const exported = await first.client.exportState();
    stopServer?.();
    const second = createIamHandlers({ importState: exported });
    listen(second);
    expect((await second.client.listTenants()).map((x) => x.domain.name).sort()).toEqual([
      'carried',
      'iam-testbed',
    ]);
    const sdk = v3(second.baseUrl, globalCred(t.iam_user.access_key, t.domain.id));
    expect(wire(await sdk.listPermanentAccessKeys(listKeys())).credentials).toHaveLength(1);
    expect(() => createIamHandlers({ importState: { ...exported, accounts: 'none' } })).toThrow(
      /importState was refused: .*accounts/,
    );
  });

  it("serves the console API: sign-in, a key with its one-time download, the console's refusals and journal", async () => {
    const iam = createIamHandlers();
    listen(iam);
    const t = await iam.client.createTenant({ name: 'msw-console' });
    const browser = new ConsoleHttpClient(DEFAULT_BASE_URL);
    expect((await browser.login(t.domain.name, t.admin.name, t.admin.password)).status).toBe(200);
    const created = await browser.call('POST', '/access-keys', { description: 'from msw' });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const csv = await browser.call('POST', '/access-keys/download', {
      ticket: created.json.download_ticket,
    });
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.text).toContain(created.json.access_key.access);
    expect((await browser.call('GET', '/access-keys?x=1')).json.error_code).toBe(
      'CONSOLE.BAD_REQUEST',
    );
    expect((await browser.call('GET', '/no-such-call')).json).toEqual({
      error_code: 'CONSOLE.NOT_FOUND',
      error_msg: 'No console API at /no-such-call.',
    });
    expect(iam.runtime.journal.list().at(-3)).toMatchObject({
      path: '/console-api/access-keys/download',
      operation: 'console.downloadCredentials',
      console_user: t.admin.id,
      query: '',
    });
  });

  it('refuses a compressed body (415) like the server, before its size or signature', async () => {
    const iam = createIamHandlers();
    listen(iam);
    const res = await fetch(`${DEFAULT_BASE_URL}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync('{}'),
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error_code: 'IAMTB.0415',
      error_msg: 'Content-Encoding gzip is not supported: send the body uncompressed.',
      request_id: res.headers.get('x-request-id'),
    });
  });
});
