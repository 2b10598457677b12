/**
 * @module cli/exec-command
 * `iam-testbed exec [flags] -- <command…>`, like `firebase emulators:exec`: start a throwaway
 * emulator, run the command with the SDK variables pointing at it, stop the emulator, and exit
 * with the command's code. Signals reach the command (signal-relay.ts); the emulator stops after
 * it. A command ended by a signal exits 128 + the signal's number, as a shell reports it; a signal
 * before the command started ends `exec` the same way, after stopping the emulator.
 */
import { spawn } from 'node:child_process';
import { applyEnvironment, execEnvironment } from '../client/sdk-environment.js';
import { startServer } from '../server.js';
import { CliError } from './cli-error.js';
import type { ParsedFlags } from './flags.js';
import { serverOptions } from './server-options.js';
import { signalNumber, SignalRelay } from './signal-relay.js';

function spawnError(file: string, error: NodeJS.ErrnoException): Error {
  if (error.code === 'ENOENT')
    return new CliError('CLI_EXEC_COMMAND_NOT_FOUND', `Command not found: ${file}`);
  if (error.code === 'EACCES')
    return new CliError(
      'CLI_EXEC_COMMAND_NOT_EXECUTABLE',
      `Permission denied: ${file} cannot be run.`,
    );
  return error;
}

/** Runs `command` (argv; one element runs through the shell); resolves with its exit code. */
function runCommand(
  command: readonly string[],
  env: NodeJS.ProcessEnv,
  relay: SignalRelay,
): Promise<number> {
  const [file = '', ...args] = command;
  const child = spawn(file, args, {
    stdio: 'inherit',
    env,
    shell: command.length === 1,
    detached: relay.ownGroup,
  });
  relay.attach(child);
  return new Promise<number>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(spawnError(file, error)));
    child.once('exit', (code, signal) =>
      resolve(code ?? 128 + (signal ? signalNumber(signal) : 1)),
    );
  });
}

export async function runExec(flags: ParsedFlags, command: readonly string[]): Promise<number> {
  if (command.length === 0 || command[0] === '')
    throw new CliError('CLI_EXEC_NO_COMMAND', 'exec needs a command to run.');
  const options = serverOptions(flags, 'exec');
  const relay = new SignalRelay();
  try {
    const server = await startServer(options);
    try {
      if (relay.received) return relay.exitCode(); // stopped while starting: run nothing
      const env = execEnvironment({
        url: server.url,
        state: server.seedState,
        seed: server.seed,
        region: typeof flags.region === 'string' ? flags.region : undefined,
        controlToken: options.controlToken,
      });
      const store = options.memory ? 'in memory' : `store ${options.dbPath}`;
      if (!options.quiet)
        process.stderr.write(
          `iam-testbed: emulator ready at ${server.url} (${store}); running: ${command.join(' ')}\n`,
        );
      return await runCommand(command, applyEnvironment(process.env, env), relay);
    } finally {
      await server.close();
    }
  } finally {
    relay.dispose();
  }
}
