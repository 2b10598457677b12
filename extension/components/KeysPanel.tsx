import { useEffect, useState } from 'preact/hooks';
import { isExpired, type HeldKey } from '../lib/keys/held-key';
import type { Options } from '../lib/options/options';
import type { CredentialsView } from '../lib/popup/credentials-view';
import { usePopup } from './context';
import { KeyIcon } from './icons';
import { KeyCard } from './KeyCard';
import { MintForm } from './MintForm';

interface Props {
  keys: HeldKey[];
  /** should be stable (useCallback): it is a dependency of the refresh-on-expiry effect */
  refresh: () => void;
  view: CredentialsView | undefined;
  options: Options;
}

function useNow(api: { now(): number }): number {
  const [now, setNow] = useState(api.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(api.now()), 1000);
    return () => clearInterval(timer);
  }, [api]);
  return now;
}

/** Auto-clear compares before clearing, which needs the optional clipboardRead permission. */
function ClipboardHint() {
  const { api, t, configuredClearSeconds, clipboardReadable, setClipboardReadable } = usePopup();
  if (clipboardReadable || configuredClearSeconds === 0) return null;
  return (
    <p class="callout callout-warn">
      {t('clipboardNeedsPermission')}{' '}
      <button
        type="button"
        class="btn btn-sm"
        onClick={() => void api.requestClipboardRead().then(setClipboardReadable)}
      >
        {t('allowClipboard')}
      </button>
    </p>
  );
}

/** Temporary keys: capture from the page, mint, and the keys held (live countdown). */
export function KeysPanel({ keys, refresh, view, options }: Props) {
  const { api, t } = usePopup();
  const now = useNow(api);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const anyExpired = keys.some((k) => isExpired(k, now));
  useEffect(() => {
    if (anyExpired) refresh(); // the background drops expired keys on read
  }, [anyExpired, refresh]);

  const failed = (e: unknown) =>
    setMessage({ text: e instanceof Error ? e.message : t('error'), error: true });
  const capture = async () => {
    try {
      const tabId = view?.tabId;
      const scrape = tabId === undefined ? undefined : await api.captureKey(tabId);
      if (!scrape) return setMessage({ text: t('captureHint'), error: true });
      if (!scrape.ok) return setMessage({ text: scrape.message, error: true });
      const res = await api.background({ type: 'keys/store', key: scrape.key });
      setMessage(
        res.ok ? { text: t('captured'), error: false } : { text: res.error.message, error: true },
      );
      refresh();
    } catch (e) {
      failed(e);
    }
  };
  const remove = async (access: string) => {
    try {
      await api.background({ type: 'keys/delete', access });
      refresh();
    } catch (e) {
      failed(e);
    }
  };
  const page = view?.page;
  // Offered only where the content script will read a key (content-messages.ts).
  const canCapture = page?.onTemporaryKeyPage === true;
  const identity = view?.kind === 'page' ? view.result.identity : view?.lastRead?.identity;

  return (
    <section class="card" aria-labelledby="keys-title">
      <div class="card-head">
        <h2 id="keys-title">{t('temporaryKeys')}</h2>
        {keys.length > 0 && (
          <span class="count" aria-hidden="true">
            {keys.length}
          </span>
        )}
      </div>
      <div class="card-body">
        {canCapture && (
          <button type="button" class="btn btn-primary btn-block" onClick={() => void capture()}>
            <KeyIcon />
            {t('capture')}
          </button>
        )}
        {message && (
          <p
            role={message.error ? 'alert' : 'status'}
            class={message.error ? 'callout callout-error' : 'callout callout-ok'}
          >
            {message.text}
          </p>
        )}
        {keys.length === 0 && <p class="empty-line">{t('noKeys')}</p>}
        {keys.map((k) => (
          <KeyCard
            key={k.access}
            heldKey={k}
            now={now}
            onDelete={(access) => void remove(access)}
            {...(page?.region ? { region: page.region } : {})}
          />
        ))}
        <ClipboardHint />
      </div>
      <details class="disclosure">
        <summary>{t('mint')}</summary>
        <MintForm
          key={page?.origin ?? ''}
          options={options}
          onMinted={() => refresh()}
          {...(page?.emulator ? { emulatorOrigin: page.origin } : {})}
          {...(identity?.accountId ? { defaultDomainId: identity.accountId } : {})}
        />
      </details>
    </section>
  );
}
