import { expect, test } from 'vitest';
import {
  consoleHostFor,
  EMULATOR_DEFAULT_ENDPOINT,
  EMULATOR_DEFAULT_PORT,
  GLOBAL_IAM_ENDPOINT,
  iamEndpointFor,
  isRegionId,
  regionById,
  REGIONS,
} from '../src/index.js';

const REQUIRED = [
  'cn-north-4',
  'cn-north-1',
  'cn-north-9',
  'cn-east-3',
  'cn-east-2',
  'cn-south-1',
  'cn-southwest-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'af-south-1',
  'la-north-2',
  'la-south-2',
  'sa-brazil-1',
  'tr-west-1',
  'me-east-1',
  'eu-west-101',
];

test('the catalogue holds every required region once, all public, named in both locales', () => {
  const ids = REGIONS.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expect.arrayContaining(REQUIRED));
  for (const region of REGIONS) {
    expect(region.type).toBe('public');
    expect(region.name['en-us']).not.toBe('');
    expect(region.name['zh-cn']).toMatch(/[\u4e00-\u9fff]/);
  }
});

test('names of a few regions', () => {
  expect(regionById('cn-north-4')?.name).toEqual({
    'en-us': 'CN North-Beijing4',
    'zh-cn': '华北-北京四',
  });
  expect(regionById('ap-southeast-3')?.name['en-us']).toBe('AP-Singapore');
  expect(regionById('eu-west-101')?.name['en-us']).toBe('EU-Dublin');
  expect(regionById('nowhere-1')).toBeUndefined();
  expect(isRegionId('cn-east-3')).toBe(true);
  expect(isRegionId('CN-EAST-3')).toBe(false);
});

test('IAM endpoints and console hosts', () => {
  expect(GLOBAL_IAM_ENDPOINT).toBe('https://iam.myhuaweicloud.com');
  expect(iamEndpointFor('cn-north-4')).toBe('https://iam.cn-north-4.myhuaweicloud.com');
  expect(iamEndpointFor('eu-west-101')).toBe('https://iam.eu-west-101.myhuaweicloud.eu');
  expect(consoleHostFor('cn-north-4')).toBe('console.huaweicloud.com');
  expect(consoleHostFor('ap-southeast-3')).toBe('console-intl.huaweicloud.com');
  expect(consoleHostFor('eu-west-101')).toBe('console.eu.huaweicloud.com');
});

test('the catalogue cannot be modified by a consumer', () => {
  expect(Object.isFrozen(REGIONS)).toBe(true);
});

test("the local emulator endpoint: loopback on the emulator CLI default port, not LocalStack's 4566", () => {
  expect(EMULATOR_DEFAULT_PORT).toBe(8790);
  expect(EMULATOR_DEFAULT_ENDPOINT).toBe('http://127.0.0.1:8790');
  expect(new URL(EMULATOR_DEFAULT_ENDPOINT).port).toBe(String(EMULATOR_DEFAULT_PORT));
});
