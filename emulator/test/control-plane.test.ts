/**
 * The minimal control plane (issue 4 "Store, process and CLI"): health, tenants and the refusal
 * of browser origins (docs/reference/emulator-anchors.md §7.1).
 */
import { describe, expect, it } from 'vitest';
import { v3As } from './support/clients';
import { STORE_MODES, useEmulator } from './support/emulator';
import { expectHuaweiError } from './support/http-expect';
import { NOT_FOUND_STATUS } from './support/huawei-errors';
import { raw } from './support/raw';
import { listKeys, passwordToken } from './support/requests';
import { wire } from './support/sdk';
import { expectSdkClientError } from './support/sdk-error';
import { ACCESS_KEY_SHAPE, HEX32, SECRET_KEY_SHAPE } from './support/shapes';
import { regionsOf } from './support/tenant';

const userShape = {
  id: expect.stringMatching(HEX32),
  name: expect.stringMatching(/\S/),
  password: expect.stringMatching(/\S{8,}/),
  access_key: {
    access: expect.stringMatching(ACCESS_KEY_SHAPE),
    secret: expect.stringMatching(SECRET_KEY_SHAPE),
  },
};

describe.each(STORE_MODES)('control plane [%s store]', (mode) => {
  const emu = useEmulator(mode);

  it('answers GET and HEAD /_emulator/health with 200', async () => {
    const get = await raw(emu().url, { method: 'GET', path: '/_emulator/health' });
    expect(get.status, get.text).toBe(200);
    expect(get.requestId).toMatch(/\S/);
    const head = await raw(emu().url, { method: 'HEAD', path: '/_emulator/health' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('creates a tenant with 201 in the documented shape', async () => {
    const res = await raw(emu().url, { method: 'POST', path: '/_emulator/tenants', body: {} });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toEqual({
      domain: { id: expect.stringMatching(HEX32), name: expect.stringMatching(/\S/) },
      admin: userShape,
      iam_user: userShape,
      federated_user: {
        id: expect.stringMatching(/\S/),
        name: expect.stringMatching(/\S/),
        idp_id: expect.stringMatching(/\S/),
        id_token: expect.stringMatching(/\S{16,}/),
      },
      projects: expect.arrayContaining([
        { id: expect.stringMatching(HEX32), name: expect.any(String), region: expect.any(String) },
      ]),
    });
    // Region projects are named after their region; sub-projects are `<region>_<name>` (docs/reference/huawei-iam-api.md §4.1).
    for (const p of res.json.projects)
      expect(p.name === p.region || p.name.startsWith(`${p.region}_`), p.name).toBe(true);
    expect(
      res.json.projects.some((p: { name: string; region: string }) => p.name === p.region),
    ).toBe(true);
    expect(res.json.admin.id).not.toBe(res.json.iam_user.id);
  });

  it('honours name, regions and operation_protection, and refuses bad ones with a 4xx', async () => {
    const name = `acme${Date.now().toString(36)}${mode}`;
    const t = await emu().tenant({
      name,
      regions: ['cn-north-4', 'eu-west-101'],
      operation_protection: true,
    });
    expect(t.domain.name).toBe(name);
    expect(regionsOf(t)).toEqual(['cn-north-4', 'eu-west-101']);
    const dup = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/tenants',
      body: { name },
    });
    expect(dup.status, dup.text).toBe(409);
    const badRegion = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/tenants',
      body: { regions: ['xx-nowhere-9'] },
    });
    expectHuaweiError(badRegion, 400, {
      error_code: 'IAMTB.0002',
      error_msg: expect.stringContaining('regions'),
    });
    const notJson = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/tenants',
      body: '{oops',
    });
    expectHuaweiError(notJson, 400, {
      error_code: 'IAMTB.0003',
      error_msg: expect.stringMatching(/^Request body is invalid/),
    });
  });

  it("isolates tenants: one account's credentials cannot read or log into another", async () => {
    const a = await emu().tenant();
    const b = await emu().tenant();
    expect(a.domain.id).not.toBe(b.domain.id);
    expect(a.iam_user.access_key.access).not.toBe(b.iam_user.access_key.access);
    const asA = v3As(emu().url, a, a.admin);
    await expectSdkClientError(
      asA.listPermanentAccessKeys(listKeys(b.iam_user.id)),
      NOT_FOUND_STATUS,
    );
    await expectSdkClientError(
      asA.keystoneCreateUserTokenByPassword(
        passwordToken(b.domain.name, b.iam_user.name, a.iam_user.password),
      ),
      401,
    );
    const own = wire(await v3As(emu().url, b, b.iam_user).listPermanentAccessKeys(listKeys()));
    expect(own.credentials.map((c: { access: string }) => c.access)).toEqual([
      b.iam_user.access_key.access,
    ]);
  });

  it('refuses control-plane calls carrying a foreign browser Origin with 403 IAMTB.0001', async () => {
    const origin = 'http://evil.example';
    const post = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/tenants',
      body: {},
      headers: { Origin: origin },
    });
    expectHuaweiError(post, 403, {
      error_code: 'IAMTB.0001',
      error_msg: expect.stringContaining(origin),
    });
    const health = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/health',
      headers: { Origin: origin },
    });
    expect(health.status).toBe(403);
    const own = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/health',
      headers: { Origin: emu().url },
    });
    expect(own.status, own.text).toBe(200);
  });
});
