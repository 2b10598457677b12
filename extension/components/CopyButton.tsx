import { useEffect, useState } from 'preact/hooks';
import { usePopup } from './context';
import { CheckIcon, CopyIcon } from './icons';

interface Props {
  text: string;
  /** what is copied, for the accessible name: "Copy account ID" */
  what: string;
  /** visible text (a text button); without it, an icon button */
  label?: string;
  secret?: boolean;
}

/** How long "Copied" shows; longer when there is a clearing notice to read. */
const FEEDBACK_MS = 1500;
const NOTICE_MS = 4000;

/**
 * Copies on click and shows "Copied" for a moment. The button's own text becomes "Copied" (an
 * icon button shows it as a small flag beside itself); the `role=status` right after the button
 * announces it, and is shown as a toast when it says more (the clipboard-clearing notice, errors).
 */
export function CopyButton({ text, what, label, secret = false }: Props) {
  const { api, t, clearSeconds } = usePopup();
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  const notice = secret && clearSeconds > 0;
  useEffect(() => {
    if (!copied && !failed) return undefined;
    const timer = setTimeout(
      () => (setCopied(false), setFailed(false)),
      notice || failed ? NOTICE_MS : FEEDBACK_MS,
    );
    return () => clearTimeout(timer);
  }, [copied, failed, notice]);
  const onClick = async () => {
    try {
      await api.copy(text, secret);
      setFailed(false);
      setCopied(true);
    } catch {
      setCopied(false);
      setFailed(true);
    }
  };
  const status = copied
    ? notice
      ? t('copiedSecret', { seconds: clearSeconds })
      : t('copied')
    : failed
      ? t('error')
      : '';
  const toast = failed || (copied && notice);
  const name = t('copyLabel', { what });
  return (
    <span class={label ? 'copy copy-text' : 'copy'}>
      <button
        type="button"
        class={label ? 'btn btn-sm' : 'icon-btn'}
        data-copied={copied ? 'true' : undefined}
        aria-label={name}
        title={name}
        onClick={() => void onClick()}
      >
        {copied ? <CheckIcon /> : <CopyIcon />}
        {label ? (
          <span>{copied ? t('copied') : label}</span>
        ) : (
          copied && <span class="copied-flag">{t('copied')}</span>
        )}
      </button>
      <span
        role="status"
        class={toast ? `copy-status toast${failed ? ' toast-error' : ''}` : 'copy-status sr-only'}
      >
        {status}
      </span>
    </span>
  );
}
