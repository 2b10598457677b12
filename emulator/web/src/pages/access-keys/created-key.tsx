/**
 * The success step: AK and SK shown this once, and Download, which fetches `credentials.csv` from
 * the server. The server answers the ticket exactly once; a second click shows its refusal.
 */
import { useState } from 'preact/hooks';
import type { CreatedAccessKey } from '../../api/contract';
import { useConsole, useSessionGuard } from '../../app/console-context';
import { ErrorAlert } from '../../components/error-alert';
import { IdField } from '../../components/id-field';
import { DownloadIcon } from '../../components/icons';
import { Notice } from '../../components/notice';
import { useI18n } from '../../i18n/i18n';

export const CREDENTIALS_FILE = 'credentials.csv';

export function CreatedKey({ created }: { created: CreatedAccessKey }) {
  const { t } = useI18n();
  const { api, platform } = useConsole();
  const guard = useSessionGuard();
  const [downloaded, setDownloaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const csv = await api.downloadCredentials(created.download_ticket);
      platform.saveFile(CREDENTIALS_FILE, csv, 'text/csv;charset=utf-8');
      setDownloaded(true);
    } catch (e) {
      setError(guard(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="created-key">
      <Notice tone="warning">{t('created.warning')}</Notice>
      <dl class="field-grid field-grid-single">
        <IdField label={t('created.access')} value={created.access_key.access} copy mono />
        <IdField label={t('created.secret')} value={created.secret} copy mono />
      </dl>
      <button
        type="button"
        class="button button-primary"
        onClick={() => void download()}
        disabled={busy}
      >
        <DownloadIcon />
        <span>{t('created.download')}</span>
      </button>
      {downloaded && !error ? <Notice tone="success">{t('created.downloaded')}</Notice> : null}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
