/**
 * @module For the console's HTTP tests (src/console/*.test.ts): a started emulator (memory store,
 * manual clock) serving the console, plus tenants, signed-in console clients and AK/SK-signed
 * API calls.
 */
import { signRequest } from '@iam-testbed/shared';
import { afterAll, beforeAll, expect } from 'vitest';
import { EmulatorClient, type TenantRequest, type TenantView } from '../../src/client/index';
import { ConsoleHttpClient } from '../../src/console/console-http-client';
import { ManualClock } from '../../src/domain/clock';
import { startServer, type RunningServer } from '../../src/server';

export interface ConsoleTestServer {
  /** Where the console and the Huawei API answer. */
  url: string;
  server: RunningServer;
  clock: ManualClock;
  tenant(body?: TenantRequest): Promise<TenantView>;
  signedIn(t: TenantView, who?: 'admin' | 'iam_user'): Promise<ConsoleHttpClient>;
  /** A GET signed with `key` (and its security token, if any), as the SDK would send it. */
  signedGet(
    path: string,
    key: { access: string; secret: string; securitytoken?: string },
    domainId?: string,
  ): Promise<number>;
}

/** Starts one emulator for the file; the getter works inside tests and hooks. */
export function useConsoleServer(): () => ConsoleTestServer {
  const clock = new ManualClock(Date.parse('2026-11-23T08:00:00Z'));
  let running: ConsoleTestServer | undefined;

  beforeAll(async () => {
    const server = await startServer({ memory: true, clock, quiet: true });
    const { url } = server;
    const control = new EmulatorClient(url);
    running = {
      url,
      server,
      clock,
      tenant: (body = {}) => control.createTenant(body),
      async signedIn(t, who = 'iam_user') {
        const client = new ConsoleHttpClient(url);
        const res = await client.login(t.domain.name, t[who].name, t[who].password);
        expect(res.status).toBe(200);
        return client;
      },
      async signedGet(path, key, domainId) {
        const signed = await signRequest(
          {
            method: 'GET',
            url: `${url}${path}`,
            headers: domainId ? { 'X-Domain-Id': domainId } : {},
          },
          {
            ak: key.access,
            sk: key.secret,
            ...(key.securitytoken ? { securityToken: key.securitytoken } : {}),
          },
        );
        return (await fetch(signed.url, { headers: signed.headers })).status;
      },
    };
  });

  afterAll(async () => {
    await running?.server.close();
  });

  return () => {
    if (!running) throw new Error('console test server not started: use the getter inside a test');
    return running;
  };
}
