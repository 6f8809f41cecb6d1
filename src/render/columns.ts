/**
 * A laid-out slide's blocks as lines (see Slide.layout): text across the
 * width (aligned), blank lines, and rows of columns, each column rendered at
 * its own width and the columns' lines put side by side, padded by display
 * width. Columns too narrow to read are stacked instead.
 */
import type { Align, LayoutBlock, TextBlock } from '../deck/types.js';
import { pushAll } from './lines.js';
import type { MarkdownRenderer } from './markdown.js';
import { centre, displayWidth } from './wrap.js';

/** Columns between two columns, and the narrowest column drawn side by side. */
export const COLUMN_GAP = 3;
export const MIN_COLUMN = 20;

/** Each column's width in a row of `width` columns, in proportion; null when one would be narrower than MIN_COLUMN. */
export function columnWidths(parts: number[], width: number): number[] | null {
  const room = width - COLUMN_GAP * (parts.length - 1);
  const total = parts.reduce((a, b) => a + b, 0);
  const widths = parts.map((p) => Math.floor((room * p) / total));
  widths[widths.length - 1] += room - widths.reduce((a, b) => a + b, 0);
  return widths.every((w) => w >= MIN_COLUMN) ? widths : null;
}

/** The proportions of every row of columns in a slide's blocks. */
export function columnRows(blocks: readonly LayoutBlock[]): number[][] {
  return blocks.flatMap((b) => (b.kind === 'columns' ? [b.widths] : []));
}

function aligned(lines: string[], align: Align | undefined, width: number): string[] {
  if (align === 'center') return lines.map((l) => centre(l, width));
  if (align === 'right') return lines.map((l) => (l ? ' '.repeat(Math.max(0, width - displayWidth(l))) + l : l));
  return lines;
}

/** Blocks as lines at a width: one blank line between blocks, none around blank-line blocks. */
export function renderBlocks(blocks: readonly LayoutBlock[], width: number, md: MarkdownRenderer, tableWidth?: number): string[] {
  const out: string[] = [];
  let afterSpace = true;
  for (const b of blocks) {
    if (b.kind === 'space') {
      for (let i = 0; i < b.lines; i++) out.push('');
      afterSpace = true;
      continue;
    }
    if (!afterSpace) out.push('');
    afterSpace = false;
    if (b.kind === 'text') pushAll(out, aligned(md(b.markdown, width, tableWidth), b.align, width));
    else pushAll(out, columnsLines(b.widths, b.columns, width, md));
  }
  return out;
}

function columnsLines(parts: number[], columns: TextBlock[][], width: number, md: MarkdownRenderer): string[] {
  const widths = columnWidths(parts, width);
  if (!widths) return renderBlocks(columns.flat(), width, md);
  const rendered = columns.map((c, i) => renderBlocks(c, widths[i], md, widths[i]));
  const height = rendered.reduce((n, c) => Math.max(n, c.length), 0);
  const gap = ' '.repeat(COLUMN_GAP);
  const out: string[] = [];
  for (let row = 0; row < height; row++) {
    let line = '';
    let pending = 0; // padding owed before the next column's text
    rendered.forEach((c, i) => {
      const text = c[row] ?? '';
      if (text) {
        line += ' '.repeat(pending) + text;
        pending = 0;
      }
      pending += Math.max(0, widths[i] - displayWidth(text)) + (i < rendered.length - 1 ? gap.length : 0);
    });
    out.push(line);
  }
  return out;
}
