/**
 * @module cli/start-command
 * `iam-testbed [start]`: run until SIGINT/SIGTERM, print `listening on <url>` and the banner, then
 * write `--export-on-exit`, flush the store and exit 0.
 */
import { banner } from '../banner.js';
import { startServer } from '../server.js';
import type { ParsedFlags } from './flags.js';
import { serverOptions } from './server-options.js';

export async function runStart(flags: ParsedFlags): Promise<void> {
  const options = serverOptions(flags, 'start');
  const server = await startServer(options);
  process.stdout.write(`listening on ${server.url}\n`);
  if (!options.quiet) process.stdout.write(`${banner(server)}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!options.quiet)
      process.stdout.write(`iam-testbed: ${signal}, flushing the store and exiting\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `iam-testbed: could not flush the store: ${(error as Error).message}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
