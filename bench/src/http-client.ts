/**
 * @module http-client
 * One HTTP exchange over node:http (exact headers, no fetch normalisation), timed from the first
 * byte written to the last byte read. Used for probes, the control plane and the closed-loop load.
 */
import { Agent, request } from 'node:http';

export interface Exchange {
  method: string;
  /** request-target: path plus optional `?query` */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Answer {
  status: number;
  text: string;
  /** round trip in milliseconds */
  ms: number;
}

/** A keep-alive agent: the load tests reuse connections, as autocannon does. */
export function keepAliveAgent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets });
}

/** Sends one request to `base` (`http://127.0.0.1:PORT`). */
export function send(base: string, ex: Exchange, agent?: Agent): Promise<Answer> {
  const { hostname, port } = new URL(base);
  const body =
    ex.body === undefined
      ? undefined
      : Buffer.isBuffer(ex.body)
        ? ex.body
        : Buffer.from(ex.body, 'utf8');
  const headers: Record<string, string> = { ...ex.headers };
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = request(
      { hostname, port, method: ex.method, path: ex.path, headers, agent: agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            ms,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Parses a JSON answer or throws with the status and (short) body. */
export function jsonOf<T>(answer: Answer, expected: number, what: string): T {
  if (answer.status !== expected)
    throw new Error(
      `${what}: expected ${expected}, got ${answer.status}: ${answer.text.slice(0, 300)}`,
    );
  return JSON.parse(answer.text) as T;
}
