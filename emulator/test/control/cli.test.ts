/**
 * The CLI flags of the control plane, on a real child process (`node --import tsx`, one process,
 * so SIGTERM reaches the CLI itself rather than tsx's relay, which gives up after 30 ms on a
 * loaded machine): `--control-token` (and
 * IAM_TESTBED_CONTROL_TOKEN), `--journal-size`, `--export-on-exit` on SIGTERM, `--import` at
 * start, and the refusals (exit 2 for a bad flag, 1 for a bad import file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EmulatorClient } from '../../src/client/index';
import { checkImport } from '../../src/store/import-check';

vi.setConfig({ testTimeout: 60_000 });

const EMULATOR_DIR = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iam-testbed-cli-control-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  // A failed assertion must not leave an emulator running.
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Cli {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function run(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: EMULATOR_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function start(args: string[], env?: Record<string, string>): Promise<Cli> {
  const proc = run(['--port', '0', '--memory', '--quiet', ...args], env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(proc.output());
      if (m?.[1]) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 20);
    void proc.exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`CLI exited ${code}: ${proc.output()}`));
    });
  });
  return { child: proc.child, url, exited: proc.exited };
}

/** SIGTERM, as a process manager would send it, then the exit code. */
function stop(cli: Cli): Promise<number | null> {
  cli.child.kill('SIGTERM');
  return cli.exited;
}

describe('control-plane CLI flags', () => {
  it('enforces --control-token, bounds the journal, and exports on SIGTERM; --import starts from it', async () => {
    const exportPath = join(dir, 'exit', 'state.json');
    const first = await start([
      '--control-token',
      'cli-token-1',
      '--journal-size',
      '3',
      '--export-on-exit',
      exportPath,
    ]);
    // Health checks need no token (a Docker HEALTHCHECK has none); everything else does.
    expect((await fetch(`${first.url}/_emulator/health`)).status).toBe(200);
    const denied = await fetch(`${first.url}/_emulator/tenants`);
    expect(denied.status).toBe(401);
    const client = new EmulatorClient(first.url, { controlToken: 'cli-token-1' });
    const t = await client.createTenant({ name: 'from-cli' });
    for (let i = 0; i < 5; i++) await fetch(`${first.url}/v3/nowhere`);
    expect((await client.requestsPage()).requests).toHaveLength(3);
    expect((await client.requestsPage()).capacity).toBe(3);
    expect(await stop(first)).toBe(0);
    const exported = JSON.parse(readFileSync(exportPath, 'utf8'));
    expect(checkImport(exported)).toMatchObject({ ok: true });
    expect(exported.accounts[t.domain.id].name).toBe('from-cli');

    const second = await start(['--import', exportPath], {
      IAM_TESTBED_CONTROL_TOKEN: 'env-token-2',
    });
    const viaEnv = new EmulatorClient(second.url, { controlToken: 'env-token-2' });
    expect((await viaEnv.listTenants()).find((x) => x.domain.id === t.domain.id)?.origin).toBe(
      'seed',
    );
    expect(await stop(second)).toBe(0);
  });

  it('exits 2 on a bad flag and 1 on a bad import file, saying why', async () => {
    const flag = run(['--journal-size', '0']);
    expect(await flag.exited).toBe(2);
    expect(flag.output()).toContain('--journal-size must be at least 1');
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, '{"schemaVersion": 1}');
    const bad = run(['--port', '0', '--memory', '--import', badFile]);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain(`The import file ${badFile} was refused`);
  });
});
