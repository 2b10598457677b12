import { useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';

interface Props {
  label: string;
  value: string;
}

/** A secret shown masked (its last 4 characters only) until the user reveals it. */
export function SecretText({ label, value }: Props) {
  const { t } = usePopup();
  const [shown, setShown] = useState(false);
  const masked = `••••••••${value.slice(-4)}`;
  return (
    <div class="field">
      <span class="label">{label}</span>
      <code class="value secret" aria-label={label}>
        {shown ? value : masked}
      </code>
      <button type="button" aria-pressed={shown} aria-label={`${shown ? t('hide') : t('reveal')} ${label}`} onClick={() => setShown(!shown)}>
        {shown ? t('hide') : t('reveal')}
      </button>
      <CopyButton text={value} what={label} secret />
    </div>
  );
}
