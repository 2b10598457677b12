/**
 * A failed call, shown in place: a localized sentence for known codes, then the server's own
 * reason and code so nothing is hidden from a tester.
 */
import { ConsoleApiError } from '../api/console-api-error';
import { hasMessage, useI18n } from '../i18n/i18n';
import { Notice } from './notice';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const known = error instanceof ConsoleApiError;
  const key = known ? `error.${error.code}` : 'error.network';
  const headline = hasMessage(key) ? t(key) : t('error.title');
  return (
    <Notice tone="error">
      <p class="notice-title">{headline}</p>
      {known ? (
        <p class="notice-detail">
          {t('common.reason', { reason: error.reason })} <code>{error.code}</code>
        </p>
      ) : error instanceof Error && error.message ? (
        <p class="notice-detail">{t('common.reason', { reason: error.message })}</p>
      ) : null}
      {onRetry ? (
        <button type="button" class="button button-secondary button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </Notice>
  );
}
