/**
 * Bad input to the control plane changes nothing and says how to fix it (issue "Every bad input
 * gets a clear error and changes nothing"): tenant parameters of reset, strict query parameters,
 * impossible clock dates, and the health checks that must work without the control token.
 */
import { describe, expect, it } from 'vitest';
import { raw } from '../support/raw';
import { T0, useControlEmulator } from './harness';

const DOMAIN = '0123456789abcdef0123456789abcdef';

describe('control-plane input', () => {
  const emu = useControlEmulator();
  const state = async () =>
    (await raw(emu().url, { method: 'GET', path: '/_emulator/state' })).text;

  it('refuses a bad tenant parameter of reset with 400 IAMTB.0002 and resets nothing', async () => {
    const t = await emu().client.createTenant();
    const before = await state();
    const bad: Array<[string, string]> = [
      ['domain_id=', 'domain_id'],
      ['domain_id', 'domain_id'],
      [`domain_id[]=${t.domain.id}`, 'domain_id[]'],
      [`domainid=${t.domain.id}`, 'domainid'],
      [`domain_id=${t.domain.id}&domain_id=${t.domain.id}`, 'domain_id'],
      ['domain_id=%20', 'domain_id'],
      ['domain_id=not-hex', 'domain_id'],
      ['domain_id=%zz', 'domain_id'],
    ];
    for (const [query, name] of bad) {
      const res = await raw(emu().url, { method: 'POST', path: `/_emulator/reset?${query}` });
      expect(res.status, query).toBe(400);
      expect(res.json, query).toEqual({
        error_code: 'IAMTB.0002',
        error_msg: expect.stringContaining(`'${name}'`),
      });
      expect(res.headers['x-iam-testbed-hint'], query).toMatch(/\S/);
    }
    const near = await raw(emu().url, {
      method: 'POST',
      path: `/_emulator/reset?domainid=${t.domain.id}`,
    });
    expect(near.json.error_msg).toContain('domain_id');
    expect(await state()).toBe(before);
    expect((await emu().client.listTenants()).map((x) => x.domain.id)).toContain(t.domain.id);
  });

  it('refuses unknown, repeated, empty and malformed query parameters on every control route', async () => {
    const cases: Array<[string, string, string]> = [
      ['GET', '/_emulator/requests?limit=0', 'limit'],
      ['GET', '/_emulator/requests?limit=', 'limit'],
      ['GET', '/_emulator/requests?limit=1&limit=2', 'limit'],
      ['GET', '/_emulator/requests?since=-1', 'since'],
      ['GET', '/_emulator/requests?control=yes', 'control'],
      ['GET', '/_emulator/requests?control=', 'control'],
      ['GET', '/_emulator/requests?contrl=true', 'contrl'],
      ['GET', '/_emulator/verification-codes?user_id=', 'user_id'],
      ['GET', '/_emulator/verification-codes?userid=x', 'userid'],
      ['GET', '/_emulator/tenants?all=1', 'all'],
      ['GET', '/_emulator/clock?x=1', 'x'],
      ['POST', '/_emulator/clock?advance_seconds=60', 'advance_seconds'],
      ['GET', '/_emulator/faults?id=f1', 'id'],
      ['GET', '/_emulator/state?pretty', 'pretty'],
      ['GET', '/_emulator/openapi.json?format=yaml', 'format'],
      ['GET', '/_emulator/health?verbose=1', 'verbose'],
    ];
    const before = await state();
    for (const [method, path, name] of cases) {
      const res = await raw(emu().url, { method, path, body: method === 'POST' ? {} : undefined });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.json, `${method} ${path}`).toEqual({
        error_code: 'IAMTB.0002',
        error_msg: expect.stringContaining(`'${name}'`),
      });
    }
    expect(await state()).toBe(before);
    expect(emu().clock.now()).toBe(T0);
  });

  it('still accepts the parameters it documents', async () => {
    expect(
      (
        await raw(emu().url, {
          method: 'GET',
          path: '/_emulator/requests?limit=1&since=0&control=true',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await raw(emu().url, {
          method: 'GET',
          path: `/_emulator/verification-codes?user_id=${DOMAIN}&domain_id=${DOMAIN}`,
        })
      ).status,
    ).toBe(200);
    const unknown = await raw(emu().url, {
      method: 'POST',
      path: `/_emulator/reset?domain_id=${DOMAIN}`,
    });
    expect(unknown.json.error_code).toBe('IAMTB.0005');
  });
});

describe('the clock accepts only real RFC 3339 times within the emulator range', () => {
  const emu = useControlEmulator();
  const set = (value: unknown) =>
    raw(emu().url, { method: 'POST', path: '/_emulator/clock', body: { set: value } });
  const advance = (value: unknown) =>
    raw(emu().url, { method: 'POST', path: '/_emulator/clock', body: { advance_seconds: value } });

  it('refuses impossible dates instead of rolling them over, and changes nothing', async () => {
    const impossible = [
      '2030-02-30T00:00:00Z',
      '2031-02-29T00:00:00Z',
      '2030-04-31T00:00:00Z',
      '2030-13-01T00:00:00Z',
      '2030-00-10T00:00:00Z',
      '2030-01-00T00:00:00Z',
      '2030-01-01T24:00:00Z',
      '2030-01-01T23:60:00Z',
      '2030-01-01T23:59:61Z',
      '2030-01-01T00:00:00+24:00',
      '2030-01-01T00:00Z',
      '2030-01-01 00:00:00Z',
      '2030-1-01T00:00:00Z',
      '+2030-01-01T00:00:00Z',
    ];
    for (const value of impossible) {
      const res = await set(value);
      expect(res.status, value).toBe(400);
      expect(res.json, value).toEqual({
        error_code: 'IAMTB.0002',
        error_msg: expect.stringContaining("'set'"),
      });
    }
    expect(emu().clock.now()).toBe(T0);
  });

  it('accepts leap days, offsets and fractions exactly', async () => {
    expect((await set('2032-02-29T12:00:00Z')).json.now).toBe('2032-02-29T12:00:00.000Z');
    expect((await set('2000-02-29T23:30:00.1239-01:30')).json.now).toBe('2000-03-01T01:00:00.123Z');
    expect((await set('2030-01-02t03:04:05z')).json.now).toBe('2030-01-02T03:04:05.000Z');
    emu().clock.set(T0);
  });

  it('refuses times outside 1970-01-01T00:00:00Z..9999-12-30T00:00:00Z, with the range in the message', async () => {
    for (const value of [
      '0000-01-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '9999-12-31T00:00:00Z',
      '9999-12-30T00:00:00.001Z',
    ]) {
      const res = await set(value);
      expect(res.status, value).toBe(400);
      expect(res.json.error_msg, value).toContain('1970-01-01T00:00:00Z');
      expect(res.json.error_msg, value).toContain('9999-12-30T00:00:00Z');
    }
    expect((await set('1970-01-01T00:00:00Z')).status).toBe(200);
    expect((await set('9999-12-30T00:00:00Z')).status).toBe(200);
    expect((await advance(1)).status).toBe(400);
    expect((await advance(-1)).status).toBe(200);
    expect((await set('1970-01-01T00:00:00Z')).status).toBe(200);
    const back = await advance(-1);
    expect(back.status).toBe(400);
    expect(back.json.error_msg).toContain("'advance_seconds'");
    expect(emu().clock.now()).toBe(0);
    emu().clock.set(T0);
  });

  it('keeps the expiry of a token issued at the latest instant in RFC 3339', async () => {
    expect((await set('9999-12-30T00:00:00Z')).status).toBe(200);
    const t = await emu().client.createTenant();
    const res = await raw(emu().url, {
      method: 'POST',
      path: '/v3/auth/tokens?nocatalog=true',
      body: {
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: t.admin.name,
                password: t.admin.password,
                domain: { name: t.domain.name },
              },
            },
          },
        },
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.token.expires_at).toBe('9999-12-31T00:00:00.000000Z');
    emu().clock.set(T0);
  });
});

