/** Bars of block characters, to an eighth of a column or row. */
import { displayWidth, truncate } from '../wrap.js';

const LEFT_EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** Lower eighths of a cell, 0 to 8. */
export const LOWER_EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A horizontal bar `cells` columns long (a fraction allowed), drawn to the nearest eighth. */
export function hbar(cells: number): string {
  const eighths = Math.max(0, Math.round(cells * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + LEFT_EIGHTHS[eighths % 8];
}

/** Text padded (or cut with `…`) to exactly `width` columns. */
export function fit(text: string, width: number, right = false): string {
  if (width <= 0) return '';
  const t = displayWidth(text) > width ? truncate(text, width) : text;
  const pad = ' '.repeat(Math.max(0, width - displayWidth(t)));
  return right ? pad + t : t + pad;
}

/**
 * Percentages of `values` to one decimal that sum to exactly 100 (largest
 * remainders get the rounding), as numbers.
 */
export function percentages(values: number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) return values.map(() => 0);
  const raw = values.map((v) => (v / total) * 1000);
  const floors = raw.map(Math.floor);
  let left = 1000 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors.map((f) => f / 10);
}
