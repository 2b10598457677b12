/**
 * @module cli
 * The `iam-testbed` bin: `start` (the default), `exec`, `--version`, `--help` (cli/main.ts).
 */
import { main } from './cli/main.js';

void main(process.argv.slice(2));
