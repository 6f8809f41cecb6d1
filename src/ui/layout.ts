/** Where things go on a terminal of a given size: pure arithmetic. */

export const MIN_COLS = 40;
export const MIN_ROWS = 12;

export interface Layout {
  cols: number;
  /** Rows Ink draws (one less than the terminal, so it never scrolls). */
  rows: number;
  tooSmall: boolean;
  banner: boolean;
  /** Rows for the slide (or the menu / help that replaces it). */
  slideRows: number;
  /** Rows for the notes pane, label included (0 when hidden). */
  notesRows: number;
}

export function layout(cols: number, termRows: number, opts: { banner: boolean; notes: boolean }): Layout {
  const rows = Math.max(1, termRows - 1);
  const tooSmall = cols < MIN_COLS || termRows < MIN_ROWS;
  const fixed = 1 + (opts.banner ? 2 : 0); // status line and banners
  const body = Math.max(1, rows - fixed);
  const notesRows = opts.notes ? Math.max(4, Math.floor(body * 0.4)) : 0;
  return { cols, rows, tooSmall, banner: opts.banner, slideRows: Math.max(1, body - notesRows), notesRows };
}
