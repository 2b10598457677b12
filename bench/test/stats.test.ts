import { describe, expect, it } from 'vitest';
import { latencyStats, pairedRatio, quantile, summarize } from '../src/stats.js';

describe('stats', () => {
  it('interpolates quantiles between neighbours', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.99)).toBeCloseTo(4.96);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises runs as median and min–max, leaving failed (NaN) runs out', () => {
    expect(summarize([3, Number.NaN, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
    expect(summarize([Number.NaN]).n).toBe(0);
  });

  it('pairs ratios by round before summarising', () => {
    // Round 2 is twice as fast for both sides: the paired ratio stays 0.5 in every round.
    expect(pairedRatio([50, 100, 60], [100, 200, 120])).toEqual({
      median: 0.5,
      min: 0.5,
      max: 0.5,
      n: 3,
    });
    expect(pairedRatio([1, 2], [1]).n).toBe(1);
  });

  it('gives per-run latency percentiles', () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(latencyStats(ms)).toMatchObject({ p50: 50.5, mean: 50.5, max: 100, samples: 100 });
    expect(latencyStats(ms).p99).toBeCloseTo(99.01);
  });
});
