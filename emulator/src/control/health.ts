/**
 * @module control/health
 * `GET|HEAD /_emulator/health` → `{"status":"ok","version","uptime_s"}`: cheap, no store access.
 * `GET|HEAD /_emulator/ready` → 200 `{"status":"ready"}` once the store is loaded and seeded,
 * 503 `{"status":"starting"}` before (the server answers that itself while starting, see
 * control/starting.ts). Both answer without `--control-token` (`openToHealthChecks`): a Docker
 * HEALTHCHECK or a load balancer has no token, and nothing here is secret. The Origin check (and,
 * without a token, the Host check) still applies.
 */
import { json, type ControlRoute } from '../http/api.js';
import type { HealthView, ReadyView } from './wire.js';

export const healthRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/_emulator/health',
    operation: 'emulatorHealth',
    family: 'control',
    auth: 'none',
    control: true,
    openToHealthChecks: true,
    handler(_req, ctx) {
      const uptime = Math.floor((ctx.rt.wallClock.now() - ctx.rt.startedAt) / 1000);
      const body: HealthView = { status: 'ok', version: ctx.rt.version, uptime_s: uptime };
      return json(200, body);
    },
  },
  {
    method: 'GET',
    path: '/_emulator/ready',
    operation: 'emulatorReady',
    family: 'control',
    auth: 'none',
    control: true,
    openToHealthChecks: true,
    handler(_req, ctx) {
      const body: ReadyView = { status: ctx.rt.ready ? 'ready' : 'starting' };
      return json(
        ctx.rt.ready ? 200 : 503,
        body,
        ctx.rt.ready ? undefined : { 'Retry-After': '1' },
      );
    },
  },
];
