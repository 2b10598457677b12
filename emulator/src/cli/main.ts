/**
 * @module cli/main
 * `iam-testbed <command> [flags]`: picks the command, parses its flags, and turns every refusal
 * into a coded message with a hint (cli-error.ts). Returns the exit code for commands that end
 * (exec, help, version); `start` keeps the process running.
 */
import { ListenError } from '../listen-error.js';
import { VERSION } from '../version.js';
import { CliError, formatCliError, type CliErrorCode } from './cli-error.js';
import { runExec } from './exec-command.js';
import { FlagError, helpText, parseFlags, type Command } from './flags.js';
import { runStart } from './start-command.js';

export interface Invocation {
  command: Command | 'help' | 'version';
  flags: string[];
  /** exec: everything after `--`. */
  rest: string[];
}

const LISTEN_CODES: Record<string, CliErrorCode> = {
  EADDRINUSE: 'CLI_PORT_IN_USE',
  EACCES: 'CLI_PORT_NOT_PERMITTED',
  EADDRNOTAVAIL: 'CLI_HOST_NOT_AVAILABLE',
  ENOTFOUND: 'CLI_HOST_NOT_AVAILABLE',
  EAI_AGAIN: 'CLI_HOST_NOT_AVAILABLE',
};

export function splitArgs(argv: readonly string[]): Invocation {
  const [first, ...others] = argv;
  if (first === '-v' || first === '--version' || first === 'version')
    return { command: 'version', flags: [], rest: [] };
  if (first === 'help') return { command: 'help', flags: [], rest: others };
  if (first === 'exec') {
    const dashes = others.indexOf('--');
    return dashes === -1
      ? { command: 'exec', flags: others, rest: [] }
      : { command: 'exec', flags: others.slice(0, dashes), rest: others.slice(dashes + 1) };
  }
  if (first === 'start') return { command: 'start', flags: others, rest: [] };
  if (first !== undefined && !first.startsWith('-'))
    throw new CliError('CLI_UNKNOWN_COMMAND', `Unknown command "${first}".`);
  return { command: 'start', flags: [...argv], rest: [] };
}

/** Every failure becomes a coded CliError; one the CLI does not know is the store, seed or import file's. */
function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof FlagError) return new CliError('CLI_BAD_FLAG', error.message);
  if (error instanceof ListenError)
    return new CliError(LISTEN_CODES[error.code] ?? 'CLI_START_FAILED', error.fact);
  return new CliError('CLI_START_FAILED', error instanceof Error ? error.message : String(error));
}

async function dispatch(argv: readonly string[]): Promise<number | undefined> {
  const call = splitArgs(argv);
  if (call.command === 'version') return (void process.stdout.write(`${VERSION}\n`), 0);
  if (call.command === 'help') {
    const topic = call.rest[0];
    process.stdout.write(
      `${helpText(topic === 'start' || topic === 'exec' ? topic : undefined)}\n`,
    );
    return 0;
  }
  const flags = parseFlags(call.flags, call.command);
  if (flags.help) {
    // `iam-testbed --help` (no command named) shows the overview.
    process.stdout.write(`${helpText(argv[0] === call.command ? call.command : undefined)}\n`);
    return 0;
  }
  if (call.command === 'exec') return runExec(flags, call.rest);
  await runStart(flags);
  return undefined;
}

/** Runs the CLI; exits the process when the command has ended. */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    const code = await dispatch(argv);
    if (code !== undefined) process.exit(code);
  } catch (error) {
    const cli = toCliError(error);
    process.stderr.write(formatCliError(cli));
    process.exit(cli.exitCode);
  }
}
