import Table from 'cli-table3';
import { displayWidth } from './ansi.js';
import type { Theme } from './theme.js';

export type Align = 'left' | 'center' | 'right' | null;

/** The fewest columns in which a table is drawn as a grid (each column as wide as its longest word, with borders); with fewer, it is drawn as a list. */
export function gridWidth(head: string[], rows: string[][]): number {
  return leastWidths(head, rows).reduce((a, b) => a + b + 1, 1);
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
  const least = leastWidths(head, rows);
  const cols = least.length;
  const natural: number[] = [];
  for (let c = 0; c < cols; c++) {
    const cells = [head[c] ?? '', ...rows.map((r) => r[c] ?? '')];
    natural.push(cells.reduce((n, s) => Math.max(n, maxLineWidth(s)), 1) + 2);
  }
  const borders = cols + 1;
  if (least.reduce((a, b) => a + b, borders) > width) {
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
  const multiline = (cells: string[]) => cells.some((cell) => cell.includes('\n'));
  if (total <= width && !multiline(head) && !rows.some(multiline)) {
    return grid(head.map((h) => theme.strong(h)), rows, natural, align);
  }
  if (total > width) {
    // Every column keeps room for its longest word; the rest is shared out
    // in proportion to how much more each would like.
    const spare = width - borders - least.reduce((a, b) => a + b, 0);
    const wants = natural.map((n, c) => n - least[c]);
    const wantSum = wants.reduce((a, b) => a + b, 0) || 1;
    colWidths = least.map((l, c) => l + Math.floor((wants[c] * spare) / wantSum));
  }
  return cliTable(head, rows, colWidths, theme, align);
}

/**
 * A table whose cells each fit their column on one line, drawn directly as
 * cli-table3 draws it (test/render/drawing.test.ts compares the two), in
 * time linear in its cells: a 100,000-row table in a fraction of a second,
 * where cli-table3 spends microseconds on each cell's options.
 */
export function grid(head: string[], rows: string[][], widths: number[], align: Align[] = []): string {
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '\u2500'.repeat(w)).join(mid) + right;
  const line = (cells: string[]) =>
    '\u2502' + widths.map((w, c) => ` ${pad(cells[c] ?? '', w - 2, align[c] ?? 'left')} `).join('\u2502') + '\u2502';
  const out = [rule('\u250c', '\u252c', '\u2510'), line(head)];
  if (rows.length > 0) out.push(rule('\u251c', '\u253c', '\u2524'));
  for (const row of rows) out.push(line(row));
  out.push(rule('\u2514', '\u2534', '\u2518'));
  return out.join('\n');
}

function pad(text: string, width: number, align: Exclude<Align, null>): string {
  const room = Math.max(0, width - displayWidth(text));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(room - Math.ceil(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}

/** A table drawn by cli-table3, with its cell text wrapped to the column widths. */
export function cliTable(head: string[], rows: string[][], colWidths: number[], theme: Theme, align: Align[] = []): string {
  const cols = colWidths.length;
  // cli-table3 lays a table out in time that grows with the square of its
  // rows (a 100,000-row table took minutes): draw it in pieces of TABLE_PIECE
  // rows with the same column widths, joined where their borders meet (the
  // rows of a compact table have no rule between them).
  const out: string[] = [];
  for (let from = 0; from === 0 || from < rows.length; from += TABLE_PIECE) {
    const first = from === 0;
    const last = from + TABLE_PIECE >= rows.length;
    const table = new Table({
      // cli-table3 takes cell objects in the head too; its types say strings only.
      head: first ? (head.map((h, c) => ({ content: theme.strong(h), hAlign: align[c] ?? 'left' })) as unknown as string[]) : [],
      colWidths,
      wordWrap: true,
      wrapOnWordBoundary: true,
      style: { head: [], border: [], compact: true },
    });
    for (const row of rows.slice(from, from + TABLE_PIECE)) {
      table.push(Array.from({ length: cols }, (_, c) => ({ content: row[c] ?? '', hAlign: align[c] ?? 'left' })));
    }
    const lines = table.toString().split('\n');
    out.push(...lines.slice(first ? 0 : 1, last ? lines.length : -1));
  }
  return out.join('\n');
}

const TABLE_PIECE = 200;

function longestWord(s: string): number {
  return Math.max(0, ...s.split(/\s+/).map((w) => displayWidth(w)));
}

function maxLineWidth(s: string): number {
  return Math.max(0, ...s.split('\n').map((l) => displayWidth(l)));
}
