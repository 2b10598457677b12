/**
 * The identity-verification step of operation protection: pick SMS, e-mail, virtual MFA or the
 * login password; "send" a code (the emulator records it for the control plane instead of
 * sending it) and type it in. The parent submits; this form only collects the proof.
 */
import { useState } from 'preact/hooks';
import type {
  ProtectedOperation,
  SendCodeResponse,
  Verification,
  VerificationChannel,
  VerificationOption,
} from '../api/contract';
import { useConsole, useSessionGuard, useUser } from '../app/console-context';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n';
import { formatTime } from '../lib/format-time';
import { ErrorAlert } from './error-alert';
import { Notice } from './notice';

export interface VerificationDraft {
  channel: VerificationChannel;
  code: string;
  password: string;
}

export function initialDraft(options: readonly VerificationOption[]): VerificationDraft {
  return { channel: options[0]?.channel ?? 'password', code: '', password: '' };
}

/** The proof to send, or the message key saying what is missing. */
export function toVerification(draft: VerificationDraft): Verification | MessageKey {
  if (draft.channel === 'password') {
    return draft.password
      ? { channel: 'password', password: draft.password }
      : 'verify.passwordRequired';
  }
  const code = draft.code.trim();
  return code ? { channel: draft.channel, code } : 'verify.codeRequired';
}

function optionLabel(t: Translate, option: VerificationOption): string {
  const destination = option.destination ?? '';
  switch (option.channel) {
    case 'sms':
      return t('verify.sms', { destination });
    case 'email':
      return t('verify.email', { destination });
    case 'vmfa':
      return t('verify.vmfa');
    default:
      return t('verify.password');
  }
}

export interface VerificationFormProps {
  options: readonly VerificationOption[];
  operation: ProtectedOperation;
  draft: VerificationDraft;
  onChange: (draft: VerificationDraft) => void;
  /** Set by the parent when OK was pressed with something missing. */
  missing?: MessageKey | undefined;
}

export function VerificationForm({
  options,
  operation,
  draft,
  onChange,
  missing,
}: VerificationFormProps) {
  const { t } = useI18n();
  const user = useUser();
  if (options.length === 0) return <Notice tone="warning">{t('verify.none')}</Notice>;
  const selected = options.find((o) => o.channel === draft.channel) ?? options[0];
  return (
    <div class="verification">
      <p>{t('verify.intro')}</p>
      <fieldset class="radio-group">
        <legend>{t('verify.method')}</legend>
        {options.map((option) => (
          <label key={option.channel} class="radio">
            <input
              type="radio"
              name="verification-channel"
              value={option.channel}
              checked={draft.channel === option.channel}
              onChange={() => onChange({ ...draft, channel: option.channel, code: '' })}
            />
            <span>{optionLabel(t, option)}</span>
          </label>
        ))}
      </fieldset>
      {selected && selected.channel !== 'password' ? (
        <CodeInput
          option={selected}
          operation={operation}
          draft={draft}
          onChange={onChange}
          missing={missing}
        />
      ) : (
        <div class="form-field">
          <label for="verify-password">{t('verify.passwordLabel')}</label>
          <input
            id="verify-password"
            type="password"
            autocomplete="current-password"
            value={draft.password}
            aria-invalid={missing === 'verify.passwordRequired'}
            aria-describedby={missing ? 'verify-missing' : undefined}
            onInput={(e) => onChange({ ...draft, password: e.currentTarget.value })}
          />
        </div>
      )}
      {missing ? (
        <p id="verify-missing" class="field-error">
          {t(missing)}
        </p>
      ) : null}
      <p class="hint">{t('verify.emulatorHint', { userId: user.id })}</p>
    </div>
  );
}

function CodeInput({
  option,
  operation,
  draft,
  onChange,
  missing,
}: Omit<VerificationFormProps, 'options'> & { option: VerificationOption }) {
  const { t } = useI18n();
  const { api } = useConsole();
  const guard = useSessionGuard();
  const [sent, setSent] = useState<SendCodeResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const channel = option.channel as 'sms' | 'email' | 'vmfa';
  const isCurrent = sent?.channel === channel;

  const send = () => {
    setBusy(true);
    setError(null);
    api.sendCode({ channel, operation }).then(
      (response) => {
        setSent(response);
        setBusy(false);
      },
      (e: unknown) => {
        setError(guard(e));
        setBusy(false);
      },
    );
  };

  return (
    <div class="form-field">
      <label for="verify-code">{t('verify.code')}</label>
      <div class="input-with-button">
        <input
          id="verify-code"
          type="text"
          inputMode="numeric"
          autocomplete="one-time-code"
          maxLength={8}
          value={draft.code}
          aria-invalid={missing === 'verify.codeRequired'}
          aria-describedby={missing ? 'verify-missing' : undefined}
          onInput={(e) => onChange({ ...draft, code: e.currentTarget.value })}
        />
        <button type="button" class="button button-secondary" onClick={send} disabled={busy}>
          {isCurrent ? t('verify.resend') : t('verify.send')}
        </button>
      </div>
      {isCurrent && sent ? (
        <Notice tone="info">
          {channel === 'vmfa'
            ? t('verify.sentMfa', { time: formatTime(sent.expires_at) })
            : t('verify.sent', {
                destination: sent.destination ?? '',
                time: formatTime(sent.expires_at),
              })}
        </Notice>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
