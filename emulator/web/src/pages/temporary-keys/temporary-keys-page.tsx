/**
 * `#/mine/temporaryAccessKey` (federated users): choose a validity from 15 minutes to 24 hours,
 * Generate, and see AK, SK and security token with their expiry. They live only in this
 * component's state: a refresh or leaving the page drops them, as on the real console ("cannot
 * be … stored for later use", docs/reference/console-and-extension.md §2.6).
 */
import { useState } from 'preact/hooks';
import type { TemporaryKey } from '../../api/contract';
import { useConsole, useSessionGuard, useUser } from '../../app/console-context';
import { ErrorAlert } from '../../components/error-alert';
import { IdField } from '../../components/id-field';
import { ClockIcon } from '../../components/icons';
import { Notice } from '../../components/notice';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format-time';
import { ROUTES, routeHash } from '../../lib/url';
import { durationSeconds, type DurationUnit } from './duration';

export function TemporaryKeysPage() {
  const { t } = useI18n();
  const user = useUser();
  return (
    <section class="page" aria-labelledby="page-title">
      <PageHeader title={t('temp.title')} intro={t('temp.intro')} />
      {user.kind === 'federated' ? (
        <Generator />
      ) : (
        <Notice tone="info">
          {t('temp.onlyFederated')} <a href={routeHash(ROUTES.accessKey)}>{t('nav.accessKey')}</a>
        </Notice>
      )}
    </section>
  );
}

function Generator() {
  const { t } = useI18n();
  const { api } = useConsole();
  const guard = useSessionGuard();
  const [amount, setAmount] = useState('15');
  const [unit, setUnit] = useState<DurationUnit>('minutes');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [keys, setKeys] = useState<TemporaryKey[]>([]);

  const generate = async (event: Event) => {
    event.preventDefault();
    const seconds = durationSeconds(amount, unit);
    setInvalid(seconds === null);
    if (seconds === null) return;
    setBusy(true);
    setError(null);
    try {
      const key = await api.createTemporaryKey(seconds);
      setKeys((list) => [key, ...list]);
    } catch (e) {
      setError(guard(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form class="card form-inline" onSubmit={(e) => void generate(e)} noValidate>
        <div class="form-field">
          <label for="temp-duration">{t('temp.duration')}</label>
          <input
            id="temp-duration"
            type="number"
            inputMode="numeric"
            min={1}
            value={amount}
            aria-invalid={invalid}
            aria-describedby="temp-duration-hint"
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </div>
        <div class="form-field">
          <label for="temp-unit">{t('temp.unit')}</label>
          <select
            id="temp-unit"
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value as DurationUnit)}
          >
            <option value="minutes">{t('temp.minutes')}</option>
            <option value="hours">{t('temp.hours')}</option>
          </select>
        </div>
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('temp.generate')}
        </button>
        <p
          id="temp-duration-hint"
          class={invalid ? 'field-error form-inline-note' : 'hint form-inline-note'}
        >
          {invalid ? t('temp.durationInvalid') : t('temp.durationHint')}
        </p>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {keys.length > 0 ? (
        <div aria-label={t('temp.listLabel')} role="region">
          {keys.map((key, i) => (
            <GeneratedKey key={key.access} value={key} latest={i === 0} />
          ))}
        </div>
      ) : null}
    </>
  );
}

function GeneratedKey({ value, latest }: { value: TemporaryKey; latest: boolean }) {
  const { t } = useI18n();
  return (
    <div class="card temp-key" data-temporary-key={value.access}>
      {latest ? (
        <Notice tone="success">
          {t('temp.generated', { time: formatTime(value.expires_at) })}
        </Notice>
      ) : null}
      <dl class="field-grid field-grid-single">
        <IdField label={t('temp.access')} value={value.access} copy mono />
        <IdField label={t('temp.secret')} value={value.secret} copy mono />
        <IdField label={t('temp.token')} value={value.securitytoken} copy mono />
        <div class="field-row">
          <dt>{t('temp.expires')}</dt>
          <dd>
            <ClockIcon /> <time dateTime={value.expires_at}>{formatTime(value.expires_at)}</time>
          </dd>
        </div>
      </dl>
      <p class="hint">{t('temp.usage')}</p>
    </div>
  );
}
