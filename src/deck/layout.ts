/**
 * A slide's layout beyond its Markdown top to bottom: presenterm's column
 * commands (`column_layout`, `column`, `reset_layout`), blank lines
 * (`newlines`), `alignment`, and Slidev's `two-cols` slots, read as marks at
 * positions in the slide's body lines and turned into blocks for the whole
 * body and for each reveal step. Pure.
 */
import type { Align, LayoutBlock, TextBlock } from './types.js';

export type LayoutMark =
  | { kind: 'columns'; widths: number[] }
  | { kind: 'column'; index: number }
  | { kind: 'reset' }
  | { kind: 'space'; lines: number }
  | { kind: 'align'; align: Align };

/** At most this many columns, blank lines at once, and parts in a column's proportions. */
const MAX_COLUMNS = 8;
const MAX_SPACE = 50;
const MAX_PART = 100;

/** The layout mark a presenterm command stands for (`column_layout: [2, 1]`), or null. */
export function layoutMark(name: string, content: string): LayoutMark | null {
  const value = content.slice(content.indexOf(':') + 1).trim();
  switch (name) {
    case 'column_layout': {
      const m = /^\[([\d\s,]*)\]$/.exec(value);
      const widths = m ? m[1].split(',').map((w) => Number(w.trim())) : [];
      if (!widths.length || widths.length > MAX_COLUMNS || widths.some((w) => !Number.isInteger(w) || w < 1 || w > MAX_PART)) return null;
      return { kind: 'columns', widths };
    }
    case 'column': {
      const n = /^\d+$/.test(value) ? Number(value) : -1;
      return n >= 0 && n < MAX_COLUMNS ? { kind: 'column', index: n } : null;
    }
    case 'reset_layout':
      return { kind: 'reset' };
    case 'newline':
    case 'new_line':
      return { kind: 'space', lines: 1 };
    case 'newlines':
    case 'new_lines': {
      const n = /^\d+$/.test(value) ? Number(value) : 1;
      return { kind: 'space', lines: Math.min(MAX_SPACE, Math.max(1, n)) };
    }
    case 'alignment':
      return value === 'center' || value === 'centre' ? { kind: 'align', align: 'center' } : value === 'right' ? { kind: 'align', align: 'right' } : { kind: 'align', align: 'left' };
    default:
      return null;
  }
}

/** Slidev's slot markers in a `two-cols` / `two-cols-header` slide, as layout marks. */
export function slotMarks(layout: 'two-cols' | 'two-cols-header', slot: string, inColumns: boolean): LayoutMark[] {
  if (slot === 'right') return inColumns ? [{ kind: 'column', index: 1 }] : [{ kind: 'columns', widths: [1, 1] }, { kind: 'column', index: 1 }];
  if (slot === 'left') return inColumns ? [{ kind: 'column', index: 0 }] : [{ kind: 'columns', widths: [1, 1] }];
  if (slot === 'default' && layout === 'two-cols') return [{ kind: 'column', index: 0 }];
  return [];
}

/** Marks at positions in a slide's body lines. */
export class LayoutMarks {
  private readonly marks: { at: number; mark: LayoutMark }[] = [];
  /** Are columns open at the end of the marks so far? */
  inColumns = false;

  add(at: number, mark: LayoutMark): void {
    this.marks.push({ at, mark });
    if (mark.kind === 'columns') this.inColumns = true;
    if (mark.kind === 'reset') this.inColumns = false;
  }

  get any(): boolean {
    return this.marks.length > 0;
  }

  /** The blocks of the body's first `upTo` lines; `tidy` trims and collapses a block's blank lines. */
  blocks(body: string[], upTo: number, tidy: (lines: string[]) => string): LayoutBlock[] {
    const out: LayoutBlock[] = [];
    let align: Align = 'left';
    let row: { widths: number[]; columns: TextBlock[][] } | null = null;
    let column = 0;
    let from = 0;
    const target = (): TextBlock[] | LayoutBlock[] => (row ? row.columns[column] : out);
    const flush = (to: number) => {
      const markdown = tidy(body.slice(from, Math.min(to, upTo)));
      if (markdown) target().push(align === 'left' ? { kind: 'text', markdown } : { kind: 'text', markdown, align });
      from = to;
    };
    for (const { at, mark } of this.marks) {
      if (at > upTo) break;
      flush(at);
      if (mark.kind === 'columns') {
        row = { widths: mark.widths, columns: mark.widths.map(() => []) };
        out.push({ kind: 'columns', ...row });
        column = 0;
      } else if (mark.kind === 'column') {
        if (row && mark.index < row.widths.length) column = mark.index;
      } else if (mark.kind === 'reset') {
        row = null;
        align = 'left';
      } else if (mark.kind === 'space') {
        target().push({ kind: 'space', lines: mark.lines });
      } else {
        align = mark.align;
      }
    }
    flush(upTo);
    return out;
  }
}
