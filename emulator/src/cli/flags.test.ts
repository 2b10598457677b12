import { expect, test } from 'vitest';
import { FlagError, FLAGS, helpText, parseFlags } from './flags.js';

test('parses every flag form', () => {
  expect(
    parseFlags([
      '--port',
      '0',
      '--db=/tmp/x.json',
      '--auth',
      'lenient',
      '--seed-random',
      '7',
      '--quiet',
    ]),
  ).toEqual({
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
    [['--nope'], /Unknown flag "--nope".*--help/],
    [['stray'], /Unexpected argument "stray"/],
    [['--port', '1', '--port', '2'], /--port is given twice/],
    [['--seed='], /--seed needs a non-empty value/],
    [['--region', 'cn-north-4'], /"--region" is not a flag of "iam-testbed start"/],
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

test('help lists every flag of each command', () => {
  for (const command of ['start', 'exec'] as const) {
    const help = helpText(command);
    for (const flag of FLAGS)
      expect(help.includes(`--${flag.name}`)).toBe(flag.commands.includes(command));
  }
  expect(helpText()).toContain('exec [flags] -- <command>');
});

test('exec takes --region and -h', () => {
  expect(parseFlags(['--region', 'eu-west-101', '-h'], 'exec')).toEqual({
    region: 'eu-west-101',
    help: true,
  });
  expect(() => parseFlags(['--memory'], 'exec')).toThrow(/not a flag of "iam-testbed exec"/);
});

test('the emulator README documents every flag, for the commands that take it', async () => {
  const { readFileSync } = await import('node:fs');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const flag of FLAGS) {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`--${flag.name}`));
    expect(row, `--${flag.name}`).toBeDefined();
    const [, , start, exec] = (row ?? '').split(/(?<!\\)\|/).map((c) => c.trim());
    expect({ flag: flag.name, start: start === '✓', exec: exec === '✓' }).toEqual({
      flag: flag.name,
      start: flag.commands.includes('start'),
      exec: flag.commands.includes('exec'),
    });
  }
});
