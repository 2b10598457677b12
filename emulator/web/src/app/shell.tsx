/**
 * The console frame: top bar (brand, region, language, user), My Credentials navigation, and the
 * page. At narrow widths the navigation becomes a scrolling tab strip above the page.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { SessionInfo } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { BrandMark } from './brand';
import { LocaleSelect } from './locale-select';
import { Nav } from './nav';
import { RegionSelect } from './region-select';
import { UserMenu } from './user-menu';

export interface ShellProps {
  session: SessionInfo & { user: NonNullable<SessionInfo['user']> };
  route: string;
  title: string;
  children: ComponentChildren;
}

export function Shell({ session, route, title, children }: ShellProps) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} | ${t('nav.label')} | ${t('app.brand')} (${t('app.emulatorBadge')})`;
  }, [title, t]);

  return (
    <div class="console">
      <button
        type="button"
        class="skip-link"
        onClick={() => document.getElementById('page-title')?.focus()}
      >
        {t('app.skip')}
      </button>
      <header class="topbar">
        <BrandMark />
        <div class="topbar-tools">
          <RegionSelect regions={session.regions ?? []} />
          <LocaleSelect />
          <UserMenu user={session.user} />
        </div>
      </header>
      <div class="layout">
        <Nav user={session.user} route={route} />
        <main id="main" class="content">
          {children}
        </main>
      </div>
    </div>
  );
}
