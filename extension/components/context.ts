/**
 * @module components/context
 * What every popup component may need: the browser API (a fake in tests) and the translator.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Translate } from '../lib/i18n/i18n';
import type { PopupApi } from '../lib/popup/api';

export interface PopupContext {
  api: PopupApi;
  t: Translate;
  /** seconds after which copied secrets are cleared (0: never, including when unreadable) */
  clearSeconds: number;
  /** the clearing delay the user chose, whether or not clearing can happen */
  configuredClearSeconds: number;
  clipboardReadable: boolean;
  setClipboardReadable: (readable: boolean) => void;
}

export const Ctx = createContext<PopupContext>({
  api: undefined as unknown as PopupApi,
  t: translator('en-us'),
  clearSeconds: 0,
  configuredClearSeconds: 0,
  clipboardReadable: false,
  setClipboardReadable: () => undefined,
});

export const usePopup = (): PopupContext => useContext(Ctx);
