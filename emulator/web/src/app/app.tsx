/**
 * The console SPA: `/authui/*` is the login page, everything else (`/iam/`) the console. Locale
 * and region come from the query string.
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { ConsoleApi } from '../api/console-api';
import { DEFAULT_LOCALE, I18nContext, translator } from '../i18n/i18n';
import type { Platform } from '../lib/platform';
import { readQuery } from '../lib/url';
import { LoginPage } from '../pages/login/login-page';
import { ConsoleContext } from './console-context';
import { ConsoleRoot } from './console-root';

export function App({ api, platform }: { api: ConsoleApi; platform: Platform }) {
  const query = useMemo(() => readQuery(location.search), []);
  const locale = query.locale ?? DEFAULT_LOCALE;
  const i18n = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  const context = useMemo(() => ({ api, platform, query }), [api, platform, query]);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh-cn' ? 'zh-CN' : 'en';
  }, [locale]);

  return (
    <I18nContext.Provider value={i18n}>
      <ConsoleContext.Provider value={context}>
        {location.pathname.startsWith('/authui') ? <LoginPage /> : <ConsoleRoot />}
      </ConsoleContext.Provider>
    </I18nContext.Provider>
  );
}
