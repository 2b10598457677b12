import { CloudIcon } from '../components/icons';
import { useI18n } from '../i18n/i18n';

/** Product mark with an always-visible "Emulator" badge, so nobody mistakes this for the real site. */
export function BrandMark() {
  const { t } = useI18n();
  return (
    <span class="brand">
      <span class="brand-logo">
        <CloudIcon />
      </span>
      <span class="brand-name">{t('app.brand')}</span>
      <span class="brand-console">{t('app.console')}</span>
      <span class="badge badge-emulator" title={t('app.emulatorNotice')}>
        {t('app.emulatorBadge')}
      </span>
    </span>
  );
}
