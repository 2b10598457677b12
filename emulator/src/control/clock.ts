/**
 * @module control/clock
 * `GET /_emulator/clock` → `{"now","offset_seconds","frozen"}`; `POST /_emulator/clock` with
 * exactly one of `{"advance_seconds":n}`, `{"set":"<ISO time>"}`, `{"frozen":true|false}`,
 * `{"reset":true}` → the new reading. It moves the emulator clock every expiry reads: temporary
 * keys, tokens, id tokens, AK lock-outs, verification codes and console sessions. Signatures are
 * still checked against the wall clock, so moving time never breaks a correctly signed request.
 */
import type { Clock } from '../domain/clock.js';
import { IamError } from '../domain/errors.js';
import { json, type Route } from '../http/api.js';
import type { Runtime } from '../runtime.js';
import { invalid, readObject } from './params.js';
import type { ClockView } from './wire.js';

/** What `ManualClock` offers; an injected clock without it cannot be moved (409). */
export interface ControllableClock extends Clock {
  advance(seconds: number): void;
  set(ms: number): void;
  freeze(): void;
  unfreeze(): void;
  reset(): void;
  readonly frozen: boolean;
}

export function isControllable(clock: Clock): clock is ControllableClock {
  const c = clock as Partial<ControllableClock>;
  return ['advance', 'set', 'freeze', 'unfreeze', 'reset'].every((m) => typeof c[m as keyof ControllableClock] === 'function');
}

/** ±100 years: enough for any TTL, and far from Date's limits. */
const MAX_SECONDS = 100 * 365 * 24 * 3600;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CHANGES = ['advance_seconds', 'set', 'frozen', 'reset'];
const ONE_OF = 'Send exactly one of {"advance_seconds": n}, {"set": "<ISO time>"}, {"frozen": true|false}, {"reset": true}.';

export function clockView(rt: Runtime): ClockView {
  const now = rt.clock.now();
  return {
    now: new Date(now).toISOString(),
    offset_seconds: Math.round(now - rt.wallClock.now()) / 1000,
    frozen: isControllable(rt.clock) ? rt.clock.frozen : false,
  };
}

function apply(clock: ControllableClock, key: string, value: unknown): void {
  switch (key) {
    case 'advance_seconds':
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_SECONDS) throw invalid(key, `must be a number of seconds (negative goes back), at most ${MAX_SECONDS} either way.`);
      return clock.advance(value);
    case 'set': {
      const ms = typeof value === 'string' && ISO_RE.test(value) ? Date.parse(value) : Number.NaN;
      if (!Number.isFinite(ms)) throw invalid(key, 'must be an ISO 8601 time with a zone, e.g. "2030-01-02T03:04:05Z".');
      return clock.set(ms);
    }
    case 'frozen':
      if (typeof value !== 'boolean') throw invalid(key, 'must be true (stop time) or false (let it run).');
      return value ? clock.freeze() : clock.unfreeze();
    default:
      if (value !== true) throw invalid(key, 'must be true (back to the wall clock, running).');
      return clock.reset();
  }
}

export const clockRoutes: Route[] = [
  {
    method: 'GET',
    path: '/_emulator/clock',
    operation: 'emulatorGetClock',
    family: 'control',
    auth: 'none',
    control: true,
    handler: (_req, ctx) => json(200, clockView(ctx.rt)),
  },
  {
    method: 'POST',
    path: '/_emulator/clock',
    operation: 'emulatorSetClock',
    family: 'control',
    auth: 'none',
    control: true,
    handler(req, ctx) {
      const body = readObject(req);
      const keys = Object.keys(body);
      const [key] = keys;
      if (keys.length !== 1 || key === undefined || !CHANGES.includes(key)) throw invalid(keys.join(', ') || '(body)', ONE_OF);
      if (!isControllable(ctx.rt.clock)) throw new IamError('CONTROL_CLOCK_FIXED');
      apply(ctx.rt.clock, key, body[key]);
      const view = clockView(ctx.rt);
      ctx.note({ clock: view.now });
      return json(200, view);
    },
  },
];
