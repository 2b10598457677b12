import { describe, expect, it } from 'vitest';
import { myCredentialsUrl, parseConsoleUrl } from '../lib/console/console-url';
import { CONTENT_SCRIPT_MATCHES } from '../lib/console/console-hosts';

describe('parseConsoleUrl', () => {
  it('reads console, region, locale and route', () => {
    expect(
      parseConsoleUrl(
        'https://console.huaweicloud.com/iam/?region=cn-north-4&locale=zh-cn#/mine/apiCredential',
      ),
    ).toEqual({
      origin: 'https://console.huaweicloud.com',
      emulator: false,
      region: 'cn-north-4',
      locale: 'zh-cn',
      route: '#/mine/apiCredential',
      onCredentials: true,
      identityRoute: true,
      onTemporaryKeyPage: false,
    });
  });

  it('knows the other My Credentials routes, old and new', () => {
    expect(
      parseConsoleUrl(
        'https://console-intl.huaweicloud.com/iam/?region=ap-southeast-1#/myCredential',
      )?.onCredentials,
    ).toBe(true);
    expect(parseConsoleUrl('http://localhost:9000/iam/#/mine/temporaryAccessKey')).toMatchObject({
      emulator: true,
      onCredentials: true,
      identityRoute: false,
      onTemporaryKeyPage: true,
    });
    expect(parseConsoleUrl('http://localhost:9000/iam/#/mine/accessKey')).toMatchObject({
      onCredentials: true,
      identityRoute: false,
    });
    expect(
      parseConsoleUrl('https://console.eu.huaweicloud.com/iam/#/iam/users?region=eu-west-101'),
    ).toMatchObject({ onCredentials: false, region: 'eu-west-101' });
    expect(
      parseConsoleUrl('https://console.huaweicloud.com/ecm/?region=cn-north-4#/ecs/manager/vmList'),
    ).toMatchObject({ onCredentials: false });
  });

  it('is undefined for other sites and look-alikes', () => {
    for (const url of [
      'https://example.com/iam/#/mine/apiCredential',
      'http://console.huaweicloud.com/iam/',
      'https://console.huaweicloud.com.evil.io/iam/',
      'chrome://newtab',
      undefined,
      'garbage',
    ]) {
      expect(parseConsoleUrl(url)).toBeUndefined();
    }
  });
});

describe('myCredentialsUrl', () => {
  it('opens API Credentials on the same console, keeping region and locale', () => {
    expect(
      myCredentialsUrl('https://console.huaweicloud.com', {
        region: 'cn-north-4',
        locale: 'zh-cn',
      }),
    ).toBe(
      'https://console.huaweicloud.com/iam/?region=cn-north-4&locale=zh-cn#/mine/apiCredential',
    );
    expect(myCredentialsUrl('http://127.0.0.1:4566')).toBe(
      'http://127.0.0.1:4566/iam/#/mine/apiCredential',
    );
  });
});

describe('content script matches', () => {
  it('cover the three real consoles over https and loopback over http, only under /iam/', () => {
    expect([...CONTENT_SCRIPT_MATCHES].sort()).toEqual([
      'http://127.0.0.1/iam/*',
      'http://localhost/iam/*',
      'https://console-intl.huaweicloud.com/iam/*',
      'https://console.eu.huaweicloud.com/iam/*',
      'https://console.huaweicloud.com/iam/*',
    ]);
  });
});
