// Temporary manual-check script (not committed): emulator + console on one port.
import { createServer } from 'node:http';
import { startServer } from './src/server.js';
import { createExpressApp } from './src/http/express-app.js';
import { withConsole } from './src/console/index.js';

const s = await startServer({ memory: true, quiet: true });
const probe = await fetch(`${s.url}/console-api/session`);
let url = s.url;
if (probe.status !== 200) {
  const srv = createServer(withConsole(createExpressApp(s.runtime), s.runtime));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
}
const t = await (await fetch(`${s.url}/_emulator/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'acme', regions: ['cn-north-4', 'cn-east-3', 'ap-southeast-1', 'eu-west-101'], operation_protection: true }) })).json();
console.log(JSON.stringify({ url, tenant: t }));
