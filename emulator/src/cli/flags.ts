/**
 * @module cli/flags
 * The `iam-testbed` flags, declared once as data: parsing, `--help` and the README tables all
 * come from this list. Each flag says which commands take it.
 */
import { EMULATOR_DEFAULT_PORT } from '@iam-testbed/shared';

export type Command = 'start' | 'exec';
export type FlagType = 'string' | 'integer' | 'boolean' | 'choice';

export interface FlagSpec {
  name: string;
  type: FlagType;
  /** The commands that accept it. */
  commands: readonly Command[];
  choices?: readonly string[];
  /** Shown in --help, per command when they differ. */
  default?: string | Partial<Record<Command, string>>;
  valueName?: string;
  description: string;
}

export const DEFAULT_PORT = EMULATOR_DEFAULT_PORT;

const BOTH: readonly Command[] = ['start', 'exec'];

export const FLAGS: readonly FlagSpec[] = [
  {
    name: 'host',
    type: 'string',
    commands: BOTH,
    default: '127.0.0.1',
    valueName: 'ADDR',
    description:
      'Interface to listen on. Keep 127.0.0.1 unless other machines must reach the emulator.',
  },
  {
    name: 'port',
    type: 'integer',
    commands: BOTH,
    default: { start: String(DEFAULT_PORT), exec: '0 (a free port)' },
    valueName: 'N',
    description: 'Port to listen on; 0 picks a free one (printed in the "listening on" line).',
  },
  {
    name: 'db',
    type: 'string',
    commands: BOTH,
    default: {
      start: './.data/iam-testbed (the repo root inside this repo)',
      exec: 'none: in memory',
    },
    valueName: 'PATH',
    description:
      'lowdb store folder holding the state (created if missing; a version-1 store file at PATH is migrated into it).',
  },
  {
    name: 'memory',
    type: 'boolean',
    commands: ['start'],
    description:
      'Keep state in memory only (nothing written; gone on exit). exec always does, unless --db is given.',
  },
  {
    name: 'seed',
    type: 'string',
    commands: BOTH,
    valueName: 'FILE',
    description:
      'Fixtures for a fresh store (format in the emulator README) instead of the built-in account.',
  },
  {
    name: 'auth',
    type: 'choice',
    commands: BOTH,
    choices: ['strict', 'lenient'],
    default: 'strict',
    description:
      'strict: verify every signature; lenient: accept requests from known keys and journal why each would have failed.',
  },
  {
    name: 'seed-random',
    type: 'integer',
    commands: BOTH,
    valueName: 'N',
    description: 'Make IDs, keys, secrets and tokens deterministic (tests, snapshots).',
  },
  {
    name: 'import',
    type: 'string',
    commands: BOTH,
    valueName: 'FILE',
    description:
      "Start from this state export (GET /_emulator/state) instead of the store's content; reset returns to it.",
  },
  {
    name: 'export-on-exit',
    type: 'string',
    commands: BOTH,
    valueName: 'FILE',
    description:
      'On exit (SIGINT/SIGTERM, or the end of the exec command), write the state to FILE (atomic), ready for --import.',
  },
  {
    name: 'journal-size',
    type: 'integer',
    commands: BOTH,
    default: '1000',
    valueName: 'N',
    description: 'How many recent requests GET /_emulator/requests keeps (1 or more).',
  },
  {
    name: 'control-token',
    type: 'string',
    commands: BOTH,
    valueName: 'TOKEN',
    description:
      'Require X-Iam-Testbed-Control-Token: TOKEN on every /_emulator call but health and ready (or set IAM_TESTBED_CONTROL_TOKEN).',
  },
  {
    name: 'region',
    type: 'string',
    commands: ['exec'],
    default: "the seed account's first region",
    valueName: 'ID',
    description: 'Region whose project ID goes into HUAWEICLOUD_SDK_PROJECT_ID.',
  },
  {
    name: 'quiet',
    type: 'boolean',
    commands: BOTH,
    description:
      'start: print only the "listening on" line (no banner). exec: print nothing of its own.',
  },
  { name: 'help', type: 'boolean', commands: BOTH, description: 'Show this help and exit.' },
];

export type ParsedFlags = Record<string, string | number | boolean>;

export class FlagError extends Error {
  override readonly name = 'FlagError';
}

