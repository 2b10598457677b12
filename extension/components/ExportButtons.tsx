import { toCsv, toEnv, toJson, type CredentialsExport } from '../lib/export/credentials-export';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';

/** "Copy all" as JSON, .env lines and CSV (IDs and names only, so not treated as secrets). */
export function ExportButtons({ data }: { data: CredentialsExport }) {
  const { t } = usePopup();
  return (
    <div class="card toolbar exports" role="group" aria-label={t('copyAll')}>
      <span class="toolbar-label" aria-hidden="true">
        {t('copyAll')}
      </span>
      <CopyButton text={toJson(data)} what="JSON" label="JSON" />
      <CopyButton text={toEnv(data)} what=".env" label=".env" />
      <CopyButton text={toCsv(data)} what="CSV" label="CSV" />
    </div>
  );
}
