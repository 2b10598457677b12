/**
 * @module cli/cli-error
 * What the `iam-testbed` command can refuse or fail with, each with a stable code, the exit
 * status and a hint that says how to fix it (catalogue: docs/errors.md, "CLI").
 */

export const CLI_ERRORS = {
  CLI_BAD_FLAG: { exit: 2, hint: 'Run "iam-testbed --help" for the commands and flags.' },
  CLI_UNKNOWN_COMMAND: {
    exit: 2,
    hint: 'The commands are start (the default) and exec; run "iam-testbed --help".',
  },
  CLI_EXEC_NO_COMMAND: {
    exit: 2,
    hint: 'Put the command after "--", e.g. iam-testbed exec -- npm test.',
  },
  CLI_EXEC_COMMAND_NOT_FOUND: {
    exit: 127,
    hint: 'Check the command name and PATH, or run it through the shell: iam-testbed exec -- "npm test".',
  },
  CLI_EXEC_COMMAND_NOT_EXECUTABLE: {
    exit: 126,
    hint: 'Make the file executable (chmod +x), or name its interpreter: iam-testbed exec -- node script.js.',
  },
  CLI_EXEC_NO_ACCESS_KEY: {
    exit: 2,
    hint: "exec exports the first seed account admin's first active access key: give that admin one in the seed file (access_keys).",
  },
  CLI_EXEC_UNKNOWN_REGION: {
    exit: 2,
    hint: 'Pick a region in which the seed account has a project (the seed file lists them under "regions").',
  },
  CLI_PORT_IN_USE: {
    exit: 1,
    hint: 'Another process (maybe another emulator) listens there. Pick another port with --port N, or --port 0 for a free one.',
  },
  CLI_PORT_NOT_PERMITTED: {
    exit: 1,
    hint: 'Ports below 1024 need root. Use --port 0 for a free port, or a port from 1024 to 65535.',
  },
  CLI_HOST_NOT_AVAILABLE: {
    exit: 1,
    hint: "The --host address is not one of this machine's, or does not resolve. Keep the default, 127.0.0.1.",
  },
  CLI_START_FAILED: {
    exit: 1,
    hint: 'The message says what was wrong with the store, seed or import file.',
  },
} as const satisfies Record<string, { exit: number; hint: string }>;

export type CliErrorCode = keyof typeof CLI_ERRORS;

export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;
  readonly hint: string;

  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
    this.exitCode = CLI_ERRORS[code].exit;
    this.hint = CLI_ERRORS[code].hint;
  }
}

/** `iam-testbed: error CLI_PORT_IN_USE: <message>\n  hint: <hint>` */
export function formatCliError(error: CliError): string {
  return `iam-testbed: error ${error.code}: ${error.message}\n  hint: ${error.hint}\n`;
}