function convert(spec: FlagSpec, raw: string): string | number {
  if (spec.type === 'integer') {
    if (!/^\d+$/.test(raw))
      throw new FlagError(`--${spec.name} expects a whole number, got "${raw}".`);
    return Number(raw);
  }
  if (spec.type === 'choice' && !spec.choices?.includes(raw)) {
    throw new FlagError(`--${spec.name} must be one of ${spec.choices?.join(', ')}, got "${raw}".`);
  }
  if (raw === '')
    throw new FlagError(`--${spec.name} needs a non-empty value (${spec.valueName ?? 'VALUE'}).`);
  return raw;
}

function findSpec(name: string, command: Command): FlagSpec {
  const spec = FLAGS.find((f) => f.name === name);
  if (!spec)
    throw new FlagError(
      `Unknown flag "--${name}". Run "iam-testbed ${command} --help" for the list of flags.`,
    );
  if (!spec.commands.includes(command))
    throw new FlagError(
      `"--${name}" is not a flag of "iam-testbed ${command}". Run "iam-testbed ${command} --help".`,
    );
  return spec;
}

/** Parses `--name value`, `--name=value`, boolean `--name` and `-h`. A flag given twice is refused. */
export function parseFlags(argv: readonly string[], command: Command = 'start'): ParsedFlags {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h') {
      out.help = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m?.[1])
      throw new FlagError(
        `Unexpected argument "${arg}". Run "iam-testbed ${command} --help" for the list of flags.`,
      );
    const spec = findSpec(m[1], command);
    if (spec.name in out) throw new FlagError(`--${spec.name} is given twice; give it once.`);
    if (spec.type === 'boolean') {
      if (m[2] !== undefined) throw new FlagError(`--${spec.name} takes no value.`);
      out[spec.name] = true;
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith('--')))
      throw new FlagError(
        `--${spec.name} needs a value (${spec.valueName ?? spec.choices?.join('|') ?? 'VALUE'}).`,
      );
    out[spec.name] = convert(spec, value);
  }
  if (out.memory && out.db !== undefined)
    throw new FlagError('Use either --db PATH or --memory, not both.');
  if (out['journal-size'] === 0) throw new FlagError('--journal-size must be at least 1.');
  if (typeof out.port === 'number' && out.port > 65535)
    throw new FlagError(`--port must be 0-65535, got ${out.port}.`);
  return out;
}

function defaultFor(spec: FlagSpec, command: Command): string | undefined {
  return typeof spec.default === 'string' ? spec.default : spec.default?.[command];
}

function flagRows(command: Command): string[] {
  return FLAGS.filter((f) => f.commands.includes(command)).map((f) => {
    const left = `--${f.name}${f.type === 'boolean' ? '' : ` ${f.valueName ?? (f.choices ? f.choices.join('|') : 'VALUE')}`}`;
    const def = defaultFor(f, command);
    return `  ${left.padEnd(26)} ${f.description}${def ? ` (default: ${def})` : ''}`;
  });
}

const USAGE: Record<Command, string[]> = {
  start: [
    'Usage: iam-testbed [start] [flags]',
    '',
    'Runs the emulator until SIGINT/SIGTERM, with a banner of the seeded, emulator-only credentials.',
  ],
  exec: [
    'Usage: iam-testbed exec [flags] -- <command> [args…]',
    '',
    'Starts the emulator (a free port, in memory), runs the command with the Huawei SDK variables set',
    '(HUAWEICLOUD_SDK_AK, _SK, _DOMAIN_ID, _PROJECT_ID, _IAM_ENDPOINT, HUAWEICLOUD_SDK_REGION_IAM_<REGION>,',
    "IAM_TESTBED_URL), then stops the emulator and exits with the command's exit code.",
    'One argument after -- runs through the shell: iam-testbed exec -- "npm test && npm run lint".',
  ],
};

export function helpText(command?: Command): string {
  if (command) return [...USAGE[command], '', 'Flags:', ...flagRows(command)].join('\n');
  return [
    'Usage: iam-testbed <command> [flags]',
    '',
    'A local emulator of Huawei Cloud IAM access keys, temporary keys and tokens.',
    '',
    'Commands:',
    '  start (the default)        Run the emulator (iam-testbed start --help)',
    '  exec [flags] -- <command>  Run a command against a throwaway emulator (iam-testbed exec --help)',
    '',
    '  -v, --version              Print the version',
    '  -h, --help                 Show this help',
    '',
    'Flags of start:',
    ...flagRows('start'),
  ].join('\n');
}
