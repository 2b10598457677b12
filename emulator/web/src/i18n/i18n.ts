/**
 * @module The active locale and its translate function, from `?locale=` (en-us by default, as on
 * the international console).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleLocale } from '../api/contract';
import { enUs, type MessageKey } from './en-us';
import { zhCn } from './zh-cn';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const DICTIONARIES: Record<ConsoleLocale, Record<MessageKey, string>> = {
  'en-us': enUs,
  'zh-cn': zhCn,
};

export const DEFAULT_LOCALE: ConsoleLocale = 'en-us';

/** `{name}` placeholders are replaced; unknown ones stay visible so a missing param shows. */
export function translator(locale: ConsoleLocale): Translate {
  const dict = DICTIONARIES[locale];
  return (key, params) =>
    dict[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** True when the dictionary has a message for `key` (used for server error codes). */
export function hasMessage(key: string): key is MessageKey {
  return key in enUs;
}

export interface I18n {
  locale: ConsoleLocale;
  t: Translate;
}

export const I18nContext = createContext<I18n>({
  locale: DEFAULT_LOCALE,
  t: translator(DEFAULT_LOCALE),
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
