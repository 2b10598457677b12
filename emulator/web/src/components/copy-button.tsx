/**
 * A copy button for one value (IDs, keys): labelled "Copy <what>", with visible and announced
 * "Copied" feedback. The value itself is never put in the label.
 */
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { usePlatform } from '../app/console-context';
import { CheckIcon, CopyIcon } from './icons';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  const platform = usePlatform();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    platform.copyText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <span class="copy">
      {/* The feedback lives inside the button: page readers skip buttons, so "Copied" never
          becomes part of the value beside it; the aria-label stays the button's name. */}
      <button
        type="button"
        class="icon-button"
        aria-label={t('common.copy', { label })}
        title={t('common.copy', { label })}
        onClick={copy}
      >
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        <span class={`copy-feedback${state === 'idle' ? ' is-hidden' : ''}`} role="status">
          {state === 'copied'
            ? t('common.copied')
            : state === 'failed'
              ? t('common.copyFailed')
              : ''}
        </span>
      </button>
    </span>
  );
}
