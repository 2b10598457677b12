/**
 * `createIamHandlers` options: several base URLs, the seeded credentials through the official
 * SDK, the control token, and starting from a state export (validated). The full scenario suite
 * also runs in this mode (test/scenarios/msw.test.ts).
 */
import { gzipSync } from 'node:zlib';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import '../support/sdk';
import { EmulatorClient } from '../../src/client/index';
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
      const sdk = v3(base, globalCred({ access: key.access, secret: key.secret }, seeded.account.id));
      expect(wire(await sdk.listPermanentAccessKeys(listKeys())).credentials.map((c: { access: string }) => c.access)).toEqual([key.access]);
    }
    expect(iam.baseUrl).toBe(DEFAULT_BASE_URL);
    expect((await new EmulatorClient('http://iam.test:9999').health()).status).toBe('ok');
    expect(iam.runtime.journal.list().map((e) => e.path)).toContain('/v3.0/OS-CREDENTIAL/credentials');
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
    expect((await second.client.listTenants()).map((x) => x.domain.name).sort()).toEqual(['carried', 'iam-testbed']);
    const sdk = v3(second.baseUrl, globalCred(t.iam_user.access_key, t.domain.id));
    expect(wire(await sdk.listPermanentAccessKeys(listKeys())).credentials).toHaveLength(1);
    expect(() => createIamHandlers({ importState: { ...exported, accounts: 'none' } })).toThrow(/importState was refused: .*accounts/);
  });

  it('refuses a compressed body (415) like the server, before its size or signature', async () => {
    const iam = createIamHandlers();
    listen(iam);
    const res = await fetch(`${DEFAULT_BASE_URL}/v3/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync('{}') });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error_code: 'IAMTB.0415', error_msg: 'Content-Encoding gzip is not supported: send the body uncompressed.', request_id: res.headers.get('x-request-id') });
  });
});
