/**
 * @module cli-flags
 * The `iam-testbed` flags, declared once as data: parsing, `--help` and the README table all
 * come from this list.
 */

export type FlagType = 'string' | 'integer' | 'boolean' | 'choice';

export interface FlagSpec {
  name: string;
  type: FlagType;
  choices?: readonly string[];
  /** Shown in --help. */
  default?: string;
  valueName?: string;
  description: string;
}

export const DEFAULT_PORT = 8790;

export const FLAGS: readonly FlagSpec[] = [
  { name: 'host', type: 'string', default: '127.0.0.1', valueName: 'ADDR', description: 'Interface to listen on. Keep 127.0.0.1 unless other machines must reach the emulator.' },
  { name: 'port', type: 'integer', default: String(DEFAULT_PORT), valueName: 'N', description: 'Port to listen on; 0 picks a free one (printed in the "listening on" line).' },
  { name: 'db', type: 'string', default: '<repo>/.data/iam-testbed.json', valueName: 'PATH', description: 'lowdb JSON file holding the state (created with its folder if missing).' },
  { name: 'memory', type: 'boolean', description: 'Keep state in memory only (nothing written; gone on exit).' },
  { name: 'seed', type: 'string', valueName: 'FILE', description: 'Fixtures for a fresh store (format in emulator/README.md) instead of the built-in account.' },
  { name: 'auth', type: 'choice', choices: ['strict', 'lenient'], default: 'strict', description: 'strict: verify every signature; lenient: accept requests from known keys and journal why each would have failed.' },
  { name: 'seed-random', type: 'integer', valueName: 'N', description: 'Make IDs, keys, secrets and tokens deterministic (tests, snapshots).' },
  { name: 'import', type: 'string', valueName: 'FILE', description: 'Start from this state export (GET /_emulator/state) instead of the store\'s content; reset returns to it.' },
  { name: 'export-on-exit', type: 'string', valueName: 'FILE', description: 'On SIGINT/SIGTERM, write the state to FILE (atomic), ready for --import.' },
  { name: 'journal-size', type: 'integer', default: '1000', valueName: 'N', description: 'How many recent requests GET /_emulator/requests keeps (1 or more).' },
  { name: 'control-token', type: 'string', valueName: 'TOKEN', description: 'Require X-Iam-Testbed-Control-Token: TOKEN on every /_emulator call (or set IAM_TESTBED_CONTROL_TOKEN).' },
  { name: 'quiet', type: 'boolean', description: 'Print only the "listening on" line (no banner).' },
  { name: 'help', type: 'boolean', description: 'Show this help and exit.' },
];

export type ParsedFlags = Record<string, string | number | boolean>;

export class FlagError extends Error {
  override readonly name = 'FlagError';
}

function convert(spec: FlagSpec, raw: string): string | number {
  if (spec.type === 'integer') {
    if (!/^\d+$/.test(raw)) throw new FlagError(`--${spec.name} expects a whole number, got "${raw}".`);
    return Number(raw);
  }
  if (spec.type === 'choice' && !spec.choices?.includes(raw)) {
    throw new FlagError(`--${spec.name} must be one of ${spec.choices?.join(', ')}, got "${raw}".`);
  }
  return raw;
}

/** Parses `--name value`, `--name=value` and boolean `--name`. */
export function parseFlags(argv: readonly string[]): ParsedFlags {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const spec = m ? FLAGS.find((f) => f.name === m[1]) : undefined;
    if (!m || !spec) throw new FlagError(`Unknown argument "${arg}". Run with --help for the list of flags.`);
    if (spec.type === 'boolean') {
      if (m[2] !== undefined) throw new FlagError(`--${spec.name} takes no value.`);
      out[spec.name] = true;
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith('--'))) throw new FlagError(`--${spec.name} needs a value (${spec.valueName ?? spec.choices?.join('|') ?? 'VALUE'}).`);
    out[spec.name] = convert(spec, value);
  }
  if (out.memory && out.db !== undefined) throw new FlagError('Use either --db PATH or --memory, not both.');
  if (out['journal-size'] === 0) throw new FlagError('--journal-size must be at least 1.');
  if (typeof out.port === 'number' && out.port > 65535) throw new FlagError(`--port must be 0-65535, got ${out.port}.`);
  return out;
}

export function helpText(): string {
  const rows = FLAGS.map((f) => {
    const left = `--${f.name}${f.type === 'boolean' ? '' : ` ${f.valueName ?? (f.choices ? f.choices.join('|') : 'VALUE')}`}`;
    const def = f.default ? ` (default: ${f.default})` : '';
    return `  ${left.padEnd(26)} ${f.description}${def}`;
  });
  return ['Usage: iam-testbed [flags]', '', 'A local emulator of Huawei Cloud IAM access keys, temporary keys and tokens.', '', 'Flags:', ...rows].join('\n');
}
