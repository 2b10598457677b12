/**
 * @module cli/exec-command
 * `iam-testbed exec [flags] -- <command…>`, like `firebase emulators:exec`: start a throwaway
 * emulator, run the command with the SDK variables pointing at it, stop the emulator, and exit
 * with the command's code. SIGINT, SIGTERM and SIGHUP go to the command; the emulator stops after
 * it. A command killed by a signal exits 128 + the signal's number, as a shell reports it.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { startServer } from '../server.js';
import { CliError } from './cli-error.js';
import { applyEnvironment, execEnvironment } from '../client/sdk-environment.js';
import type { ParsedFlags } from './flags.js';
import { serverOptions } from './server-options.js';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (constants.signals[signal] ?? 1) : 1);
}

/** Runs `command` (argv; one element runs through the shell); resolves with its exit code. */
function runCommand(command: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file = '', ...args] = command;
  const child = spawn(file, args, { stdio: 'inherit', env, shell: command.length === 1 });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of FORWARDED) process.on(s, forward);
  return new Promise<number>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new CliError('CLI_EXEC_COMMAND_NOT_FOUND', `Command not found: ${file}`) : error);
    });
    child.once('exit', (code, signal) => resolve(exitCodeOf(code, signal)));
  }).finally(() => {
    for (const s of FORWARDED) process.off(s, forward);
  });
}

export async function runExec(flags: ParsedFlags, command: readonly string[]): Promise<number> {
  if (command.length === 0 || command[0] === '') throw new CliError('CLI_EXEC_NO_COMMAND', 'exec needs a command to run.');
  const options = serverOptions(flags, 'exec');
  const server = await startServer(options);
  try {
    const env = execEnvironment({
      url: server.url,
      state: server.runtime.store.state,
      seed: server.seed,
      region: typeof flags.region === 'string' ? flags.region : undefined,
      controlToken: options.controlToken,
    });
    const store = options.memory ? 'in memory' : `store ${options.dbPath}`;
    if (!options.quiet) process.stderr.write(`iam-testbed: emulator ready at ${server.url} (${store}); running: ${command.join(' ')}\n`);
    return await runCommand(command, applyEnvironment(process.env, env));
  } finally {
    await server.close();
  }
}
