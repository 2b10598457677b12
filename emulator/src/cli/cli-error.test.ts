import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CLI_ERRORS, CliError, formatCliError } from './cli-error.js';

test('docs/errors.md lists every CLI error with its exit status', () => {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const cli = doc.slice(doc.indexOf('\n## CLI\n'));
  for (const [code, { exit }] of Object.entries(CLI_ERRORS))
    expect(cli).toContain(`| \`${code}\` | ${exit} |`);
});

test('a CLI error prints its code, message and hint', () => {
  const text = formatCliError(new CliError('CLI_EXEC_NO_COMMAND', 'exec needs a command to run.'));
  expect(text).toBe(
    `iam-testbed: error CLI_EXEC_NO_COMMAND: exec needs a command to run.\n  hint: ${CLI_ERRORS.CLI_EXEC_NO_COMMAND.hint}\n`,
  );
});
