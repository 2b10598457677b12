/**
 * Control-plane safety: a browser page cannot drive or read `/_emulator` (foreign Origin,
 * Sec-Fetch-Site, DNS-rebinding Host), `--control-token` is enforced (state export included),
 * the Huawei paths keep working for the browser extension's `chrome-extension://` origin, and no
 * control answer but the tenant's own creation shows a secret.
 */
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/domain/state';
import { CONTROL_ROUTES } from '../../src/http/routes/index';
import { raw } from '../support/raw';
import { secretsOf, useControlEmulator } from './harness';

const EVIL = 'http://evil.example';

/** A concrete request for each control route (path parameters filled with something). */
const concrete = (path: string) => path.replace(/:(\w+)/g, 'x');

describe('the control plane refuses browser pages', () => {
  const emu = useControlEmulator();

  it('refuses every control route with a foreign Origin (403 IAMTB.0001), changing nothing', async () => {
    const t = await emu().client.createTenant();
    const before = await emu().client.exportState();
    for (const route of CONTROL_ROUTES) {
      const res = await raw(emu().url, {
        method: route.method,
        path: concrete(route.path),
        body: {},
        headers: { Origin: EVIL },
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(res.json).toEqual({
        error_code: 'IAMTB.0001',
        error_msg: expect.stringContaining(EVIL),
      });
    }
    const nullOrigin = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/reset',
      headers: { Origin: 'null' },
    });
    expect(nullOrigin.status).toBe(403);
    expect(await emu().client.exportState()).toEqual(before);
    expect((await emu().client.listTenants()).map((x) => x.domain.id)).toContain(t.domain.id);
  });

  it('refuses cross-site fetches that carry no Origin, and accepts its own origin', async () => {
    const noCors = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/state',
      headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' },
    });
    expect(noCors.status).toBe(403);
    expect(noCors.json.error_code).toBe('IAMTB.0001');
    const own = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/clock',
      headers: { Origin: emu().url, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(own.status, own.text).toBe(200);
  });

  it('refuses a DNS-rebinding Host (403 IAMTB.0007) but accepts localhost and IPs', async () => {
    const port = new URL(emu().url).port;
    const rebound = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/state',
      headers: { host: `evil.example:${port}`, Origin: `http://evil.example:${port}` },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.json).toEqual({
      error_code: 'IAMTB.0007',
      error_msg: expect.stringContaining(`Host evil.example:${port} is refused`),
    });
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      `app.localhost:${port}`,
    ]) {
      expect(
        (await raw(emu().url, { method: 'GET', path: '/_emulator/health', headers: { host } }))
          .status,
        host,
      ).toBe(200);
    }
  });

  it('keeps the Huawei paths open to the browser extension (chrome-extension:// origin)', async () => {
    const t = await emu().client.createTenant();
    const res = await raw(emu().url, {
      method: 'GET',
      path: '/v3.0/OS-CREDENTIAL/credentials',
      headers: { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
      sign: { key: t.iam_user.access_key, domainId: t.domain.id },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.credentials).toHaveLength(1);
  });

  it("shows a tenant's secrets only in its creation answer (state export apart)", async () => {
    const t = await emu().client.createTenant({ operation_protection: true });
    await emu().client.addFaults({ match: { path: '/nowhere' }, status: 500 });
    await emu().client.createConsoleSession(t.admin.id);
    const reads = [
      '/_emulator/health',
      '/_emulator/ready',
      '/_emulator/tenants',
      '/_emulator/clock',
      '/_emulator/requests?control=true',
      '/_emulator/faults',
      '/_emulator/verification-codes',
      '/_emulator/openapi.json',
    ];
    for (const path of reads) {
      const res = await raw(emu().url, { method: 'GET', path });
      expect(res.status, path).toBe(200);
      for (const secret of secretsOf(t)) expect(res.text, path).not.toContain(secret);
      expect(res.text, path).not.toContain('scrypt$');
    }
    const reset = await raw(emu().url, {
      method: 'POST',
      path: `/_emulator/reset?domain_id=${t.domain.id}`,
    });
    for (const secret of secretsOf(t)) expect(reset.text).not.toContain(secret);
    await emu().client.clearFaults();
  });
});

describe('with --control-token', () => {
  const TOKEN = 'control-token-for-tests-123';
  const emu = useControlEmulator({ controlToken: TOKEN });

  it('requires the token on every control route but health and readiness, state export included', async () => {
    for (const route of CONTROL_ROUTES.filter((r) => !r.openToHealthChecks)) {
      const res = await raw(emu().url, {
        method: route.method,
        path: concrete(route.path),
        body: {},
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
      expect(res.json.error_code).toBe('IAMTB.0006');
    }
    const wrong = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/state',
      headers: { 'X-Iam-Testbed-Control-Token': `${TOKEN}x` },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain(TOKEN);
    const right = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/state',
      headers: { 'X-Iam-Testbed-Control-Token': TOKEN },
    });
    expect(right.status).toBe(200);
    expect(right.json.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('accepts any Host with the token (a page cannot know it), still refuses foreign Origins, and the client sends it', async () => {
    const port = new URL(emu().url).port;
    const named = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/health',
      headers: { host: `emulator:${port}`, 'X-Iam-Testbed-Control-Token': TOKEN },
    });
    expect(named.status).toBe(200);
    const page = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/health',
      headers: { Origin: EVIL, 'X-Iam-Testbed-Control-Token': TOKEN },
    });
    expect(page.status).toBe(403);
    const t = await emu().client.createTenant();
    expect((await emu().client.listTenants()).map((x) => x.domain.id)).toContain(t.domain.id);
    const huawei = await raw(emu().url, {
      method: 'GET',
      path: '/v3.0/OS-CREDENTIAL/credentials',
      sign: { key: t.admin.access_key, domainId: t.domain.id },
    });
    expect(huawei.status, huawei.text).toBe(200);
    const journal = JSON.stringify(await emu().client.requests({ control: true }));
    expect(journal).not.toContain(TOKEN);
  });
});
