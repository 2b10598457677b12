/** Language switch: reloads the same page with `?locale=` changed (hash and region kept). */
import type { ConsoleLocale } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { withQueryParam } from '../lib/url';
import { usePlatform } from './console-context';

const NAMES: Record<ConsoleLocale, string> = { 'en-us': 'English', 'zh-cn': '简体中文' };

export function LocaleSelect() {
  const { t, locale } = useI18n();
  const platform = usePlatform();
  return (
    <label class="header-select">
      <span class="visually-hidden">{t('header.language')}</span>
      <select
        value={locale}
        onChange={(e) =>
          platform.navigate(withQueryParam(location.href, 'locale', e.currentTarget.value))
        }
      >
        {(Object.keys(NAMES) as ConsoleLocale[]).map((id) => (
          <option key={id} value={id} lang={id === 'zh-cn' ? 'zh-CN' : 'en'}>
            {NAMES[id]}
          </option>
        ))}
      </select>
    </label>
  );
}
