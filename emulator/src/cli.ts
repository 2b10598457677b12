/**
 * @module cli
 * `iam-testbed`: parse flags, start the server, print `listening on <url>` and the banner, and
 * on SIGINT/SIGTERM write `--export-on-exit`, flush the store and exit 0. Bad flags exit 2; a store or seed that cannot be
 * used exits 1 with the reason.
 */
import { banner } from './banner.js';
import { DEFAULT_PORT, FlagError, helpText, parseFlags, type ParsedFlags } from './cli-flags.js';
import { startServer, type ServerOptions } from './server.js';

function toOptions(flags: ParsedFlags): ServerOptions {
  return {
    host: typeof flags.host === 'string' ? flags.host : undefined,
    port: typeof flags.port === 'number' ? flags.port : DEFAULT_PORT,
    dbPath: typeof flags.db === 'string' ? flags.db : undefined,
    memory: flags.memory === true,
    seedFile: typeof flags.seed === 'string' ? flags.seed : undefined,
    auth: flags.auth === 'lenient' ? 'lenient' : 'strict',
    seedRandom: typeof flags['seed-random'] === 'number' ? flags['seed-random'] : undefined,
    quiet: flags.quiet === true,
    importFile: typeof flags.import === 'string' ? flags.import : undefined,
    exportOnExit: typeof flags['export-on-exit'] === 'string' ? flags['export-on-exit'] : undefined,
    journalSize: typeof flags['journal-size'] === 'number' ? flags['journal-size'] : undefined,
    // The environment variable keeps the token out of `ps` listings.
    controlToken: typeof flags['control-token'] === 'string' ? flags['control-token'] : process.env.IAM_TESTBED_CONTROL_TOKEN || undefined,
  };
}

async function main(argv: readonly string[]): Promise<void> {
  let flags: ParsedFlags;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    process.stderr.write(`iam-testbed: ${error.message}\n`);
    process.exit(2);
  }
  if (flags.help) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  const options = toOptions(flags);
  let server;
  try {
    server = await startServer(options);
  } catch (error) {
    process.stderr.write(`iam-testbed: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`listening on ${server.url}\n`);
  if (!options.quiet) process.stdout.write(`${banner(server)}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!options.quiet) process.stdout.write(`iam-testbed: ${signal}, flushing the store and exiting\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`iam-testbed: could not flush the store: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`iam-testbed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
