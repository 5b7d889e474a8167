/** Markdown tables and number formatting for the report. */

/** A markdown table; numbers in cells are right-aligned by the caller's formatting. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A number with `digits` decimals and thousands separators. */
export function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `ours / plain (ratio×)`. */
export function pair(ours: number, plain: number, digits = 0): string {
  return `${num(ours, digits)} / ${num(plain, digits)} (${ratio(ours, plain)})`;
}

/** ours/plain as `1.23×`, or `n/a` when plain is 0. */
export function ratio(ours: number, plain: number): string {
  return plain > 0 ? `${(ours / plain).toFixed(2)}×` : 'n/a';
}

/** A share as a percentage. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(0)}%` : 'n/a';
}
