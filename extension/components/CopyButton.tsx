import { useEffect, useState } from 'preact/hooks';
import { usePopup } from './context';

interface Props {
  text: string;
  /** what is copied, for the accessible name: "Copy account ID" */
  what: string;
  /** visible text; defaults to "Copy" */
  label?: string;
  secret?: boolean;
}

/** Copies on click and shows "Copied" for a moment (announced to screen readers). */
export function CopyButton({ text, what, label, secret = false }: Props) {
  const { api, t, clearSeconds } = usePopup();
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const onClick = async () => {
    try {
      await api.copy(text, secret);
      setFailed(false);
      setCopied(true);
    } catch {
      setFailed(true);
    }
  };
  const status = copied ? (secret && clearSeconds > 0 ? t('copiedSecret', { seconds: clearSeconds }) : t('copied')) : failed ? t('error') : '';
  return (
    <span class="copy">
      <button type="button" aria-label={t('copyLabel', { what })} onClick={onClick}>
        {copied ? t('copied') : (label ?? t('copy'))}
      </button>
      <span role="status" class="copy-status">
        {status}
      </span>
    </span>
  );
}
