// Issue 5's safety rule, proven in a real browser: a web page of another site cannot drive the
// control plane. The "attacker" is a plain page served by this test on http://localhost:<other
// port> (the emulator's own pages forbid such requests by their CSP, so they cannot play it); its
// script posts to http://127.0.0.1:<emulator port>/_emulator/*, as a malicious page would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorClient } from '@iam-testbed/emulator/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useJourney } from '../src/journey.js';

let attacker: Server;
let attackerUrl: string;
beforeAll(async () => {
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Some other site</title><p>Nothing to see here.</p>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

const journey = useJourney();

async function tenantIds(control: EmulatorClient): Promise<string[]> {
  return (await control.listTenants()).map((t) => t.domain.id).sort();
}

test('a page of another origin can neither create tenants nor reset the emulator', async () => {
  const { url, control, step, tab } = journey();
  const tenant = await control.createTenant();
  const before = await step('list the tenants', () => tenantIds(control));
  expect(before).toContain(tenant.domain.id);
  await step('a page of another site posts to the control plane', async () => {
    await tab.goto(attackerUrl);
    const statuses = await tab.evaluate(async (target) => {
      const out: string[] = [];
      for (const path of ['/_emulator/tenants', '/_emulator/reset']) {
        // no-cors: the page cannot read the answer (and the emulator may even refuse it as a
        // resource); what matters is that the request reached it and nothing happened.
        await fetch(`${target}${path}`, {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'text/plain' },
          body: '{}',
        }).catch(() => undefined);
        // A cors read tells the page nothing either (the control plane sends no CORS headers).
        out.push(
          await fetch(`${target}/_emulator/tenants`).then(
            (r) => String(r.status),
            () => 'blocked',
          ),
        );
      }
      return out;
    }, url);
    expect(statuses).toEqual(['blocked', 'blocked']);
  });
  await step('the emulator received both and refused them; nothing changed', async () => {
    const journal = await control.requests({ control: true });
    const posts = journal.filter(
      (e) =>
        e.method === 'POST' &&
        ['/_emulator/tenants', '/_emulator/reset'].includes(e.path) &&
        e.status !== 201,
    );
    expect(posts.map((e) => [e.path, e.status, e.error_code])).toEqual([
      ['/_emulator/tenants', 403, 'IAMTB.0001'],
      ['/_emulator/reset', 403, 'IAMTB.0001'],
    ]);
    expect(await tenantIds(control)).toEqual(before);
  });
});
