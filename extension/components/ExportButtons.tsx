import { toCsv, toEnv, toJson, type CredentialsExport } from '../lib/export/credentials-export';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';

/** "Copy all" as JSON, .env lines and CSV (IDs and names only, so not treated as secrets). */
export function ExportButtons({ data }: { data: CredentialsExport }) {
  const { t } = usePopup();
  return (
    <div class="exports" role="group" aria-label={t('copyAllJson')}>
      <CopyButton text={toJson(data)} what="JSON" label={t('copyAllJson')} />
      <CopyButton text={toEnv(data)} what=".env" label={t('copyAllEnv')} />
      <CopyButton text={toCsv(data)} what="CSV" label={t('copyAllCsv')} />
    </div>
  );
}
