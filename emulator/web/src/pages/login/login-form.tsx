/** One sign-in form (IAM user or federated user): labelled fields, required checks, error in place. */
import { useState } from 'preact/hooks';
import { ErrorAlert } from '../../components/error-alert';
import { useI18n, type MessageKey } from '../../i18n/i18n';

export interface LoginField {
  name: string;
  label: MessageKey;
  type: 'text' | 'password';
  autocomplete: string;
}

export interface LoginFormProps {
  id: string;
  fields: readonly LoginField[];
  hint?: MessageKey;
  onSubmit: (values: Record<string, string>) => Promise<void>;
}

export function LoginForm({ id, fields, hint, onSubmit }: LoginFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const empty = fields.find((f) => !(values[f.name] ?? '').trim());
    setMissing(empty?.name ?? null);
    if (empty) {
      document.getElementById(`${id}-${empty.name}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form class="login-form" onSubmit={(e) => void submit(e)} noValidate>
      {fields.map((field) => {
        const inputId = `${id}-${field.name}`;
        const isMissing = missing === field.name;
        return (
          <div class="form-field" key={field.name}>
            <label for={inputId}>{t(field.label)}</label>
            <input
              id={inputId}
              name={field.name}
              type={field.type}
              autocomplete={field.autocomplete}
              value={values[field.name] ?? ''}
              aria-invalid={isMissing}
              aria-describedby={isMissing ? `${inputId}-error` : undefined}
              onInput={(e) => setValues({ ...values, [field.name]: e.currentTarget.value })}
            />
            {isMissing ? (
              <p id={`${inputId}-error`} class="field-error">
                {t('login.required', { field: t(field.label) })}
              </p>
            ) : null}
          </div>
        );
      })}
      {hint ? <p class="hint">{t(hint)}</p> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <button type="submit" class="button button-primary button-block" disabled={busy}>
        {busy ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
