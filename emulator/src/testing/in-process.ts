/**
 * @module testing/in-process
 * A runtime with a memory store and the default seed, driven through `dispatch` without a
 * socket: for unit tests of the HTTP layer (auth, journal, routing, errors).
 */
import { signRequest } from '@iam-testbed/shared';
import { ManualClock, SystemClock } from '../domain/clock.js';
import type { CreatedAccount } from '../domain/accounts.js';
import { DEFAULT_SEED } from '../domain/seed.js';
import type { ApiRequest, ApiResponse } from '../http/api.js';
import { dispatch } from '../http/dispatch.js';
import { routerFor } from '../http/router.js';
import { ALL_ROUTES } from '../http/routes/index.js';
import { bootMemoryRuntime } from '../boot.js';
import type { AuthMode, Runtime } from '../runtime.js';

export const HOST = '127.0.0.1:8790';

export interface InProcess {
  rt: Runtime;
  clock: ManualClock;
  seeded: CreatedAccount;
  send(req: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<ApiResponse>;
  signed(
    req: { method: string; url: string; body?: string; headers?: Record<string, string> },
    key: { ak: string; sk: string; securityToken?: string },
    date?: Date,
  ): Promise<ApiResponse>;
}

export function inProcess(authMode: AuthMode = 'strict'): InProcess {
  const clock = new ManualClock(Date.now());
  const {
    rt,
    seeded: [seeded],
  } = bootMemoryRuntime({
    seed: DEFAULT_SEED,
    clock,
    wallClock: new SystemClock(),
    auth: authMode,
    seedRandom: 1,
  });
  if (!seeded) throw new Error('seed failed');
  rt.ready = true;
  const router = routerFor(ALL_ROUTES);
  const send: InProcess['send'] = (req) => {
    const q = req.url.indexOf('?');
    const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
    const headers: Record<string, string> = { host: HOST };
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
    const api: ApiRequest = {
      method: req.method,
      path: q < 0 ? req.url : req.url.slice(0, q),
      rawQuery,
      headers,
      body: new TextEncoder().encode(req.body ?? ''),
      baseUrl: `http://${HOST}`,
    };
    return dispatch(rt, router, api);
  };
  return {
    rt,
    clock,
    seeded,
    send,
    async signed(req, key, date) {
      const headers = { 'content-type': 'application/json', host: HOST, ...req.headers };
      const s = await signRequest(
        { method: req.method, url: req.url, headers, body: req.body },
        key,
        date ? { date } : {},
      );
      return send({ method: req.method, url: req.url, headers: s.headers, body: req.body });
    },
  };
}
