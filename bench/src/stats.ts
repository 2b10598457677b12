/**
 * @module stats
 * Medians, spreads and percentiles. Every figure in the report is "median (min–max)" over runs,
 * and every comparison is a ratio of two figures taken in the same round of the same sitting.
 */

/** The median and spread of one figure over several runs. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** how many runs it summarises */
  n: number;
}

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * The value at quantile `q` (0–1), interpolating linearly between neighbours.
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = s[lo] ?? Number.NaN;
  const b = s[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Median and min–max of the finite values (NaN runs are left out and not counted). */
export function summarize(values: readonly number[]): Summary {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const s = sorted(finite);
  return {
    median: quantile(s, 0.5),
    min: s[0] ?? Number.NaN,
    max: s[s.length - 1] ?? Number.NaN,
    n: s.length,
  };
}

/**
 * Ratios of paired runs (`a[i] / b[i]`: run i of both was taken in the same round), summarised.
 * Pairing cancels most of the drift of a shared machine between rounds.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): Summary {
  const n = Math.min(a.length, b.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) ratios.push((a[i] ?? Number.NaN) / (b[i] ?? Number.NaN));
  return summarize(ratios);
}

/** Latency percentiles of one run, in milliseconds. */
export interface LatencyStats {
  p50: number;
  p99: number;
  mean: number;
  max: number;
  samples: number;
}

export function latencyStats(ms: readonly number[]): LatencyStats {
  const s = sorted(ms);
  return {
    p50: quantile(s, 0.5),
    p99: quantile(s, 0.99),
    mean: mean(s),
    max: s[s.length - 1] ?? Number.NaN,
    samples: s.length,
  };
}
