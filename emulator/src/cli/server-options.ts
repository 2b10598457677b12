/**
 * @module cli/server-options
 * Flags → `startServer` options, for both commands. They differ only in their defaults: `start`
 * listens on 8790 with the file store, `exec` on a free port in memory (unless `--db`).
 */
import type { AuthMode } from '../runtime.js';
import type { ServerOptions } from '../server.js';
import { DEFAULT_PORT, type Command, type ParsedFlags } from './flags.js';

const str = (flags: ParsedFlags, name: string) =>
  typeof flags[name] === 'string' ? flags[name] : undefined;
const int = (flags: ParsedFlags, name: string) =>
  typeof flags[name] === 'number' ? flags[name] : undefined;

export function serverOptions(flags: ParsedFlags, command: Command): ServerOptions {
  const dbPath = str(flags, 'db');
  return {
    host: str(flags, 'host'),
    port: int(flags, 'port') ?? (command === 'exec' ? 0 : DEFAULT_PORT),
    dbPath,
    memory: command === 'exec' ? dbPath === undefined : flags.memory === true,
    seedFile: str(flags, 'seed'),
    auth: (str(flags, 'auth') ?? 'strict') as AuthMode,
    seedRandom: int(flags, 'seed-random'),
    quiet: flags.quiet === true,
    importFile: str(flags, 'import'),
    exportOnExit: str(flags, 'export-on-exit'),
    journalSize: int(flags, 'journal-size'),
    // The environment variable keeps the token out of `ps` listings.
    controlToken:
      str(flags, 'control-token') ?? (process.env.IAM_TESTBED_CONTROL_TOKEN || undefined),
  };
}
