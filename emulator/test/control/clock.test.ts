/**
 * `/_emulator/clock`: reading, advancing, setting, freezing and resetting the emulator clock, the
 * refusals, and that AK lock-outs and tokens follow it (temporary keys and verification codes:
 * test/scenarios).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../support/sdk';
import { raw } from '../support/raw';
import { startServer, type RunningServer } from '../../src/server';
import { T0, useControlEmulator } from './harness';

const iso = (ms: number) => new Date(ms).toISOString();

describe('the clock endpoint', () => {
  const emu = useControlEmulator();

  it('reads and moves the frozen clock exactly', async () => {
    const { client } = emu();
    expect(await client.clock()).toEqual({
      now: iso(T0),
      offset_seconds: expect.any(Number),
      frozen: true,
    });
    expect((await client.advanceClock(3600)).now).toBe(iso(T0 + 3_600_000));
    expect((await client.advanceClock(-600)).now).toBe(iso(T0 + 3_000_000));
    expect((await client.setClock('2031-05-06T07:08:09+02:00')).now).toBe(
      '2031-05-06T05:08:09.000Z',
    );
    expect(emu().clock.now()).toBe(Date.parse('2031-05-06T05:08:09Z'));
    const running = await client.unfreezeClock();
    expect(running.frozen).toBe(false);
    expect(Date.parse(running.now)).toBeGreaterThanOrEqual(Date.parse('2031-05-06T05:08:09Z'));
    expect((await client.freezeClock()).frozen).toBe(true);
    const reset = await client.resetClock();
    expect(reset.frozen).toBe(false);
    // Back on the wall clock: within a minute of it, whatever this machine's load.
    expect(Math.abs(reset.offset_seconds)).toBeLessThan(60);
    emu().clock.set(T0);
    emu().clock.freeze();
  });

  it('refuses anything but exactly one known change, and changes nothing', async () => {
    const bad: Array<[unknown, string]> = [
      [{}, "Invalid input for field '(body)'"],
      [{ advance_seconds: 1, frozen: true }, "Invalid input for field 'advance_seconds, frozen'"],
      [{ advance_seconds: '60' }, "Invalid input for field 'advance_seconds'"],
      [{ advance_seconds: 1e12 }, "Invalid input for field 'advance_seconds'"],
      [{ set: 'tomorrow' }, "Invalid input for field 'set'"],
      [{ set: '2030-01-02T03:04:05' }, "Invalid input for field 'set'"],
      [{ frozen: 'yes' }, "Invalid input for field 'frozen'"],
      [{ reset: false }, "Invalid input for field 'reset'"],
      [{ speed: 2 }, "Invalid input for field 'speed'"],
    ];
    for (const [body, message] of bad) {
      const res = await raw(emu().url, {
        method: 'POST',
        path: '/_emulator/clock',
        body: body as object,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toEqual({
        error_code: 'IAMTB.0002',
        error_msg: expect.stringContaining(message),
      });
    }
    const notObject = await raw(emu().url, {
      method: 'POST',
      path: '/_emulator/clock',
      body: '[1]',
    });
    expect(notObject.json.error_code).toBe('IAMTB.0003');
    expect(emu().clock.now()).toBe(T0);
  });

  it('lifts an AK lock-out when the clock passes its 5 minutes', async () => {
    const t = await emu().client.createTenant();
    const key = t.iam_user.access_key;
    const call = (secret: string) =>
      raw(emu().url, {
        method: 'GET',
        path: '/v3.0/OS-CREDENTIAL/credentials',
        sign: { key: { access: key.access, secret }, domainId: t.domain.id },
      });
    for (let i = 0; i < 6; i++) expect((await call('Emu' + 'x'.repeat(37))).status).toBe(401);
    const locked = await call(key.secret);
    expect(locked.json.error_msg).toBe(
      'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.',
    );
    await emu().client.advanceClock(299);
    expect((await call(key.secret)).status).toBe(401);
    await emu().client.advanceClock(2);
    expect((await call(key.secret)).status).toBe(200);
  });

  it('expires a Keystone token after 24 hours of emulator time', async () => {
    const t = await emu().client.createTenant();
    const issued = await raw(emu().url, {
      method: 'POST',
      path: '/v3/auth/tokens',
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
    const token = String(issued.headers['x-subject-token']);
    const use = () =>
      raw(emu().url, {
        method: 'GET',
        path: '/v3/auth/projects',
        headers: { 'X-Auth-Token': token },
      });
    expect((await use()).status).toBe(200);
    await emu().client.advanceClock(24 * 3600);
    expect((await use()).json).toMatchObject({ error_code: 'APIGW.0307' });
  });
});

describe('an emulator whose injected clock cannot move', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ memory: true, clock: { now: () => T0 } });
  });
  afterAll(() => server.close());

  it('reads it but answers 409 IAMTB.0008 to a change', async () => {
    const read = await raw(server.url, { method: 'GET', path: '/_emulator/clock' });
    expect(read.json).toEqual({ now: iso(T0), offset_seconds: expect.any(Number), frozen: false });
    const move = await raw(server.url, {
      method: 'POST',
      path: '/_emulator/clock',
      body: { advance_seconds: 1 },
    });
    expect(move.status).toBe(409);
    expect(move.json.error_code).toBe('IAMTB.0008');
  });
});
