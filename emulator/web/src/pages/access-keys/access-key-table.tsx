/** The permanent keys: AK, description, status, created, last used, and the row operations. */
import type { AccessKeyRow } from '../../api/contract';
import { CopyButton } from '../../components/copy-button';
import { useI18n } from '../../i18n/i18n';
import { formatTime } from '../../lib/format-time';
import type { KeyAction } from './key-action-dialog';

export interface AccessKeyTableProps {
  keys: AccessKeyRow[];
  /** False hides the operations (administrators only, federated users). */
  canManage: boolean;
  onAction: (action: KeyAction, access: string) => void;
}

export function AccessKeyTable({ keys, canManage, onAction }: AccessKeyTableProps) {
  const { t } = useI18n();
  if (keys.length === 0) return <p class="empty">{t('accessKey.empty')}</p>;
  return (
    <div class="table-wrap">
      <table class="table keys-table" aria-label={t('accessKey.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('accessKey.col.access')}</th>
            <th scope="col">{t('accessKey.col.description')}</th>
            <th scope="col">{t('accessKey.col.status')}</th>
            <th scope="col">{t('accessKey.col.created')}</th>
            <th scope="col">{t('accessKey.col.lastUsed')}</th>
            {canManage ? <th scope="col">{t('accessKey.col.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <KeyRow key={key.access} row={key} canManage={canManage} onAction={onAction} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyRow({
  row,
  canManage,
  onAction,
}: {
  row: AccessKeyRow;
  canManage: boolean;
  onAction: AccessKeyTableProps['onAction'];
}) {
  const { t } = useI18n();
  const toggle: KeyAction = row.status === 'active' ? 'disable' : 'enable';
  return (
    <tr data-access-key={row.access}>
      <td data-label={t('accessKey.col.access')}>
        <span class="id-value">
          <code>{row.access}</code>
          <CopyButton value={row.access} label={`${t('accessKey.col.access')} ${row.access}`} />
        </span>
      </td>
      <td data-label={t('accessKey.col.description')}>
        {row.description || <span class="muted">—</span>}
      </td>
      <td data-label={t('accessKey.col.status')}>
        <span class={`status status-${row.status}`}>{t(`accessKey.status.${row.status}`)}</span>
      </td>
      <td data-label={t('accessKey.col.created')}>
        <time dateTime={row.create_time}>{formatTime(row.create_time)}</time>
      </td>
      <td data-label={t('accessKey.col.lastUsed')}>
        <time dateTime={row.last_use_time}>{formatTime(row.last_use_time)}</time>
      </td>
      {canManage ? (
        <td data-label={t('accessKey.col.actions')} class="row-actions">
          <button
            type="button"
            class="link-button"
            aria-label={t('accessKey.actionLabel', {
              action: t(`accessKey.${toggle}`),
              access: row.access,
            })}
            onClick={() => onAction(toggle, row.access)}
          >
            {t(`accessKey.${toggle}`)}
          </button>
          <button
            type="button"
            class="link-button link-danger"
            aria-label={t('accessKey.actionLabel', {
              action: t('accessKey.delete'),
              access: row.access,
            })}
            onClick={() => onAction('delete', row.access)}
          >
            {t('accessKey.delete')}
          </button>
        </td>
      ) : null}
    </tr>
  );
}
