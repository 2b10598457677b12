/**
 * @module console/test-support
 * For the console's HTTP tests: a started emulator (memory store, manual clock) that serves the
 * console — on its own port when the emulator mounts the console router, else by wrapping its
 * Express app — plus tenants, signed-in console clients and AK/SK-signed API calls.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest } from '@iam-testbed/shared';
import { afterAll, beforeAll, expect } from 'vitest';
import { ManualClock } from '../domain/clock.js';
import { createExpressApp } from '../http/express-app.js';
import { startServer, type RunningServer } from '../server.js';
import { ConsoleHttpClient } from './console-http-client.js';
import { withConsole } from './index.js';

export interface Person {
  id: string;
  name: string;
  password: string;
  access_key: { access: string; secret: string };
}

export interface Tenant {
  domain: { id: string; name: string };
  admin: Person;
  iam_user: Person;
  federated_user: { id: string; name: string };
  projects: Array<{ id: string; name: string; region: string }>;
}

export interface ConsoleTestServer {
  /** Where the console and the Huawei API answer. */
  url: string;
  server: RunningServer;
  clock: ManualClock;
  tenant(body?: Record<string, unknown>): Promise<Tenant>;
  signedIn(t: Tenant, who?: 'admin' | 'iam_user'): Promise<ConsoleHttpClient>;
  /** A GET signed with `key` (and its security token, if any), as the SDK would send it. */
  signedGet(path: string, key: { access: string; secret: string; securitytoken?: string }, domainId?: string): Promise<number>;
}

/** Starts one emulator for the file; the getter works inside tests and hooks. */
export function useConsoleServer(): () => ConsoleTestServer {
  const clock = new ManualClock(Date.parse('2026-11-23T08:00:00Z'));
  let running: ConsoleTestServer | undefined;
  let wrapper: Server | undefined;

  beforeAll(async () => {
    const server = await startServer({ memory: true, clock, quiet: true });
    let url = server.url;
    if ((await fetch(`${server.url}/console-api/session`)).status !== 200) {
      wrapper = createServer(withConsole(createExpressApp(server.runtime), server.runtime));
      await new Promise<void>((resolve) => wrapper?.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(wrapper.address() as AddressInfo).port}`;
    }
    running = {
      url,
      server,
      clock,
      async tenant(body = {}) {
        const res = await fetch(`${server.url}/_emulator/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(res.status).toBe(201);
        return (await res.json()) as Tenant;
      },
      async signedIn(t, who = 'iam_user') {
        const client = new ConsoleHttpClient(url);
        const res = await client.login(t.domain.name, t[who].name, t[who].password);
        expect(res.status).toBe(200);
        return client;
      },
      async signedGet(path, key, domainId) {
        const signed = await signRequest(
          { method: 'GET', url: `${url}${path}`, headers: domainId ? { 'X-Domain-Id': domainId } : {} },
          { ak: key.access, sk: key.secret, ...(key.securitytoken ? { securityToken: key.securitytoken } : {}) },
        );
        return (await fetch(signed.url, { headers: signed.headers })).status;
      },
    };
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (wrapper ? wrapper.close(() => resolve()) : resolve()));
    await running?.server.close();
  });

  return () => {
    if (!running) throw new Error('console test server not started: use the getter inside a test');
    return running;
  };
}
