/**
 * `#/mine/accessKey`: the user's permanent keys (at most 2), Create with operation protection,
 * enable/disable/delete, and the reasons the page may refuse: quota reached, only administrators
 * may manage keys, federated users have temporary keys only. The server decides each of these
 * through the domain rules; the page shows what it answered.
 */
import { useState } from 'preact/hooks';
import { PERMANENT_KEYS_PER_USER, type AccessKeyList } from '../../api/contract';
import { useConsole } from '../../app/console-context';
import { ErrorAlert } from '../../components/error-alert';
import { KeyIcon } from '../../components/icons';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../lib/use-load';
import { ROUTES, routeHash } from '../../lib/url';
import { AccessKeyTable } from './access-key-table';
import { CreateKeyDialog } from './create-key-dialog';
import { KeyActionDialog, type KeyAction } from './key-action-dialog';

type Dialog = { kind: 'create' } | { kind: 'action'; action: KeyAction; access: string } | null;

export function AccessKeysPage() {
  const { t } = useI18n();
  const { api } = useConsole();
  const [state, reload] = useLoad(() => api.listAccessKeys());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState('');

  const list = state.status === 'ready' ? state.data : null;
  const full = list !== null && list.access_keys.length >= list.quota;
  const createButton = list?.manage.allowed ? (
    <button
      type="button"
      class="button button-primary"
      disabled={full}
      aria-describedby={full ? 'quota-message' : undefined}
      onClick={() => setDialog({ kind: 'create' })}
    >
      <KeyIcon />
      <span>{t('accessKey.create')}</span>
    </button>
  ) : null;

  return (
    <section class="page" aria-labelledby="page-title">
      <PageHeader
        title={t('accessKey.title')}
        intro={t('accessKey.intro', { quota: list?.quota ?? PERMANENT_KEYS_PER_USER })}
        actions={createButton}
      />
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorAlert error={state.error} onRetry={reload} /> : null}
      {done ? <Notice tone="success">{done}</Notice> : null}
      {list ? (
        <KeysCard
          list={list}
          full={full}
          onAction={(action, access) => setDialog({ kind: 'action', action, access })}
        />
      ) : null}
      {list && dialog?.kind === 'create' ? (
        <CreateKeyDialog
          protection={list.protection}
          onClose={() => setDialog(null)}
          onCreated={() => {
            setDone('');
            reload();
          }}
        />
      ) : null}
      {list && dialog?.kind === 'action' ? (
        <KeyActionDialog
          action={dialog.action}
          access={dialog.access}
          protection={list.protection}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setDialog(null);
            setDone(message);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}

function KeysCard({
  list,
  full,
  onAction,
}: {
  list: AccessKeyList;
  full: boolean;
  onAction: (a: KeyAction, ak: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="card">
      {list.manage.reason === 'admin_only' ? (
        <Notice tone="warning">{t('accessKey.adminOnly')}</Notice>
      ) : null}
      {list.manage.reason === 'federated' ? (
        <Notice tone="info">
          {t('accessKey.federated')}{' '}
          <a href={routeHash(ROUTES.temporaryAccessKey)}>{t('accessKey.goTemporary')}</a>
        </Notice>
      ) : null}
      {list.manage.allowed && full ? (
        <div id="quota-message">
          <Notice tone="warning">{t('accessKey.quotaReached', { quota: list.quota })}</Notice>
        </div>
      ) : null}
      <div class="card-header">
        <h2>{t('accessKey.tableLabel')}</h2>
        <p class="muted">
          {t('accessKey.usage', { count: list.access_keys.length, quota: list.quota })}
        </p>
      </div>
      <AccessKeyTable keys={list.access_keys} canManage={list.manage.allowed} onAction={onAction} />
    </div>
  );
}
