import { describe, expect, test } from 'vitest';
import { consoleHref, loginHref, readQuery, safeService, withQueryParam } from '../src/lib/url';
import { routeOf } from '../src/lib/hash-route';

describe('console URLs', () => {
  test('region and locale are read, malformed values dropped', () => {
    expect(readQuery('?region=cn-north-4&locale=zh-cn&x=1')).toEqual({
      region: 'cn-north-4',
      locale: 'zh-cn',
    });
    expect(readQuery('?region=<script>&locale=fr-fr')).toEqual({});
    // The shared region-ID shape: a project name or a malformed ID is not a region.
    for (const region of ['cn-north-4_dev', 'cn-north', 'abc-x1', 'CN-NORTH-4'])
      expect(readQuery(`?region=${region}`)).toEqual({});
    expect(readQuery('?region=ae-ad-1')).toEqual({ region: 'ae-ad-1' });
  });

  test('links keep region and locale in the query and the route in the hash', () => {
    expect(consoleHref('/mine/accessKey', { region: 'ap-southeast-1', locale: 'en-us' })).toBe(
      '/iam/?region=ap-southeast-1&locale=en-us#/mine/accessKey',
    );
    expect(loginHref({ locale: 'zh-cn' }, '/iam/#/mine/accessKey', 'expired')).toBe(
      '/authui/login?locale=zh-cn&service=%2Fiam%2F%23%2Fmine%2FaccessKey&reason=expired',
    );
    expect(
      withQueryParam('http://h/iam/?region=cn-north-4#/mine/accessKey', 'locale', 'zh-cn'),
    ).toBe('/iam/?region=cn-north-4&locale=zh-cn#/mine/accessKey');
  });

  test('after sign-in only same-origin console paths are followed', () => {
    const fallback = '/iam/?locale=zh-cn#/mine/apiCredential';
    expect(safeService('/iam/?region=cn-north-4#/mine/accessKey', { locale: 'zh-cn' })).toBe(
      '/iam/?region=cn-north-4#/mine/accessKey',
    );
    for (const bad of [
      'https://evil.example/iam/',
      '//evil.example/iam/',
      '/authui/login',
      'javascript:alert(1)',
      null,
    ]) {
      expect(safeService(bad, { locale: 'zh-cn' })).toBe(fallback);
    }
  });

  test('hash routes, including the default', () => {
    expect(routeOf('#/mine/accessKey')).toBe('/mine/accessKey');
    expect(routeOf('#/mine/accessKey?tab=1')).toBe('/mine/accessKey');
    expect(routeOf('')).toBe('/mine/apiCredential');
    expect(routeOf('#main')).toBe('/mine/apiCredential');
  });
});
