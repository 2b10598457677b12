/**
 * Keeps docs/emulator-client.md true: its member table lists exactly the public members of
 * EmulatorClient, and its field tables list exactly the fields a real emulator answers with.
 * Adding or removing a member or a field without touching the doc fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EmulatorClient,
  EmulatorClientError,
  startEmulator,
  type JournalEntry,
  type StartedEmulator,
  type TenantView,
} from '../../src/client/index';

const DOC = readFileSync(
  new URL('../../../docs/emulator-client.md', import.meta.url),
  'utf8',
).split('\n');

/** The first code span of a table row (`| \`name\` | …`), or null for other lines. */
const firstCode = (line: string) => /^\|\s*`([^`]+)`/.exec(line)?.[1] ?? null;

/** Names in the first column of the table under `### heading`, up to the next heading. */
function fieldRows(heading: string): string[] {
  const start = DOC.indexOf(`### ${heading}`);
  if (start < 0) throw new Error(`docs/emulator-client.md has no "### ${heading}"`);
  const rows: string[] = [];
  for (const line of DOC.slice(start + 1)) {
    if (line.startsWith('#')) break;
    const name = firstCode(line);
    // Nested rows (`domain.id`) may explain sub-fields; only top-level names are compared.
    if (name !== null && !name.includes('.')) rows.push(name);
  }
  if (rows.length === 0) throw new Error(`no field rows under "### ${heading}"`);
  return rows;
}

/** The member table (`| member | HTTP | returns |`), split into instance and static names. */
function memberRows(): { instance: string[]; statics: string[] } {
  const header = DOC.findIndex((l) => /^\|\s*member\s*\|\s*HTTP\s*\|\s*returns\s*\|\s*$/.test(l));
  if (header < 0)
    throw new Error('docs/emulator-client.md has no "| member | HTTP | returns |" table');
  const instance: string[] = [];
  const statics: string[] = [];
  for (const line of DOC.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cell = firstCode(line);
    if (cell === null) throw new Error(`member row without a code span: ${line}`);
    const name = cell.split('(')[0]!.trim();
    if (name.startsWith('EmulatorClient.')) statics.push(name.slice('EmulatorClient.'.length));
    else instance.push(name);
  }
  return { instance, statics };
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

describe('docs/emulator-client.md: members', () => {
  it('lists every public instance member, and nothing else', () => {
    const { instance } = memberRows();
    expect(instance.length, 'a member is listed twice').toBe(new Set(instance).size);
    const client = new EmulatorClient('http://127.0.0.1:9');
    // Arrow-function fields and baseUrl are own properties; ready() etc. live on the prototype.
    // Private state is ECMAScript #private, so it shows up in neither.
    const runtime = [
      ...Object.keys(client),
      ...Object.getOwnPropertyNames(EmulatorClient.prototype).filter((n) => n !== 'constructor'),
    ];
    expect(sorted(instance)).toEqual(sorted(runtime));
  });

  it('lists every static method, and nothing else', () => {
    const statics = Object.getOwnPropertyNames(EmulatorClient).filter(
      (n) => typeof (EmulatorClient as unknown as Record<string, unknown>)[n] === 'function',
    );
    expect(sorted(memberRows().statics)).toEqual(sorted(statics));
  });
});

/**
 * Keys routes add to their journal entry: object literals given to `.note({…})`, assignments to
 * `notes.x`, and `{ ...notes, x }` in the dispatcher. Read from the source because some of them
 * (signed STS calls, console API calls) would take far more set-up to provoke here than they are
 * worth; the ones that are cheap to provoke are also checked at runtime below.
 */
function noteKeysInSource(): Set<string> {
  const root = new URL('../../src/', import.meta.url);
  const keys = new Set<string>();
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  for (const file of files) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const m of text.matchAll(/notes\.(\w+)\s*=(?!=)/g)) keys.add(m[1]!);
    const bodies = [
      ...text.matchAll(/\.note\(\{([^}]*)\}\)/g),
      ...text.matchAll(/notes:\s*\{\s*\.\.\.notes,([^}]*)\}/g),
    ].map((m) => m[1]!);
    for (const body of bodies) {
      // Drop string literals first: their commas and colons are not object syntax.
      for (const part of body.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "''").split(',')) {
        const key = /^\s*(\w+)\s*(?::|$)/.exec(part)?.[1];
        if (key) keys.add(key);
      }
    }
  }
  return keys;
}

