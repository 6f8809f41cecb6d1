import Table from 'cli-table3';
import { displayWidth } from './ansi.js';
import type { Theme } from './theme.js';

export type Align = 'left' | 'center' | 'right' | null;

/** Whether a table can be drawn as a grid in `width` columns (each column as wide as its longest word). */
export function tableFits(head: string[], rows: string[][], width: number): boolean {
  return leastWidths(head, rows).reduce((a, b) => a + b + 1, 1) <= width;
}

function leastWidths(head: string[], rows: string[][]): number[] {
  const cols = Math.max(head.length, ...rows.map((r) => r.length));
  return Array.from({ length: cols }, (_, c) => {
    const cells = [head[c] ?? '', ...rows.map((r) => r[c] ?? '')];
    return Math.max(1, ...cells.map((s) => longestWord(s))) + 2;
  });
}

/**
 * A table that fits the width: natural column widths when they fit, else
 * shrunk in proportion with cell text wrapped; when even that cannot fit,
 * one block per row ("Header: value"). Each column is aligned as its
 * delimiter row asks (`:--`, `:-:`, `--:`); left when it does not say.
 */
export function renderTable(head: string[], rows: string[][], width: number, theme: Theme, align: Align[] = []): string {
  const cols = Math.max(head.length, ...rows.map((r) => r.length));
  const natural: number[] = [];
  const least: number[] = [];
  for (let c = 0; c < cols; c++) {
    const cells = [head[c] ?? '', ...rows.map((r) => r[c] ?? '')];
    natural.push(Math.max(1, ...cells.map((s) => maxLineWidth(s))) + 2);
    least.push(Math.max(1, ...cells.map((s) => longestWord(s))) + 2);
  }
  const borders = cols + 1;
  if (least.reduce((a, b) => a + b, 0) + borders > width) {
    return rows
      .map((row) =>
        row
          .map((cell, c) => `${theme.strong(head[c] ?? '')}${head[c] ? ': ' : ''}${cell}`)
          .join('\n'),
      )
      .join('\n\n');
  }
  let colWidths = natural;
  const total = natural.reduce((a, b) => a + b, 0) + borders;
  if (total > width) {
    // Every column keeps room for its longest word; the rest is shared out
    // in proportion to how much more each would like.
    const spare = width - borders - least.reduce((a, b) => a + b, 0);
    const wants = natural.map((n, c) => n - least[c]);
    const wantSum = wants.reduce((a, b) => a + b, 0) || 1;
    colWidths = least.map((l, c) => l + Math.floor((wants[c] * spare) / wantSum));
  }
  const table = new Table({
    // cli-table3 takes cell objects in the head too; its types say strings only.
    head: head.map((h, c) => ({ content: theme.strong(h), hAlign: align[c] ?? 'left' })) as unknown as string[],
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) {
    table.push(Array.from({ length: cols }, (_, c) => ({ content: row[c] ?? '', hAlign: align[c] ?? 'left' })));
  }
  return table.toString();
}

function longestWord(s: string): number {
  return Math.max(0, ...s.split(/\s+/).map((w) => displayWidth(w)));
}

function maxLineWidth(s: string): number {
  return Math.max(0, ...s.split('\n').map((l) => displayWidth(l)));
}
