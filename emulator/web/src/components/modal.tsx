/**
 * An accessible modal dialog: `role="dialog"`, labelled by its title, focus moved in on open,
 * Tab kept inside, Escape closes, focus returned to the opener on close.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';

const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** `FOCUSABLE` scoped to descendants of `scope` (each alternative of the list). */
const within = (scope: string): string =>
  FOCUSABLE.split(',')
    .map((s) => `${scope} ${s}`)
    .join(',');

let lastId = 0;

export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  footer?: ComponentChildren;
  /** `alertdialog` for destructive confirmations. */
  role?: 'dialog' | 'alertdialog';
}

export function Modal({ title, onClose, children, footer, role = 'dialog' }: ModalProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useRef(`modal-title-${++lastId}`).current;

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const root = ref.current;
    const first =
      root?.querySelector<HTMLElement>(within('.modal-body')) ??
      root?.querySelector<HTMLElement>(within('.modal-footer')) ??
      root;
    first?.focus();
    return () => {
      // The opener may be gone or disabled now (a full quota disables Create): fall back to the page title.
      const back =
        opener?.isConnected && !opener.matches(':disabled')
          ? opener
          : document.getElementById('page-title');
      back?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="modal-backdrop">
      <div
        ref={ref}
        class="modal"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header class="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            class="icon-button"
            aria-label={t('common.close')}
            onClick={onClose}
          >
            <span aria-hidden="true">×</span>
          </button>
        </header>
        <div class="modal-body">{children}</div>
        {footer ? <footer class="modal-footer">{footer}</footer> : null}
      </div>
    </div>
  );
}