describe('docs/emulator-client.md: return shapes', () => {
  let emu: StartedEmulator;
  let tenant: TenantView;
  let entries: JournalEntry[];

  beforeAll(async () => {
    emu = await startEmulator();
    tenant = await emu.client.createTenant();
    await emu.client.addFaults({ match: { path: '/v3/faulted' }, status: 503, times: 1 });
    expect((await fetch(`${emu.url}/v3/faulted`)).status).toBe(503);
    expect((await fetch(`${emu.url}/v3/nowhere`)).status).toBe(404);
    await emu.client.advanceClock(1);
    await emu.client.createConsoleSession(tenant.iam_user.id);
    entries = await emu.client.requests({ control: true });
  });

  afterAll(async () => {
    await emu?.stop();
  });

  it('TenantView: the keys of createTenant()', () => {
    expect(sorted(fieldRows('TenantView'))).toEqual(sorted(Object.keys(tenant)));
  });

  it('TenantSummary: the keys of every listTenants() element', async () => {
    const tenants = await emu.client.listTenants();
    expect(tenants.length).toBeGreaterThanOrEqual(2); // the seed account and ours
    for (const t of tenants)
      expect(sorted(fieldRows('TenantSummary'))).toEqual(sorted(Object.keys(t)));
  });

  it('JournalEntry: the fields on every entry, and the extra fields routes add', () => {
    const fixed = fieldRows('JournalEntry');
    const extras = fieldRows('JournalEntry extra fields');
    expect(entries.length).toBeGreaterThanOrEqual(6);
    for (const e of entries)
      expect(
        fixed.filter((k) => !(k in e)),
        `entry ${e.seq} lacks documented fields`,
      ).toEqual([]);
    const seen = new Set(entries.flatMap((e) => Object.keys(e)));
    expect(
      [...seen].filter((k) => !fixed.includes(k) && !extras.includes(k)),
      'undocumented journal fields',
    ).toEqual([]);
    // The extras this test provoked (tenant, fault, clock, console session) really appear.
    expect(sorted(seen)).toEqual(
      expect.arrayContaining([
        'clock',
        'console_user',
        'domain_id',
        'fault',
        'fault_action',
        'faults',
      ]),
    );
    // And the extras table names exactly what the routes can add (minus overrides of fixed fields).
    expect(sorted(extras)).toEqual(
      sorted([...noteKeysInSource()].filter((k) => !fixed.includes(k))),
    );
  });

  it('JournalAuth: the keys of an entry.auth', () => {
    for (const e of entries)
      expect(sorted(fieldRows('JournalAuth'))).toEqual(sorted(Object.keys(e.auth)));
  });

  it('RequestsView, ClockView, ResetView and FaultRule: the keys of the answers', async () => {
    expect(sorted(fieldRows('RequestsView'))).toEqual(
      sorted(Object.keys(await emu.client.requestsPage())),
    );
    expect(sorted(fieldRows('ClockView'))).toEqual(sorted(Object.keys(await emu.client.clock())));
    expect(sorted(fieldRows('FaultRule'))).toEqual(
      sorted(Object.keys((await emu.client.faults())[0] ?? {})),
    );
    expect(sorted(fieldRows('ResetView'))).toEqual(
      sorted(Object.keys(await emu.client.reset(tenant.domain.id))),
    );
  });

  it('EmulatorClientError: the data fields of a thrown error', async () => {
    const error = await emu.client.deleteTenant('0'.repeat(32)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmulatorClientError);
    expect(sorted(fieldRows('EmulatorClientError'))).toEqual(
      sorted(Object.keys(error as object).filter((k) => k !== 'name')),
    );
  });

  it('EmulatorClient.fromEnv reads IAM_TESTBED_URL and IAM_TESTBED_CONTROL_TOKEN', async () => {
    expect((await EmulatorClient.fromEnv({ IAM_TESTBED_URL: emu.url }).health()).status).toBe('ok');
    for (const env of [{}, { IAM_TESTBED_URL: '' }])
      expect(() => EmulatorClient.fromEnv(env)).toThrow(/IAM_TESTBED_URL/);

    const sent: Headers[] = [];
    const spy: typeof fetch = async (_input, init) => {
      sent.push(new Headers(init?.headers));
      return Response.json({ status: 'ok', version: 'x', uptime_s: 0 });
    };
    await EmulatorClient.fromEnv(
      { IAM_TESTBED_URL: 'http://emu.test/', IAM_TESTBED_CONTROL_TOKEN: 'tok' },
      { fetch: spy },
    ).health();
    expect(sent[0]?.get('X-Iam-Testbed-Control-Token')).toBe('tok');
  });
});
