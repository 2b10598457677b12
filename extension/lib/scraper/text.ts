/**
 * @module scraper/text
 * Reading text the way a user sees it: buttons, scripts and hidden helper text are not part of a
 * field's value ("Copy" next to an ID is a button, not part of the ID).
 */

const SKIPPED_TAGS = new Set([
  'BUTTON',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'SVG',
  'SELECT',
]);

function skipped(el: Element): boolean {
  return (
    SKIPPED_TAGS.has(el.tagName.toUpperCase()) ||
    el.getAttribute('role') === 'button' ||
    el.getAttribute('aria-hidden') === 'true'
  );
}

/** The text nodes under `root` that a reader would take as content, in document order. */
export function textPieces(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        const t = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) out.push(t);
      } else if (child.nodeType === 1 && !skipped(child as Element)) {
        walk(child);
      }
    }
  };
  if (!skipped(root)) walk(root);
  return out;
}

/** All content text of `root`, whitespace collapsed. Inputs contribute their value. */
export function textOf(root: Element): string {
  if (isInput(root)) return (root as HTMLInputElement).value.trim();
  return textPieces(root).join(' ');
}

export function isInput(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA';
}

/** Label comparison form: lower case, no spaces, no trailing colon or asterisk (en and zh colons). */
export function labelKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[:：*]+$/u, '');
}
