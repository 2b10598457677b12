/** Enable, disable or delete one access key: a confirmation, with verification when required. */
import type { ProtectionInfo } from '../../api/contract';
import { useConsole } from '../../app/console-context';
import { ErrorAlert } from '../../components/error-alert';
import { Modal } from '../../components/modal';
import { VerificationForm } from '../../components/verification-form';
import { useI18n } from '../../i18n/i18n';
import { useProtectedCall } from './use-protected-call';

export type KeyAction = 'enable' | 'disable' | 'delete';

export interface KeyActionDialogProps {
  action: KeyAction;
  access: string;
  protection: ProtectionInfo;
  onClose: () => void;
  /** Called after the server accepted; receives the message to show on the page. */
  onDone: (message: string) => void;
}

export function KeyActionDialog({
  action,
  access,
  protection,
  onClose,
  onDone,
}: KeyActionDialogProps) {
  const { t } = useI18n();
  const { api } = useConsole();
  const call = useProtectedCall(protection, async (verification) => {
    if (action === 'delete') await api.deleteAccessKey(access, verification);
    else
      await api.updateAccessKey(access, {
        status: action === 'enable' ? 'active' : 'inactive',
        ...(verification ? { verification } : {}),
      });
    onDone(t(`accessKey.done.${action}`, { access }));
  });

  const footer = (
    <>
      <button type="button" class="button button-secondary" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button
        type="button"
        class={`button ${action === 'delete' ? 'button-danger' : 'button-primary'}`}
        disabled={call.busy}
        onClick={() => void call.submit(protection.required)}
      >
        {t('common.ok')}
      </button>
    </>
  );

  return (
    <Modal
      title={t(`confirm.${action}.title`)}
      onClose={onClose}
      footer={footer}
      role={action === 'delete' ? 'alertdialog' : 'dialog'}
    >
      <p>{t(`confirm.${action}.body`, { access })}</p>
      {protection.required ? (
        <VerificationForm
          options={protection.options}
          operation={action === 'delete' ? 'delete_access_key' : 'update_access_key'}
          draft={call.draft}
          onChange={call.setDraft}
          missing={call.missing}
        />
      ) : null}
      {call.error ? <ErrorAlert error={call.error} /> : null}
    </Modal>
  );
}
