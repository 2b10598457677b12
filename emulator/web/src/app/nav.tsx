/** The My Credentials side navigation; hash links, so `region` and `locale` stay in the URL. */
import type { ConsoleUser } from '../api/contract';
import { IdIcon, KeyIcon, ClockIcon, ShieldIcon } from '../components/icons';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ROUTES, routeHash, type RoutePath } from '../lib/url';

interface NavItem {
  route: RoutePath;
  label: MessageKey;
  icon: () => preact.JSX.Element;
  show: (user: ConsoleUser) => boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { route: ROUTES.apiCredential, label: 'nav.apiCredential', icon: IdIcon, show: () => true },
  { route: ROUTES.accessKey, label: 'nav.accessKey', icon: KeyIcon, show: () => true },
  // The real console offers temporary keys on this page to federated users only (docs/reference/console-and-extension.md §2.6).
  {
    route: ROUTES.temporaryAccessKey,
    label: 'nav.temporaryAccessKey',
    icon: ClockIcon,
    show: (u) => u.kind === 'federated',
  },
  {
    route: ROUTES.securitySettings,
    label: 'nav.securitySettings',
    icon: ShieldIcon,
    show: (u) => u.kind === 'admin',
  },
];

export function Nav({ user, route }: { user: ConsoleUser; route: string }) {
  const { t } = useI18n();
  return (
    <nav class="sidenav" aria-label={t('nav.label')}>
      <p class="sidenav-title" aria-hidden="true">
        {t('nav.label')}
      </p>
      <ul>
        {NAV_ITEMS.filter((item) => item.show(user)).map((item) => (
          <li key={item.route}>
            <a
              href={routeHash(item.route)}
              aria-current={route === item.route ? 'page' : undefined}
            >
              <item.icon />
              <span>{t(item.label)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
