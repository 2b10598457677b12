/**
 * @module scraper/leaves
 * "Leaves": elements that hold text themselves (a cell, a span, an input), with that text.
 * Project rows are found from their leaves' shapes rather than from the markup around them.
 */
import { isInput } from './text';

export interface Leaf {
  el: Element;
  text: string;
}

const SKIPPED =
  'button, script, style, template, noscript, svg, select, [role="button"], [aria-hidden="true"]';

function ownText(el: Element): string {
  if (isInput(el)) return (el as HTMLInputElement).value.trim();
  let text = '';
  for (const node of Array.from(el.childNodes))
    if (node.nodeType === 3) text += node.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

export function leavesOf(root: Element): Leaf[] {
  const out: Leaf[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.closest(SKIPPED)) continue;
    const text = ownText(el);
    if (text) out.push({ el, text });
  }
  return out;
}

export function within(root: Element, leaves: readonly Leaf[]): Leaf[] {
  return leaves.filter((leaf) => root.contains(leaf.el));
}
