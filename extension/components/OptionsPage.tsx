import { useEffect, useState } from 'preact/hooks';
import { translator } from '../lib/i18n/i18n';
import {
  MAX_CLEAR_SECONDS,
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
  type Options,
  type UiLocale,
} from '../lib/options/options';
import type { PopupApi } from '../lib/popup/api';
import { CheckIcon, KeyIcon } from './icons';

type OptionsApi = Pick<PopupApi, 'loadOptions' | 'saveOptions'>;

/** IAM endpoints, default validity, clipboard auto-clear delay and language. */
export function OptionsPage({ api }: { api: OptionsApi }) {
  const [options, setOptions] = useState<Options>();
  const [endpoints, setEndpoints] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void api.loadOptions().then((o) => {
      setOptions(o);
      setEndpoints(o.endpoints.join('\n'));
    });
  }, [api]);
  if (!options) return null;
  const t = translator(options.locale);
  const set = (patch: Partial<Options>) => setOptions({ ...options, ...patch });
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const saved = await api.saveOptions({
        ...options,
        endpoints: endpoints.split(/\s+/).filter(Boolean),
      });
      setOptions(saved);
      setEndpoints(saved.endpoints.join('\n'));
      setError('');
      setStatus(translator(saved.locale)('saved'));
    } catch (err) {
      setStatus('');
      setError(err instanceof Error ? `${t('error')}: ${err.message}` : t('error'));
    }
  };
  return (
    <main class="options-page" lang={options.locale === 'zh-cn' ? 'zh-CN' : 'en'}>
      <header class="options-head">
        <span class="logo" aria-hidden="true">
          <KeyIcon size={20} />
        </span>
        <div>
          <p class="eyebrow">{t('appTitle')}</p>
          <h1>{t('optionsTitle')}</h1>
        </div>
      </header>
      <form class="card form options-form" onSubmit={(e) => void save(e)}>
        <label>
          {t('endpointsOption')}
          <textarea
            class="mono"
            rows={4}
            spellcheck={false}
            value={endpoints}
            onInput={(e) => setEndpoints(e.currentTarget.value)}
          />
        </label>
        <div class="form-row">
          <label class="grow">
            {t('defaultDuration')}
            <input
              type="number"
              min={MIN_DURATION_MINUTES}
              max={MAX_DURATION_MINUTES}
              value={options.defaultDurationMinutes}
              onInput={(e) => set({ defaultDurationMinutes: Number(e.currentTarget.value) })}
            />
          </label>
          <label class="grow">
            {t('clipboardDelay')}
            <input
              type="number"
              min={0}
              max={MAX_CLEAR_SECONDS}
              value={options.clipboardClearSeconds}
              onInput={(e) => set({ clipboardClearSeconds: Number(e.currentTarget.value) })}
            />
          </label>
        </div>
        <label>
          {t('locale')}
          <select
            value={options.locale}
            onChange={(e) => set({ locale: e.currentTarget.value as UiLocale })}
          >
            <option value="en-us">English</option>
            <option value="zh-cn">简体中文</option>
          </select>
        </label>
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {t('save')}
          </button>
          <p role="status" class="saved">
            {status && <CheckIcon />}
            {status}
          </p>
        </div>
        {error && (
          <p role="alert" class="callout callout-error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
