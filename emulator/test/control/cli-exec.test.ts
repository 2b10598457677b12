/**
 * `iam-testbed exec`, `--version` and the coded start-up errors, on a real child process
 * (`node --import tsx src/cli.ts`): the command sees the emulator through the environment, its
 * exit code (or 128 + signal) comes back, signals reach it, and the emulator is gone afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { VERSION } from '../../src/version';

vi.setConfig({ testTimeout: 60_000 });

const EMULATOR_DIR = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  child: ReturnType<typeof spawn>;
  exited: Promise<number | null>;
  out: () => string;
}

function cli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: EMULATOR_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => out };
}

async function until(run: Run, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const m = pattern.exec(run.out());
    if (m) return m;
    if (run.child.exitCode !== null) throw new Error(`exited early: ${run.out()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('iam-testbed exec', () => {
  it('runs the command against a live emulator, passes its exit code, then stops the emulator', async () => {
    const script = [
      'const url = process.env.IAM_TESTBED_URL;',
      'const res = await fetch(url + "/_emulator/health");',
      'console.log("seen", url, res.status, process.env.HUAWEICLOUD_SDK_AK, process.env.HUAWEICLOUD_SDK_REGION_IAM_CN_NORTH_4 === url);',
      'process.exit(7);',
    ].join('\n');
    const run = cli(['exec', '--', process.execPath, '--input-type=module', '-e', script]);
    expect(await run.exited).toBe(7);
    const [, url, status, ak, regionVar] = /seen (\S+) (\d+) (\S+) (\w+)/.exec(run.out()) ?? [];
    expect(status).toBe('200');
    expect(ak).toMatch(/^EMUP[A-Z0-9]{16}$/);
    expect(regionVar).toBe('true');
    await expect(fetch(`${url}/_emulator/health`)).rejects.toThrow(); // the emulator stopped with it
  });

  it('runs a single argument through the shell', async () => {
    const run = cli(['exec', '--quiet', '--', 'test -n "$HUAWEICLOUD_SDK_PROJECT_ID" && exit 5']);
    expect(await run.exited).toBe(5);
    expect(run.out()).toBe('');
  });

  it('forwards SIGTERM to the command and exits with its code', async () => {
    const script =
      'process.on("SIGTERM", () => process.exit(42)); console.log("waiting"); setInterval(() => {}, 1000);';
    const run = cli(['exec', '--', process.execPath, '-e', script]);
    await until(run, /^waiting$/m); // the line itself, not the echo of the command
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(42);
  });

  it('without a terminal, a signal reaches every process of a shell-form command, not only the shell', async () => {
    // `sleep` in the background of the shell: the shell would die of SIGTERM and leave it running.
    const run = cli(['exec', '--', 'sleep 300 & echo "grandchild $!"; wait']);
    const [, pid] = await until(run, /^grandchild (\d+)$/m);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    const alive = () => {
      try {
        process.kill(Number(pid), 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive()).toBe(false);
  });

  it('reports a command killed by a signal as 128 + its number', async () => {
    const run = cli(['exec', '--', process.execPath, '-e', 'process.kill(process.pid, "SIGKILL")']);
    expect(await run.exited).toBe(137);
  });

  it('refuses a missing command, an unknown one and an unknown command name, with codes', async () => {
    const none = cli(['exec', '--region', 'cn-north-4']);
    expect(await none.exited).toBe(2);
    expect(none.out()).toContain('error CLI_EXEC_NO_COMMAND');
    const missing = cli(['exec', '--', 'iam-testbed-no-such-command', 'x']);
    expect(await missing.exited).toBe(127);
    expect(missing.out()).toContain(
      'error CLI_EXEC_COMMAND_NOT_FOUND: Command not found: iam-testbed-no-such-command',
    );
    const script = join(mkdtempSync(join(tmpdir(), 'iam-testbed-exec-')), 'not-executable.sh');
    writeFileSync(script, 'echo never\n', { mode: 0o644 });
    const notExecutable = cli(['exec', '--', script, 'x']);
    expect(await notExecutable.exited).toBe(126);
    expect(notExecutable.out()).toContain(
      `error CLI_EXEC_COMMAND_NOT_EXECUTABLE: Permission denied: ${script}`,
    );
    const unknown = cli(['serve']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.out()).toMatch(
      /error CLI_UNKNOWN_COMMAND: Unknown command "serve"\.\n {2}hint: /,
    );
  });
});

describe('iam-testbed start errors and --version', () => {
  it('prints the version', async () => {
    for (const flag of ['--version', '-v']) {
      const run = cli([flag]);
      expect(await run.exited).toBe(0);
      expect(run.out().trim()).toBe(VERSION);
    }
  });

  it('says when --host does not resolve', async () => {
    const run = cli(['--host', 'no-such-host.invalid', '--port', '0', '--memory']);
    expect(await run.exited).toBe(1);
    expect(run.out()).toContain(
      'error CLI_HOST_NOT_AVAILABLE: Cannot listen on no-such-host.invalid:0: the host name does not resolve.',
    );
  });

  it('says which port is in use and how to fix it, for start and exec', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      for (const args of [
        ['--port', String(port), '--memory'],
        ['exec', '--port', String(port), '--', 'true'],
      ]) {
        const run = cli(args);
        expect(await run.exited).toBe(1);
        expect(run.out()).toContain(`error CLI_PORT_IN_USE: 127.0.0.1:${port} is already in use.`);
        expect(run.out()).toContain('hint: Another process');
        expect(run.out()).not.toContain('EADDRINUSE');
      }
    } finally {
      blocker.close();
    }
  });
});
