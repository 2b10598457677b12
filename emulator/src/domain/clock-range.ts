/**
 * @module domain/clock-range
 * The instants the emulator clock may be set or advanced to. Every time the emulator shows is
 * RFC 3339 with a four-digit year, and the furthest it computes ahead of the clock is 24 hours
 * (Keystone tokens, temporary keys up to `duration_seconds` 86400, OIDC id tokens, console
 * sessions). So the clock stays from the Unix epoch to one day before the end of year 9999: an
 * expiry computed at the latest instant is still in 9999, with a day to spare for a running clock
 * (at 9999-12-31 a token used to expire at `+010000-…`, which no client parses).
 */

/** 1970-01-01T00:00:00Z: nothing the emulator stores predates the epoch. */
export const CLOCK_MIN_MS = 0;

/** 9999-12-30T00:00:00Z. */
export const CLOCK_MAX_MS = Date.UTC(9999, 11, 30);

/** The furthest ahead of the clock any stored or shown time is computed (24 h). */
export const CLOCK_HORIZON_SECONDS = 86_400;

export const CLOCK_RANGE_TEXT = 'from 1970-01-01T00:00:00Z to 9999-12-30T00:00:00Z';

export const inClockRange = (ms: number) =>
  Number.isFinite(ms) && ms >= CLOCK_MIN_MS && ms <= CLOCK_MAX_MS;
