/**
 * @module report/format
 * Number formatting for results.md: three significant-ish digits, thousands separators, and
 * "median (min–max)" for a summary; a missing figure is "—".
 */
import type { Summary } from '../stats.js';

export function num(n: number, digits?: number): string {
  if (!Number.isFinite(n)) return '—';
  const d = digits ?? (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2);
  return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** `median (min–max)`, or just the value when there is one run. */
export function summary(s: Summary, digits?: number, suffix = ''): string {
  if (s.n === 0) return '—';
  if (s.n === 1 || s.min === s.max) return `**${num(s.median, digits)}${suffix}**`;
  return `**${num(s.median, digits)}${suffix}** (${num(s.min, digits)}–${num(s.max, digits)})`;
}

export function ratio(s: Summary): string {
  return summary(s, 2, '×');
}

/** A markdown table from a header and rows of cells. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
