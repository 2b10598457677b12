import { regionById } from '@iam-testbed/shared';
import type { UiLocale } from '../lib/options/options';
import type { CredentialsView } from '../lib/popup/credentials-view';
import { usePopup } from './context';
import { GearIcon, KeyIcon } from './icons';

/** The identity to put in the header: the page's, or the last read on this console. */
function who(view: CredentialsView | undefined) {
  if (!view) return undefined;
  if (view.kind === 'page') return view.result.identity;
  return view.page ? view.lastRead?.identity : undefined;
}

/**
 * The popup's top bar: the extension, who is signed in on this console (names only; the IDs are
 * in the Identity card, with their copy buttons), the console region and the options button.
 */
export function AppHeader({
  view,
  locale,
}: {
  view: CredentialsView | undefined;
  locale: UiLocale;
}) {
  const { api, t } = usePopup();
  const identity = who(view);
  const page = view?.page;
  const primary = identity?.userName ?? identity?.accountName;
  // The ID is short enough to leave room for the names; the name is its tooltip.
  const regionName = page?.region
    ? (regionById(page.region)?.name[locale] ?? page.region)
    : undefined;
  const sub =
    identity?.userName && identity.accountName
      ? `${t('iamUser')} · ${identity.accountName}`
      : undefined;
  const tags = (
    <div class="tags">
      {page?.emulator && <span class="tag tag-emulator">{t('emulator')}</span>}
      {page?.region && (
        <span class="tag tag-region" title={regionName}>
          {page.region}
        </span>
      )}
    </div>
  );
  return (
    <header class="appbar">
      <div class="appbar-top">
        <span class="logo" aria-hidden="true">
          <KeyIcon size={17} />
        </span>
        <h1>{t('appTitle')}</h1>
        <button
          type="button"
          class="icon-btn"
          aria-label={t('options')}
          title={t('options')}
          onClick={() => api.openOptions()}
        >
          <GearIcon />
        </button>
      </div>
      {(primary || page) && (
        <div class="account">
          <span class={primary ? 'avatar' : 'avatar avatar-none'} aria-hidden="true">
            {primary ? primary.slice(0, 1).toUpperCase() : ''}
          </span>
          <p class="who">
            <span class="who-name">{primary ?? new URL(page!.origin).host}</span>
            {sub && <span class="who-sub">{sub}</span>}
          </p>
          {tags}
        </div>
      )}
    </header>
  );
}
