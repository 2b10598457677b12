import { GLOBAL_IAM_ENDPOINT } from '@iam-testbed/shared';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { translator } from '../lib/i18n/i18n';
import type { HeldKey } from '../lib/keys/held-key';
import { DEFAULT_OPTIONS, type Options } from '../lib/options/options';
import type { PopupApi } from '../lib/popup/api';
import { loadCredentialsView, type CredentialsView } from '../lib/popup/credentials-view';
import { AppHeader } from './AppHeader';
import { Ctx } from './context';
import { CredentialsPanel } from './CredentialsPanel';
import { KeysPanel } from './KeysPanel';
import { SignPanel } from './SignPanel';

/** The toolbar popup: credentials of the page, temporary keys, and the request signer. */
export function Popup({ api }: { api: PopupApi }) {
  const [options, setOptions] = useState<Options>();
  const [view, setView] = useState<CredentialsView>();
  const [keys, setKeys] = useState<HeldKey[]>([]);
  const [readable, setReadable] = useState(false);
  // Stable per `api`, so KeysPanel's refresh-on-expiry effect does not re-run on every render.
  const refreshKeys = useCallback(
    () => void api.background({ type: 'keys/list' }).then((res) => res.ok && setKeys(res.keys)),
    [api],
  );
  useEffect(() => {
    void api.loadOptions().then(setOptions, () => setOptions(DEFAULT_OPTIONS));
    void loadCredentialsView(api).then(setView);
    refreshKeys();
    void api.canReadClipboard().then(setReadable);
  }, [api, refreshKeys]);

  const opts = options ?? DEFAULT_OPTIONS;
  const t = translator(opts.locale);
  const signUrl = `${view?.page?.emulator ? view.page.origin : GLOBAL_IAM_ENDPOINT}/v3/auth/projects`;
  return (
    <Ctx.Provider
      value={{
        api,
        t,
        clearSeconds: readable ? opts.clipboardClearSeconds : 0,
        configuredClearSeconds: opts.clipboardClearSeconds,
        clipboardReadable: readable,
        setClipboardReadable: setReadable,
      }}
    >
      <main
        class="popup"
        lang={opts.locale === 'zh-cn' ? 'zh-CN' : 'en'}
        aria-label={t('appTitle')}
      >
        <AppHeader view={view} locale={opts.locale} />
        <CredentialsPanel view={view} locale={opts.locale} />
        <KeysPanel keys={keys} refresh={refreshKeys} view={view} options={opts} />
        <details class="card disclosure">
          <summary>{t('signRequest')}</summary>
          <SignPanel key={signUrl} keys={keys} defaultUrl={signUrl} onKeyDropped={refreshKeys} />
        </details>
      </main>
    </Ctx.Provider>
  );
}
