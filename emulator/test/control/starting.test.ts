/**
 * Readiness: while the server starts (listening, store not yet loaded or seeded) health is 200,
 * `/_emulator/ready` 503 and everything else 503 IAMTB.0010 with Retry-After; once ready, 200.
 * The starting answers are framework-neutral (control/starting.ts), so they are checked directly.
 */
import { describe, expect, it } from 'vitest';
import { startingResponse } from '../../src/control/starting';
import { inProcess } from '../../src/testing/in-process';
import { raw } from '../support/raw';
import { useControlEmulator } from './harness';

const info = { version: '9.9.9', startedAt: 1_000, now: 4_500 };

describe('readiness', () => {
  it('answers health 200, ready 503 and every other request 503 IAMTB.0010 while starting', () => {
    expect(startingResponse('GET', '/_emulator/health', info)).toEqual({
      status: 200,
      body: { status: 'ok', version: '9.9.9', uptime_s: 3 },
    });
    expect(startingResponse('HEAD', '/_emulator/health', info)).toEqual({
      status: 200,
      body: undefined,
    });
    expect(startingResponse('GET', '/_emulator/ready?x=1', info)).toEqual({
      status: 503,
      body: { status: 'starting' },
      headers: { 'Retry-After': '1' },
    });
    const other = startingResponse('POST', '/v3.0/OS-CREDENTIAL/credentials', info);
    expect(other).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    expect(other.body).toEqual({
      error_code: 'IAMTB.0010',
      error_msg: expect.stringContaining('GET /_emulator/ready'),
    });
  });

  it('the ready route follows the runtime: 503 until the store is seeded', async () => {
    const app = inProcess();
    app.rt.ready = false;
    const starting = await app.send({ method: 'GET', url: '/_emulator/ready' });
    expect(starting).toMatchObject({
      status: 503,
      body: { status: 'starting' },
      headers: { 'Retry-After': '1' },
    });
    app.rt.ready = true;
    expect(await app.send({ method: 'GET', url: '/_emulator/ready' })).toMatchObject({
      status: 200,
      body: { status: 'ready' },
    });
  });

  describe('a started server', () => {
    const emu = useControlEmulator();

    it('is ready, and health carries version and uptime (GET and HEAD)', async () => {
      const ready = await raw(emu().url, { method: 'GET', path: '/_emulator/ready' });
      expect(ready.status).toBe(200);
      expect(ready.json).toEqual({ status: 'ready' });
      expect((await raw(emu().url, { method: 'HEAD', path: '/_emulator/ready' })).status).toBe(200);
      const health = await raw(emu().url, { method: 'GET', path: '/_emulator/health' });
      expect(health.json).toEqual({ status: 'ok', version: '0.1.0', uptime_s: expect.any(Number) });
      expect(health.json.uptime_s).toBeGreaterThanOrEqual(0);
      const unknown = await raw(emu().url, { method: 'GET', path: '/_emulator/nothing-here' });
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual({
        error_code: 'IAMTB.0012',
        error_msg: expect.stringContaining('/_emulator/openapi.json'),
      });
    });
  });
});
