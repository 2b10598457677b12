/**
 * @module load/closed-loop
 * For operations autocannon cannot replay — a create→delete cycle needs the AK the create
 * returned, signed into the delete's path — `workers` loops each run one operation after another
 * over keep-alive connections for a fixed time. Each operation times its own HTTP round trips
 * (client-side signing excluded); throughput is operations per wall-clock second.
 */
import { keepAliveAgent } from '../http-client.js';
import type { Agent } from 'node:http';
import { latencyStats, type LatencyStats } from '../stats.js';

export interface LoopRun {
  opsPerSec: number;
  latency: LatencyStats;
  ops: number;
  errors: number;
  /** the first error, for the report */
  firstError?: string;
}

/** One operation by worker `worker`; resolves with its measured milliseconds. */
export type Operation = (worker: number, agent: Agent) => Promise<number>;

async function loop(
  op: Operation,
  workers: number,
  seconds: number,
  record: boolean,
): Promise<LoopRun> {
  const agent = keepAliveAgent(workers);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  const worker = async (w: number) => {
    while (process.hrtime.bigint() < deadline) {
      try {
        const ms = await op(w, agent);
        if (record) latencies.push(ms);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
        if (errors > 50) return; // broken, not slow: stop hammering
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  return {
    opsPerSec: latencies.length / elapsed,
    latency: latencyStats(latencies),
    ops: latencies.length,
    errors,
    ...(firstError ? { firstError } : {}),
  };
}

/** Warm-up (discarded), then the measured loop. */
export async function loadLoop(
  op: Operation,
  shape: { connections: number; warmupSeconds: number; measureSeconds: number },
): Promise<LoopRun> {
  if (shape.warmupSeconds > 0) await loop(op, shape.connections, shape.warmupSeconds, false);
  return loop(op, shape.connections, shape.measureSeconds, true);
}
