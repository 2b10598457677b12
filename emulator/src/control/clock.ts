/**
 * @module control/clock
 * `GET /_emulator/clock` → `{"now","offset_seconds","frozen"}`; `POST /_emulator/clock` with
 * exactly one of `{"advance_seconds":n}`, `{"set":"<RFC 3339 time>"}`, `{"frozen":true|false}`,
 * `{"reset":true}` → the new reading. It moves the emulator clock every expiry reads: temporary
 * keys, tokens, id tokens, AK lock-outs, verification codes and console sessions. Signatures are
 * still checked against the wall clock, so moving time never breaks a correctly signed request.
 *
 * `set` takes only real RFC 3339 date-times (domain/rfc3339.ts: `2030-02-30` is refused, not
 * rolled over to 2 March as `Date.parse` does), and `set` and `advance_seconds` alike keep the
 * clock within domain/clock-range.ts (1970 to 9999-12-30), so every expiry shown stays RFC 3339.
 */
import type { Clock } from '../domain/clock.js';
import {
  CLOCK_MAX_MS,
  CLOCK_MIN_MS,
  CLOCK_RANGE_TEXT,
  inClockRange,
} from '../domain/clock-range.js';
import { IamError } from '../domain/errors.js';
import { parseRfc3339 } from '../domain/rfc3339.js';
import { json, type ControlRoute } from '../http/api.js';
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
  return ['advance', 'set', 'freeze', 'unfreeze', 'reset'].every(
    (m) => typeof c[m as keyof ControllableClock] === 'function',
  );
}

/** One step of at most ±100 years (a typo guard); the range below bounds where it may land. */
const MAX_SECONDS = 100 * 365 * 24 * 3600;
const CHANGES = ['advance_seconds', 'set', 'frozen', 'reset'];
const ONE_OF =
  'Send exactly one of {"advance_seconds": n}, {"set": "<RFC 3339 time>"}, {"frozen": true|false}, {"reset": true}.';
const RANGE = `the emulator clock must stay ${CLOCK_RANGE_TEXT} (so every expiry it computes is still in year 9999)`;
const iso = (ms: number) => new Date(ms).toISOString();

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
    case 'advance_seconds': {
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_SECONDS)
        throw invalid(
          key,
          `must be a number of seconds (negative goes back), at most ${MAX_SECONDS} either way.`,
        );
      const now = clock.now();
      if (!inClockRange(now + value * 1000)) {
        const [back, ahead] = [
          Math.floor((now - CLOCK_MIN_MS) / 1000),
          Math.floor((CLOCK_MAX_MS - now) / 1000),
        ];
        throw invalid(key, `${RANGE}: from ${iso(now)} advance by ${-back} to ${ahead} seconds.`);
      }
      return clock.advance(value);
    }
    case 'set': {
      if (typeof value !== 'string')
        throw invalid(
          key,
          'must be an RFC 3339 date-time string with a zone, e.g. "2030-01-02T03:04:05Z".',
        );
      const parsed = parseRfc3339(value);
      if (!parsed.ok) throw invalid(key, `${parsed.problem}.`);
      if (!inClockRange(parsed.ms))
        throw invalid(key, `${RANGE}; ${value.slice(0, 40)} is outside.`);
      return clock.set(parsed.ms);
    }
    case 'frozen':
      if (typeof value !== 'boolean')
        throw invalid(key, 'must be true (stop time) or false (let it run).');
      return value ? clock.freeze() : clock.unfreeze();
    default:
      if (value !== true) throw invalid(key, 'must be true (back to the wall clock, running).');
      return clock.reset();
  }
}

export const clockRoutes: ControlRoute[] = [
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
      if (keys.length !== 1 || key === undefined || !CHANGES.includes(key))
        throw invalid(keys.join(', ') || '(body)', ONE_OF);
      if (!isControllable(ctx.rt.clock)) throw new IamError('CONTROL_CLOCK_FIXED');
      apply(ctx.rt.clock, key, body[key]);
      const view = clockView(ctx.rt);
      ctx.note({ clock: view.now });
      return json(200, view);
    },
  },
];
