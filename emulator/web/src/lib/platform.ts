/**
 * @module The browser effects the pages need (navigation, clipboard, file save), behind one
 * interface so component tests can observe them without a real browser.
 */
export interface Platform {
  /** Full page navigation (sign-in, sign-out, session expiry). */
  navigate(href: string): void;
  copyText(text: string): Promise<void>;
  /** Offers `text` as a file download named `name`. */
  saveFile(name: string, text: string, type: string): void;
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Older browsers or denied clipboard permission: the selection-based fallback.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused by the browser');
}

function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium starts the download asynchronously from the object URL.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const browserPlatform: Platform = {
  navigate: (href) => location.assign(href),
  copyText,
  saveFile,
};
