/**
 * `/iam/`: checks the session, sends signed-out visitors to the login page (keeping where they
 * were going), then renders the shell and the page of the current hash route.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SessionInfo } from '../api/contract';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/loading';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useHashRoute } from '../lib/hash-route';
import { loginHref, ROUTES } from '../lib/url';
import { AccessKeysPage } from '../pages/access-keys/access-keys-page';
import { ApiCredentialPage } from '../pages/api-credential/api-credential-page';
import { SecuritySettingsPage } from '../pages/security/security-settings-page';
import { TemporaryKeysPage } from '../pages/temporary-keys/temporary-keys-page';
import { ConsoleContext, useConsole } from './console-context';
import { NotFoundPage } from './not-found';
import { Shell } from './shell';

const PAGES: Record<string, { title: MessageKey; render: () => JSX.Element }> = {
  [ROUTES.apiCredential]: { title: 'apiCredential.title', render: () => <ApiCredentialPage /> },
  // The older route some links still use (docs/reference/console-and-extension.md §2.1).
  '/myCredential': { title: 'apiCredential.title', render: () => <ApiCredentialPage /> },
  [ROUTES.accessKey]: { title: 'accessKey.title', render: () => <AccessKeysPage /> },
  [ROUTES.temporaryAccessKey]: { title: 'temp.title', render: () => <TemporaryKeysPage /> },
  [ROUTES.securitySettings]: { title: 'security.title', render: () => <SecuritySettingsPage /> },
};

type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; session: SessionInfo };

export function ConsoleRoot() {
  const context = useConsole();
  const { api, platform, query } = context;
  const { t } = useI18n();
  const route = useHashRoute();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    // `App` memoises these for the page's lifetime, so the session is checked once, on mount.
    api.session().then(
      (session) => {
        if (!session.authenticated || !session.user) {
          const here = `${location.pathname}${location.search}${location.hash}`;
          platform.navigate(loginHref(query, here));
        }
        setState({ status: 'ready', session });
      },
      (error: unknown) => setState({ status: 'error', error }),
    );
  }, [api, platform, query]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return <ErrorAlert error={state.error} onRetry={() => location.reload()} />;
  const { session } = state;
  if (!session.user) return <Loading />;
  const user = session.user;
  const page = PAGES[route];
  return (
    <ConsoleContext.Provider value={{ ...context, user }}>
      <Shell
        session={{ ...session, user }}
        route={route}
        title={t(page?.title ?? 'notFound.title')}
      >
        {page ? <div key={route}>{page.render()}</div> : <NotFoundPage route={route} />}
      </Shell>
    </ConsoleContext.Provider>
  );
}
