import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  parseProjectName,
  PROJECT_NAME_MAX_LENGTH,
  PROJECT_NAME_SHAPE,
  REGION_ID_SHAPE,
  REGIONS,
} from '../src/index.js';
import { useFastCheckSeed } from './fast-check-seed.js';

useFastCheckSeed('test/project-names.test.ts');

test('REGION_ID_SHAPE: every catalogued region, and newer ones of the same shape', () => {
  for (const region of REGIONS) expect(region.id).toMatch(REGION_ID_SHAPE);
  for (const id of ['ae-ad-1', 'cn-north-219', 'ap-southeast-10', 'my-kualalumpur-1'])
    expect(id).toMatch(REGION_ID_SHAPE);
});

test('REGION_ID_SHAPE: not upper case, no missing number, no underscores, no sub-project', () => {
  for (const id of [
    'CN-north-4',
    'cn-north',
    'cn_north_4',
    'cn-north-4_dev',
    'north-4',
    'c-north-4',
    'cn-north-1234',
    ' cn-north-4',
    'cn-north-4\n',
  ]) {
    expect(id).not.toMatch(REGION_ID_SHAPE);
  }
});

test('parseProjectName: a region project is named after its region', () => {
  expect(parseProjectName('cn-north-4')).toEqual({ region: 'cn-north-4', subProject: false });
  expect(parseProjectName('eu-west-101')).toEqual({ region: 'eu-west-101', subProject: false });
});

test('parseProjectName: a sub-project is <region>_<name> (KeystoneCreateProject: "ap-southeast-1_IAMProject")', () => {
  expect(parseProjectName('ap-southeast-1_IAMProject')).toEqual({
    region: 'ap-southeast-1',
    subProject: true,
    subName: 'IAMProject',
  });
  expect(parseProjectName('cn-north-4_dev_ops-2.0')).toEqual({
    region: 'cn-north-4',
    subProject: true,
    subName: 'dev_ops-2.0',
  });
  // The region is everything before the first "_": region IDs never contain one.
  expect(parseProjectName('cn-north-41_dev')?.region).toBe('cn-north-41');
});

test('parseProjectName: the whole name is at most 64 characters (KeystoneCreateProject)', () => {
  const prefix = 'cn-north-4_';
  expect(PROJECT_NAME_MAX_LENGTH).toBe(64);
  expect(parseProjectName(prefix + 'a'.repeat(64 - prefix.length))?.subProject).toBe(true);
  expect(parseProjectName(prefix + 'a'.repeat(65 - prefix.length))).toBeUndefined();
});

test('parseProjectName: refuses what is not a project name', () => {
  for (const name of [
    'MOS',
    'cn-north-4_',
    '_dev',
    'cn-north-4_dev ops',
    'cn-north-4_<b>',
    'cn-north-4_项目',
    'CN-NORTH-4',
    'javascript:alert(1)',
    '',
  ]) {
    expect(parseProjectName(name), name).toBeUndefined();
  }
});

test('parseProjectName and PROJECT_NAME_SHAPE agree, and a parsed name is rebuilt from its parts', () => {
  const part = fc.stringMatching(/^[A-Za-z0-9_.-]{1,60}$/);
  fc.assert(
    fc.property(
      fc.constantFrom(...REGIONS.map((r) => r.id)),
      fc.option(part, { nil: undefined }),
      (region, sub) => {
        const name = sub === undefined ? region : `${region}_${sub}`;
        const parsed = parseProjectName(name);
        expect(parsed !== undefined).toBe(
          PROJECT_NAME_SHAPE.test(name) && name.length <= PROJECT_NAME_MAX_LENGTH,
        );
        if (parsed)
          expect(
            parsed.subName === undefined ? parsed.region : `${parsed.region}_${parsed.subName}`,
          ).toBe(name);
      },
    ),
  );
});
