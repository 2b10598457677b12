import { useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';
import { usePopup } from './context';
import { EyeIcon, EyeOffIcon } from './icons';

interface Props {
  label: string;
  value: string;
}

/** A secret shown masked (its last 4 characters only) until the user reveals it. */
export function SecretText({ label, value }: Props) {
  const { t } = usePopup();
  const [shown, setShown] = useState(false);
  const masked = `••••••••${value.slice(-4)}`;
  const toggle = `${shown ? t('hide') : t('reveal')} ${label}`;
  return (
    <div class="field row secret-row">
      <span class="label row-label">{label}</span>
      <div class="row-value">
        <code class={shown ? 'value mono secret revealed' : 'value mono secret'} aria-label={label}>
          {shown ? value : masked}
        </code>
        <button
          type="button"
          class="icon-btn"
          aria-pressed={shown}
          aria-label={toggle}
          title={toggle}
          onClick={() => setShown(!shown)}
        >
          {shown ? <EyeOffIcon /> : <EyeIcon />}
        </button>
        <CopyButton text={value} what={label} secret />
      </div>
    </div>
  );
}
