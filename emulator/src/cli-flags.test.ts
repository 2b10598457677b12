import { expect, test } from 'vitest';
import { FlagError, FLAGS, helpText, parseFlags } from './cli-flags.js';

test('parses every flag form', () => {
  expect(parseFlags(['--port', '0', '--db=/tmp/x.json', '--auth', 'lenient', '--seed-random', '7', '--quiet'])).toEqual({
    port: 0,
    db: '/tmp/x.json',
    auth: 'lenient',
    'seed-random': 7,
    quiet: true,
  });
  expect(parseFlags([])).toEqual({});
});

test('bad flags fail with a message that says what to do', () => {
  const bad: Array<[string[], RegExp]> = [
    [['--nope'], /Unknown argument "--nope".*--help/],
    [['--port', 'abc'], /--port expects a whole number/],
    [['--port', '70000'], /--port must be 0-65535/],
    [['--auth', 'loose'], /--auth must be one of strict, lenient/],
    [['--db'], /--db needs a value/],
    [['--db', 'x', '--memory'], /either --db PATH or --memory/],
    [['--quiet=yes'], /--quiet takes no value/],
  ];
  for (const [argv, message] of bad) expect(() => parseFlags(argv)).toThrow(message);
  expect(() => parseFlags(['--nope'])).toThrow(FlagError);
});

test('help lists every flag', () => {
  const help = helpText();
  for (const flag of FLAGS) expect(help).toContain(`--${flag.name}`);
});
