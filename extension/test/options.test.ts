import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMULATOR_DEFAULT_ENDPOINT } from '@iam-testbed/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, loadOptions, parseOptions, saveOptions } from '../lib/options/options';

beforeEach(() => fakeBrowser.reset());

describe('options', () => {
  it('defaults when nothing is stored', async () => {
    expect(await loadOptions()).toEqual(DEFAULT_OPTIONS);
  });

  it("offers the local emulator on its default port (8790), not LocalStack's 4566", () => {
    expect(DEFAULT_OPTIONS.endpoints).toEqual([EMULATOR_DEFAULT_ENDPOINT]);
    expect(DEFAULT_OPTIONS.endpoints).toEqual(['http://127.0.0.1:8790']);
    expect(parseOptions({}).endpoints).toEqual(['http://127.0.0.1:8790']);
  });

  it('keeps valid values and replaces invalid ones field by field', () => {
    expect(
      parseOptions({
        endpoints: [
          'http://127.0.0.1:4566/',
          'http://10.0.0.5:80',
          'https://iam.cn-north-4.myhuaweicloud.com',
          'https://iam.myhuaweicloud.com',
          42,
        ],
        defaultDurationMinutes: 5,
        clipboardClearSeconds: 0,
        locale: 'fr-fr',
      }),
    ).toEqual({
      endpoints: ['http://127.0.0.1:4566', 'https://iam.cn-north-4.myhuaweicloud.com'],
      defaultDurationMinutes: DEFAULT_OPTIONS.defaultDurationMinutes,
      clipboardClearSeconds: 0,
      locale: 'en-us',
    });
    expect(
      parseOptions({ clipboardClearSeconds: 10, defaultDurationMinutes: 1440, locale: 'zh-cn' }),
    ).toMatchObject({ clipboardClearSeconds: 60, defaultDurationMinutes: 1440, locale: 'zh-cn' });
  });

  it('saves to storage.local (nothing secret) and reads back', async () => {
    await saveOptions({ ...DEFAULT_OPTIONS, locale: 'zh-cn', clipboardClearSeconds: 120 });
    expect(await loadOptions()).toMatchObject({ locale: 'zh-cn', clipboardClearSeconds: 120 });
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });
});
