/** Inline notices: info, success, warning and error banners (errors shown where they happen). */
import type { ComponentChildren } from 'preact';
import { AlertIcon, CheckIcon, InfoIcon } from './icons';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export function Notice({ tone, children }: { tone: NoticeTone; children: ComponentChildren }) {
  // Errors interrupt (role=alert); the rest are polite status updates.
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div class={`notice notice-${tone}`} role={role}>
      <span class="notice-icon">
        {tone === 'success' ? <CheckIcon /> : tone === 'info' ? <InfoIcon /> : <AlertIcon />}
      </span>
      <div class="notice-text">{children}</div>
    </div>
  );
}
