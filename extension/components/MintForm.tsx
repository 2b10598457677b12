import { EMULATOR_DEFAULT_ENDPOINT } from '@iam-testbed/shared';
import { useState } from 'preact/hooks';
import { iamEndpointChoices } from '../lib/keys/endpoints';
import type { HeldKey } from '../lib/keys/held-key';
import type { MintAuth } from '../lib/keys/mint';
import type { Options } from '../lib/options/options';
import { usePopup } from './context';

interface Props {
  options: Options;
  /** the emulator console the tab is on, offered first */
  emulatorOrigin?: string;
  defaultDomainId?: string;
  onMinted: (key: HeldKey) => void;
}

const CUSTOM = 'custom';

/** Mints a temporary key. The permanent SK or token lives in this form's state only until sent. */
export function MintForm({ options, emulatorOrigin, defaultDomainId, onMinted }: Props) {
  const { api, t } = usePopup();
  const choices = [
    ...(emulatorOrigin
      ? [{ url: emulatorOrigin, label: t('thisEmulator', { origin: emulatorOrigin }) }]
      : []),
    ...options.endpoints.filter((e) => e !== emulatorOrigin).map((url) => ({ url, label: url })),
    ...iamEndpointChoices(options.locale),
  ];
  const [choice, setChoice] = useState(
    emulatorOrigin ??
      choices.find((c) => c.url.startsWith('https://iam.myhuaweicloud'))?.url ??
      CUSTOM,
  );
  const [custom, setCustom] = useState('');
  const [minutes, setMinutes] = useState(options.defaultDurationMinutes);
  const [mode, setMode] = useState<MintAuth['kind']>('aksk');
  const [ak, setAk] = useState('');
  const [sk, setSk] = useState('');
  const [domainId, setDomainId] = useState(defaultDomainId ?? '');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  const submit = async (e: Event) => {
    e.preventDefault();
    const endpoint = choice === CUSTOM ? custom : choice;
    try {
      const allowed = await api.ensureHostAccess(endpoint); // first, while the click still counts
      setBusy(true);
      const auth: MintAuth =
        mode === 'token'
          ? { kind: 'token', token: token.trim() }
          : {
              kind: 'aksk',
              ak: ak.trim(),
              sk: sk.trim(),
              ...(domainId.trim() ? { domainId: domainId.trim() } : {}),
            };
      const res = await api.background({
        type: 'keys/mint',
        request: { endpoint, durationSeconds: minutes * 60, auth },
      });
      if (res.ok) {
        setMessage({ text: t('minted'), error: false });
        onMinted(res.key);
      } else {
        const hint = allowed ? '' : ` ${t('hostAccessDenied', { origin: endpoint })}`;
        setMessage({ text: `${res.error.message}${hint}`, error: true });
      }
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : t('error'), error: true });
    } finally {
      // The permanent SK or token is forgotten once sent, whatever the outcome.
      setSk('');
      setToken('');
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={(e) => void submit(e)} aria-labelledby="mint-title">
      {/* The <summary> above shows the same words; the heading names the form for assistive tech. */}
      <h3 id="mint-title" class="sr-only">
        {t('mint')}
      </h3>
      <label>
        {t('endpoint')}
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          {choices.map((c) => (
            <option key={c.url} value={c.url}>
              {c.label}
            </option>
          ))}
          <option value={CUSTOM}>{t('customEndpoint')}</option>
        </select>
      </label>
      {choice === CUSTOM && (
        <label>
          {t('customEndpoint')}
          <input
            type="url"
            required
            value={custom}
            placeholder={EMULATOR_DEFAULT_ENDPOINT}
            onInput={(e) => setCustom(e.currentTarget.value)}
          />
        </label>
      )}
      <label>
        {t('duration')}
        <input
          type="number"
          min={15}
          max={1440}
          required
          value={minutes}
          onInput={(e) => setMinutes(Number(e.currentTarget.value))}
        />
      </label>
      <fieldset class="segmented">
        <legend>{t('authWith')}</legend>
        <label>
          <input
            type="radio"
            name="mode"
            checked={mode === 'aksk'}
            onChange={() => setMode('aksk')}
          />{' '}
          {t('permanentKey')}
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            checked={mode === 'token'}
            onChange={() => setMode('token')}
          />{' '}
          {t('authToken')}
        </label>
      </fieldset>
      {mode === 'aksk' ? (
        <>
          <label>
            {t('accessKey')}
            <input
              required
              autocomplete="off"
              spellcheck={false}
              value={ak}
              onInput={(e) => setAk(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('secretKey')}
            <input
              type="password"
              required
              autocomplete="off"
              value={sk}
              onInput={(e) => setSk(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('domainIdOptional')}
            <input
              autocomplete="off"
              spellcheck={false}
              value={domainId}
              onInput={(e) => setDomainId(e.currentTarget.value)}
            />
          </label>
        </>
      ) : (
        <label>
          {t('token')}
          <textarea
            required
            autocomplete="off"
            spellcheck={false}
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </label>
      )}
      <p class="hint">{t('permanentNeverStored')}</p>
      <button type="submit" class="btn btn-primary btn-block" disabled={busy}>
        {busy ? t('minting') : t('mintButton')}
      </button>
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          class={message.error ? 'callout callout-error' : 'callout callout-ok'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
