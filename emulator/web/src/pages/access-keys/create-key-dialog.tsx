/**
 * Create Access Key: description → (operation protection on) identity verification → the
 * one-time success step with AK, SK and the credentials.csv download.
 */
import { useState } from 'preact/hooks';
import type { CreatedAccessKey, ProtectionInfo } from '../../api/contract';
import { CONSOLE_ERRORS } from '../../api/contract';
import { ConsoleApiError } from '../../api/console-api-error';
import { useConsole } from '../../app/console-context';
import { ErrorAlert } from '../../components/error-alert';
import { Modal } from '../../components/modal';
import { VerificationForm } from '../../components/verification-form';
import { useI18n } from '../../i18n/i18n';
import { CreatedKey } from './created-key';
import { useProtectedCall } from './use-protected-call';

export const DESCRIPTION_MAX = 255;

type Step = 'details' | 'verify' | 'created';

export interface CreateKeyDialogProps {
  protection: ProtectionInfo;
  onClose: () => void;
  /** The key exists now (the list behind the dialog can refresh). */
  onCreated: () => void;
}

export function CreateKeyDialog({ protection, onClose, onCreated }: CreateKeyDialogProps) {
  const { t } = useI18n();
  const { api } = useConsole();
  const [step, setStep] = useState<Step>('details');
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<CreatedAccessKey | null>(null);
  const tooLong = description.length > DESCRIPTION_MAX;

  const call = useProtectedCall(protection, async (verification) => {
    try {
      const result = await api.createAccessKey({
        description,
        ...(verification ? { verification } : {}),
      });
      setCreated(result);
      setStep('created');
      onCreated();
    } catch (e) {
      // The policy may have been switched on since the page loaded: ask for the proof now.
      if (
        e instanceof ConsoleApiError &&
        e.code === CONSOLE_ERRORS.verificationRequired &&
        protection.options.length > 0
      )
        setStep('verify');
      throw e;
    }
  });

  if (step === 'created' && created) {
    return (
      <Modal
        title={t('created.title')}
        onClose={onClose}
        footer={<CloseButton onClose={onClose} />}
      >
        <CreatedKey created={created} />
      </Modal>
    );
  }

  const next = () => {
    if (tooLong) return;
    if (step === 'details' && protection.required) setStep('verify');
    else void call.submit(step === 'verify');
  };

  const footer = (
    <>
      <button type="button" class="button button-secondary" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button type="button" class="button button-primary" onClick={next} disabled={call.busy}>
        {t('common.ok')}
      </button>
    </>
  );

  return (
    <Modal
      title={step === 'verify' ? t('verify.title') : t('create.title')}
      onClose={onClose}
      footer={footer}
    >
      {step === 'details' ? (
        <div class="form-field">
          <label for="key-description">{t('create.description')}</label>
          <textarea
            id="key-description"
            rows={3}
            value={description}
            aria-invalid={tooLong}
            aria-describedby="key-description-hint"
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
          <p id="key-description-hint" class={tooLong ? 'field-error' : 'hint'}>
            {tooLong
              ? t('create.descriptionTooLong', { max: DESCRIPTION_MAX })
              : t('create.descriptionHint', { max: DESCRIPTION_MAX })}
          </p>
        </div>
      ) : (
        <VerificationForm
          options={protection.options}
          operation="create_access_key"
          draft={call.draft}
          onChange={call.setDraft}
          missing={call.missing}
        />
      )}
      {call.error ? <ErrorAlert error={call.error} /> : null}
    </Modal>
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="button button-secondary" onClick={onClose}>
      {t('common.close')}
    </button>
  );
}
