import { useI18n } from '../i18n/i18n';

/** A polite loading indicator with skeleton lines, as the real console shows while it fetches. */
export function Loading() {
  const { t } = useI18n();
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}
