/**
 * @module control/health
 * `GET|HEAD /_emulator/health` → `{"status":"ok","version","uptime_s"}`: cheap, no store access.
 */
import { json, type Route } from '../http/api.js';

export const healthRoutes: Route[] = [
  {
    method: 'GET',
    path: '/_emulator/health',
    operation: 'emulatorHealth',
    family: 'control',
    auth: 'none',
    control: true,
    handler(_req, ctx) {
      const uptime = Math.floor((ctx.rt.wallClock.now() - ctx.rt.startedAt) / 1000);
      return json(200, { status: 'ok', version: ctx.rt.version, uptime_s: uptime });
    },
  },
];
