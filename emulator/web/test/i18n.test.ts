import { describe, expect, test } from 'vitest';
import { DICTIONARIES, translator } from '../src/i18n/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  test('both locales have every key, non-empty, with the same placeholders', () => {
    const en = DICTIONARIES['en-us'];
    const zh = DICTIONARIES['zh-cn'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const other = zh[key as keyof typeof zh];
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  test('zh-cn is actually Chinese where English words would show', () => {
    const zh = DICTIONARIES['zh-cn'];
    const untranslated = Object.entries(zh).filter(
      ([key, text]) =>
        text === DICTIONARIES['en-us'][key as keyof typeof zh] && /[a-z]{4,}/.test(text),
    );
    expect(untranslated).toEqual([]);
  });

  test('the documented field labels are used verbatim', () => {
    const en = translator('en-us');
    const zh = translator('zh-cn');
    expect(
      [
        'field.iamUserName',
        'field.iamUserId',
        'field.accountName',
        'field.accountId',
        'projects.title',
        'projects.projectId',
        'projects.projectName',
        'projects.region',
      ].map((k) => [en(k as never), zh(k as never)]),
    ).toEqual([
      ['IAM User Name', 'IAM用户名'],
      ['IAM User ID', 'IAM用户ID'],
      ['Account Name', '账号名'],
      ['Account ID', '账号ID'],
      ['Projects', '项目列表'],
      ['Project ID', '项目ID'],
      ['Project Name', '项目'],
      ['Region', '所属区域'],
    ]);
  });

  test('placeholders are filled, and a missing one stays visible', () => {
    const t = translator('en-us');
    expect(t('accessKey.usage', { count: 1, quota: 2 })).toBe('1 of 2 access keys used');
    expect(t('accessKey.usage', { count: 1 })).toBe('1 of {quota} access keys used');
  });
});
