import { afterAll, beforeAll, expect, test } from 'vitest';
import { banner } from './banner.js';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, memory: true, quiet: true, seedRandom: 7 });
});

afterAll(async () => {
  await server?.close();
});

test('the banner names every URL a user needs, and the console answers there', async () => {
  const text = banner(server);
  expect(text).toContain(`API endpoint  ${server.url}`);
  expect(text).toContain(`console       ${server.url}/authui/login`);
  expect(text).toContain(`${server.url}/iam/#/mine/apiCredential`);
  expect(text).toContain(`health        ${server.url}/_emulator/health`);
  const login = await fetch(`${server.url}/authui/login`);
  expect(login.status).toBe(200);
  expect(login.headers.get('content-type')).toMatch(/text\/html/);
});

test('the banner lists the seeded users with their emulator-only keys', async () => {
  const text = banner(server);
  const keys = Object.values((await server.runtime.store.exportAll()).permanent_keys);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(text).toContain(`AK ${key.access}  SK ${key.secret}`);
  expect(text).toMatch(/federated \S+ {2}id [0-9a-f]{32} {2}idp \S+/);
});
