/**
 * @module load/autocannon
 * Fixed-request load with autocannon (10 connections, pipelining 1): a discarded warm-up, then a
 * measured run. autocannon's own histogram keeps whole milliseconds (docs/reference/perf-anchors.md), so latencies
 * are taken from its per-response event at full resolution; the mean is also given by Little's
 * law (connections / throughput), which needs no clock at all.
 */
import autocannon from 'autocannon';
import type { Exchange } from '../http-client.js';
import { latencyStats, type LatencyStats } from '../stats.js';

export interface LoadRun {
  reqPerSec: number;
  latency: LatencyStats;
  /** connections / req/s: the mean latency with `connections` always in flight */
  littleMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LoadShape {
  connections: number;
  warmupSeconds: number;
  measureSeconds: number;
}

function once(
  url: string,
  ex: Exchange,
  seconds: number,
  connections: number,
  record: boolean,
): Promise<LoadRun> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${ex.path}`,
        method: ex.method as autocannon.Request['method'],
        headers: ex.headers ?? {},
        ...(ex.body === undefined ? {} : { body: ex.body }),
        connections,
        pipelining: 1,
        duration: seconds,
      },
      (err, result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const reqPerSec = result.requests.total / Math.max(result.duration, 1e-9);
        resolve({
          reqPerSec,
          latency: latencyStats(latencies),
          littleMs: (connections / reqPerSec) * 1000,
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    if (record) {
      instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
        if (status >= 200 && status < 300) latencies.push(ms);
      });
    }
  });
}

/**
 * Warm-up (discarded), then the measured run. `prepare` is called once before both, so a signed
 * request is signed fresh for every run.
 */
export async function loadFixed(
  url: string,
  prepare: () => Promise<Exchange>,
  shape: LoadShape,
): Promise<LoadRun> {
  const ex = await prepare();
  if (shape.warmupSeconds > 0) await once(url, ex, shape.warmupSeconds, shape.connections, false);
  return once(url, ex, shape.measureSeconds, shape.connections, true);
}
