import { useState } from 'preact/hooks';
import type { HeldKey } from '../lib/keys/held-key';
import type { SignResult } from '../lib/messages/protocol';
import { parseHeaderLines } from '../lib/signing/header-lines';
import { METHODS, type Method } from '../lib/signing/user-request';
import { usePopup } from './context';
import { SignOutput } from './SignOutput';

interface Props {
  keys: HeldKey[];
  defaultUrl: string;
  onKeyDropped: () => void;
}

/** Sign a request with a held temporary key; optionally send it and show the response. */
export function SignPanel({ keys, defaultUrl, onKeyDropped }: Props) {
  const { api, t } = usePopup();
  const [access, setAccess] = useState('');
  const [method, setMethod] = useState<Method>('GET');
  const [url, setUrl] = useState(defaultUrl);
  const [headerText, setHeaderText] = useState('Content-Type: application/json');
  const [body, setBody] = useState('');
  const [result, setResult] = useState<{ value: SignResult; body: string }>();
  const [error, setError] = useState('');
  const keyAccess = keys.some((k) => k.access === access) ? access : (keys[0]?.access ?? '');

  const run = async (send: boolean) => {
    const allowed = send ? await api.ensureHostAccess(url) : true; // first, while the click counts
    const headers = parseHeaderLines(headerText);
    if (!headers.ok) return setError(headers.message);
    if (!keyAccess) return setError(t('needKey'));
    const res = await api.background({
      type: 'sign',
      access: keyAccess,
      send,
      request: { method, url, headers: headers.headers, body },
    });
    if (!res.ok) {
      setResult(undefined);
      return setError(
        res.error.message + (allowed ? '' : ` ${t('hostAccessDenied', { origin: url })}`),
      );
    }
    setError('');
    setResult({ value: res, body });
    if (res.keyExpired) onKeyDropped();
  };

  return (
    <section class="sign" aria-labelledby="sign-title">
      {/* The <summary> above shows the same words; the heading names the region for assistive tech. */}
      <h2 id="sign-title" class="sr-only">
        {t('signRequest')}
      </h2>
      <form class="form" onSubmit={(e) => (e.preventDefault(), void run(false))}>
        <label>
          {t('signWith')}
          <select class="mono" value={keyAccess} onChange={(e) => setAccess(e.currentTarget.value)}>
            {keys.map((k) => (
              <option key={k.access} value={k.access}>
                {k.access}
              </option>
            ))}
          </select>
        </label>
        <div class="form-row">
          <label class="method">
            {t('method')}
            <select value={method} onChange={(e) => setMethod(e.currentTarget.value as Method)}>
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <label class="grow">
            {t('url')}
            <input
              type="url"
              class="mono"
              required
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          </label>
        </div>
        <label>
          {t('headers')}
          <textarea
            class="mono"
            value={headerText}
            onInput={(e) => setHeaderText(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('body')}
          <textarea class="mono" value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="submit" class="btn">
            {t('sign')}
          </button>
          <button type="button" class="btn btn-primary" onClick={() => void run(true)}>
            {t('signAndSend')}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" class="callout callout-error">
          {error}
        </p>
      )}
      {result && <SignOutput result={result.value} body={result.body} />}
    </section>
  );
}
