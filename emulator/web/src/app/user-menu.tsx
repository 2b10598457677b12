/** Who is signed in (user, kind, account) and Sign Out. */
import { useState } from 'preact/hooks';
import type { ConsoleUser } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { loginHref } from '../lib/url';
import { useConsole } from './console-context';

export function UserMenu({ user }: { user: ConsoleUser }) {
  const { t } = useI18n();
  const { api, platform, query } = useConsole();
  const [busy, setBusy] = useState(false);

  const signOut = async () => {
    setBusy(true);
    try {
      await api.logout();
    } finally {
      // Signed out or not (session already expired), the login page is where to go.
      platform.navigate(loginHref(query, undefined, 'signed_out'));
    }
  };

  return (
    <div class="user-menu" aria-label={t('header.account')} role="group">
      <span class="user-avatar" aria-hidden="true">
        {user.name.slice(0, 1).toUpperCase()}
      </span>
      <span class="user-text">
        <span class="user-name">{user.name}</span>
        <span class="user-sub">
          {t(`kind.${user.kind}`)} · {user.domain.name}
        </span>
      </span>
      <button
        type="button"
        class="button button-ghost button-small"
        onClick={() => void signOut()}
        disabled={busy}
      >
        {t('header.signOut')}
      </button>
    </div>
  );
}
