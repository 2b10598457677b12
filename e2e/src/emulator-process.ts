import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EMULATOR_CLI, ROOT } from './paths.js';

export interface RunningEmulator {
  url: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/[^\s]+)/;

/**
 * Starts the emulator the way `npm start` does (the bundled CLI under plain node), on a free
 * port and the memory store, and resolves once it prints its `listening on` line.
 */
export async function startEmulatorProcess(args: string[] = []): Promise<RunningEmulator> {
  // E2E_EMULATOR_CLI runs the journeys against another build of the CLI (e.g. a branch's).
  const cli = process.env.E2E_EMULATOR_CLI || EMULATOR_CLI;
  if (!existsSync(cli)) {
    throw new Error(`E2E_NO_EMULATOR_BUILD: ${cli} is missing. Run: pnpm -r build`);
  }
  const child = spawn(process.execPath, [cli, '--port', '0', '--memory', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const url = await waitForListening(child, () => out);
  return { url, output: () => out, stop: () => stopProcess(child) };
}

function waitForListening(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`E2E_EMULATOR_TIMEOUT: no "listening on" line in 20 s:\n${output()}`)),
      20_000,
    );
    const onData = () => {
      const m = LISTENING.exec(output());
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `E2E_EMULATOR_EXITED: the emulator exited with ${code} before listening:\n${output()}`,
        ),
      );
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