describe('with --control-token, health checks need no token', () => {
  const TOKEN = 'control-token-for-health-checks';
  const emu = useControlEmulator({ controlToken: TOKEN });

  it('answers GET and HEAD /_emulator/health and /_emulator/ready without the token', async () => {
    const port = new URL(emu().url).port;
    for (const method of ['GET', 'HEAD']) {
      for (const path of ['/_emulator/health', '/_emulator/ready', '/_emulator/health/']) {
        const res = await raw(emu().url, { method, path, headers: { host: `emulator:${port}` } });
        expect(res.status, `${method} ${path}`).toBe(200);
      }
    }
    expect((await raw(emu().url, { method: 'GET', path: '/_emulator/ready' })).json).toEqual({
      status: 'ready',
    });
  });

  it('keeps requiring it everywhere else, and still refuses a foreign Origin on health', async () => {
    for (const path of [
      '/_emulator/clock',
      '/_emulator/tenants',
      '/_emulator/state',
      '/_emulator/requests',
      '/_emulator/openapi.json',
    ]) {
      const res = await raw(emu().url, { method: 'GET', path });
      expect(res.status, path).toBe(401);
      expect(res.json.error_code, path).toBe('IAMTB.0006');
    }
    const page = await raw(emu().url, {
      method: 'GET',
      path: '/_emulator/health',
      headers: { Origin: 'https://evil.example' },
    });
    expect(page.status).toBe(403);
  });
});
