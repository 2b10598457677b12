/**
 * @module scraper/locate
 * Finds the value that a label names, whatever the markup: a definition list (dt → dd), a
 * key/value table row (th|td → next cell), a table or grid with labels as column headings
 * (heading → same column of the next row), `<label for>`, `aria-labelledby`, a label followed by
 * its value (next sibling), or "Label: value" in one text node. Nothing here looks at class names
 * or test ids: the real console's markup is not ours.
 */
import { ALL_LABELS, type LabelSet } from './labels';
import { isInput, labelKey, textOf, textPieces } from './text';
import type { PageLocale } from './types';

/** Turns one piece of text into the value, or rejects it. */
export type Accept = (piece: string) => string | undefined;

export interface LabelledValue {
  value: string;
  /** the element holding the value (for excluding it from other searches) */
  element: Element;
  locale: PageLocale;
}

const LABEL_KEYS = new Set(ALL_LABELS.map(labelKey));
const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);

export function isLabelText(text: string): boolean {
  return LABEL_KEYS.has(labelKey(text));
}

function isCell(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return tag === 'TD' || tag === 'TH' || CELL_ROLES.has(el.getAttribute('role') ?? '');
}

function rowOf(cell: Element): Element | null {
  return cell.closest('tr, [role="row"]');
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter(isCell);
}

/** A row made only of labels is a heading row: its values sit below, not beside. */
function isHeadingRow(row: Element, cell: Element): boolean {
  if (
    cell.getAttribute('role') === 'columnheader' ||
    (cell.tagName.toUpperCase() === 'TH' && cell.closest('thead'))
  )
    return true;
  const cells = cellsOf(row);
  return cells.length > 1 && cells.every((c) => isLabelText(textOf(c)));
}

function rowsAfter(row: Element): Element[] {
  const table = row.closest('table, [role="table"], [role="grid"], [role="treegrid"]');
  if (!table) return [];
  const rows = Array.from(table.querySelectorAll('tr, [role="row"]'));
  return rows.slice(rows.indexOf(row) + 1);
}

function valueBesideCell(cell: Element): Element[] {
  const row = rowOf(cell);
  if (!row) return [];
  if (!isHeadingRow(row, cell)) {
    const next = cell.nextElementSibling;
    return next ? [next] : [];
  }
  const column = cellsOf(row).indexOf(cell);
  const below = rowsAfter(row)
    .map((r) => cellsOf(r)[column])
    .find((c) => c !== undefined);
  return below ? [below] : [];
}

function nextDd(dt: Element): Element[] {
  for (let el = dt.nextElementSibling; el; el = el.nextElementSibling) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'DD') return [el];
    if (tag === 'DT') break;
  }
  return [];
}

function labelledBy(doc: Document, label: Element): Element[] {
  const out: Element[] = [];
  if (label.tagName.toUpperCase() === 'LABEL') {
    const target = (label as HTMLLabelElement).htmlFor;
    const el = target ? doc.getElementById(target) : null;
    if (el) out.push(el);
  }
  if (label.id) {
    for (const el of Array.from(doc.querySelectorAll('[aria-labelledby]'))) {
      if ((el.getAttribute('aria-labelledby') ?? '').split(/\s+/).includes(label.id)) out.push(el);
    }
  }
  return out;
}

function nextNonEmptySibling(label: Element): Element[] {
  for (let el = label.nextElementSibling; el; el = el.nextElementSibling) {
    if (!isInput(el) && textOf(el) === '') continue;
    return isLabelText(textOf(el)) ? [] : [el];
  }
  return [];
}

/** Where a label's value may be, most specific first. */
function valueElements(doc: Document, label: Element): Element[] {
  const tag = label.tagName.toUpperCase();
  if (tag === 'DT') return nextDd(label);
  if (isCell(label)) return valueBesideCell(label);
  return [...labelledBy(doc, label), ...nextNonEmptySibling(label)];
}

function readValue(el: Element, accept: Accept): string | undefined {
  const pieces = isInput(el) ? [textOf(el)] : [...textPieces(el), textOf(el)];
  for (const piece of pieces) {
    const value = accept(piece);
    if (value !== undefined) return value;
  }
  return undefined;
}

function keysOf(set: LabelSet): Map<string, PageLocale> {
  const keys = new Map<string, PageLocale>();
  for (const locale of ['en-us', 'zh-cn'] as const)
    for (const l of set[locale]) keys.set(labelKey(l), locale);
  return keys;
}

/** "Account ID: 0123…" in a single text node. */
function inlineValue(
  el: Element,
  keys: Map<string, PageLocale>,
  accept: Accept,
): LabelledValue | undefined {
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType !== 3) continue;
    const m = /^\s*([^:：]{1,40})[:：]\s*(.+?)\s*$/su.exec(node.textContent ?? '');
    const locale = m?.[1] ? keys.get(labelKey(m[1])) : undefined;
    const value = locale && m?.[2] ? accept(m[2]) : undefined;
    if (locale && value !== undefined) return { value, element: el, locale };
  }
  return undefined;
}

/**
 * The first value, in document order, that one of the labels in `set` names and `accept` takes.
 * Labels are tried in the order `set` lists them (specific before generic).
 */
export function findLabelledValue(
  doc: Document,
  set: LabelSet,
  accept: Accept,
): LabelledValue | undefined {
  const elements = Array.from(doc.body?.querySelectorAll('*') ?? []);
  const keys = keysOf(set);
  for (const [key, locale] of keys) {
    for (const el of elements) {
      if ((el.textContent ?? '').length > 120 || labelKey(textOf(el)) !== key) continue;
      for (const candidate of valueElements(doc, el)) {
        const value = readValue(candidate, accept);
        if (value !== undefined) return { value, element: candidate, locale };
      }
    }
  }
  for (const el of elements) {
    const found = inlineValue(el, keys, accept);
    if (found) return found;
  }
  return undefined;
}
