/**
 * `#/iam/securitySettings` (administrators): operation protection on/off and who verifies, and
 * whether IAM users may manage their own access keys (`allow_user.manage_accesskey`). Saved
 * through the same protect-policy rule as `PUT …/protect-policy`.
 */
import { useState } from 'preact/hooks';
import type { SecuritySettings } from '../../api/contract';
import { useConsole, useSessionGuard, useUser } from '../../app/console-context';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../lib/use-load';
import { ProtectionFields } from './protection-fields';
import { settingsProblem } from './settings-form';

export function SecuritySettingsPage() {
  const { t } = useI18n();
  const user = useUser();
  return (
    <section class="page" aria-labelledby="page-title">
      <PageHeader
        title={t('security.title')}
        intro={t('security.intro', { account: user.domain.name })}
      />
      {user.kind === 'admin' ? (
        <SettingsLoader />
      ) : (
        <Notice tone="warning">{t('security.adminOnly')}</Notice>
      )}
    </section>
  );
}

function SettingsLoader() {
  const { api } = useConsole();
  const [state, reload] = useLoad(() => api.securitySettings());
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorAlert error={state.error} onRetry={reload} />;
  return <SettingsForm initial={state.data} />;
}

function SettingsForm({ initial }: { initial: SecuritySettings }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const guard = useSessionGuard();
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<ReturnType<typeof settingsProblem>>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const change = (patch: Partial<SecuritySettings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const found = settingsProblem(draft);
    setProblem(found);
    if (found) return;
    setBusy(true);
    setError(null);
    try {
      setDraft(await api.updateSecuritySettings(draft));
      setSaved(true);
    } catch (e) {
      setError(guard(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="settings" onSubmit={(e) => void save(e)} noValidate>
      <div class="card">
        <ProtectionFields draft={draft} change={change} problem={problem} />
      </div>
      <div class="card">
        <h2>{t('security.accessKeys')}</h2>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={draft.allow_user_manage_accesskey}
            aria-describedby="allow-users-hint"
            onChange={(e) => change({ allow_user_manage_accesskey: e.currentTarget.checked })}
          />
          <span class="switch-track" aria-hidden="true" />
          <span>{t('security.allowUsers')}</span>
        </label>
        <p id="allow-users-hint" class="hint">
          {t('security.allowUsersHint')}
        </p>
      </div>
      {saved ? <Notice tone="success">{t('security.saved')}</Notice> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('security.save')}
        </button>
      </div>
    </form>
  );
}
