/**
 * @module domain/clock
 * The emulator's one source of time. Every expiry (temporary keys, tokens, id tokens, AK
 * lock-outs) reads `Clock.now()`; nothing in the domain calls `Date.now()` directly, so the
 * control plane (issue 5) and tests can move time.
 *
 * Signature date skew is the one exception: clients sign with their real wall clock, so
 * `X-Sdk-Date` is compared with a separate wall clock (see http/auth). Moving the emulator clock
 * therefore never makes correctly signed requests fail.
 */

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** The machine's clock. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

export interface ManualClockOptions {
  /** Start frozen (time stands still until advanced or set). @default true */
  frozen?: boolean;
  /** Where running time comes from. @default Date.now */
  wall?: () => number;
}

/**
 * A clock that can be set, advanced and frozen. Frozen, it stands still; running, it follows the
 * wall clock plus an offset. `new ManualClock(ms)` is frozen at `ms` (unit tests);
 * `new ManualClock(undefined, { frozen: false })` runs with the wall clock (the server default, so
 * the control plane can move it later).
 *
 * @example
 * const clock = new ManualClock(Date.parse('2024-01-02T03:04:05Z'));
 * clock.advance(900); // 15 minutes later
 */
export class ManualClock implements Clock {
  private readonly wall: () => number;
  private offsetMs = 0;
  private frozenAtMs: number | null;

  constructor(startMs?: number, options: ManualClockOptions = {}) {
    this.wall = options.wall ?? Date.now;
    const start = startMs ?? this.wall();
    if (options.frozen ?? true) {
      this.frozenAtMs = start;
    } else {
      this.frozenAtMs = null;
      this.offsetMs = start - this.wall();
    }
  }

  now(): number {
    return this.frozenAtMs ?? this.wall() + this.offsetMs;
  }

  /** Moves time forward (or back, with a negative value) by `seconds`. */
  advance(seconds: number): void {
    assertFinite(seconds, 'advance(seconds)');
    if (this.frozenAtMs !== null) this.frozenAtMs += seconds * 1000;
    else this.offsetMs += seconds * 1000;
  }

  /** Jumps to `ms` since the epoch; a running clock keeps running from there. */
  set(ms: number): void {
    assertFinite(ms, 'set(ms)');
    if (this.frozenAtMs !== null) this.frozenAtMs = ms;
    else this.offsetMs = ms - this.wall();
  }

  /** Stops time at the current instant. */
  freeze(): void {
    if (this.frozenAtMs === null) this.frozenAtMs = this.now();
  }

  /** Lets time run again from the instant it was frozen at. */
  unfreeze(): void {
    if (this.frozenAtMs === null) return;
    this.offsetMs = this.frozenAtMs - this.wall();
    this.frozenAtMs = null;
  }

  /** Back to the wall clock, running. */
  reset(): void {
    this.offsetMs = 0;
    this.frozenAtMs = null;
  }

  get frozen(): boolean {
    return this.frozenAtMs !== null;
  }

  /** How far this clock is from the wall clock, in seconds. */
  get offsetSeconds(): number {
    return (this.now() - this.wall()) / 1000;
  }
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`ManualClock.${what}: expected a finite number, got ${value}`);
}
