// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { answerContentRequest } from '../lib/content/content-messages';
import type { PageReader } from '../lib/content/page-reader';
import { loadFixture } from './fixtures/load';

const SECRET = 'EmuSecretSecretSecretSecretSecretSecret1';
const READER = { read: async () => ({ url: 'x', onCredentials: false }) } as unknown as PageReader;
const capture = (href: string) =>
  answerContentRequest(
    { type: 'page/captureTemporaryKey' },
    READER,
    loadFixture('temp-key-en'),
    href,
  );

describe('the content script reads a temporary key only on the temporary-key page', () => {
  it.each([
    'http://127.0.0.1:8790/iam/#/mine/temporaryAccessKey',
    'https://console-intl.huaweicloud.com/iam/?region=ap-southeast-3&locale=en-us#/mine/temporaryAccessKey',
  ])('captures on %s', async (href) => {
    expect(await capture(href)).toMatchObject({ capture: { ok: true, key: { secret: SECRET } } });
  });

  it.each([
    ['My Credentials, API Credentials tab', 'http://127.0.0.1:8790/iam/#/mine/apiCredential'],
    ['My Credentials, access keys tab', 'https://console.huaweicloud.com/iam/#/mine/accessKey'],
    ['another IAM page', 'https://console.huaweicloud.com/iam/#/iam/users'],
    [
      'a look-alike host',
      'https://console.huaweicloud.com.evil.example/iam/#/mine/temporaryAccessKey',
    ],
    ['the route outside /iam/', 'https://console.huaweicloud.com/ecm/#/mine/temporaryAccessKey'],
  ])('refuses on %s, without reading the key', async (_, href) => {
    const answer = await capture(href);
    expect(answer).toEqual({
      capture: { ok: false, missing: [], message: expect.stringContaining('Temporary Access Key') },
    });
    expect(JSON.stringify(answer)).not.toContain(SECRET);
  });
});
