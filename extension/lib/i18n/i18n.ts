/**
 * @module i18n/i18n
 * `translate(locale, key, params)`: looks up a string and fills `{name}` placeholders.
 */
import { EN_US, type MessageKey } from './en-us';
import { ZH_CN } from './zh-cn';
import type { UiLocale } from '../options/options';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGUES: Record<UiLocale, Record<MessageKey, string>> = { 'en-us': EN_US, 'zh-cn': ZH_CN };

export function translator(locale: UiLocale): Translate {
  const catalogue = CATALOGUES[locale];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}
