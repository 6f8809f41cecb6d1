/** Where things go on a terminal of a given size: pure arithmetic. */

export const MIN_COLS = 40;
export const MIN_ROWS = 12;

export interface Layout {
  cols: number;
  /** Rows drawn: the whole terminal, the status line on its last row. */
  rows: number;
  tooSmall: boolean;
  banner: boolean;
  /** Rows for the slide (or the menu / help that replaces it). */
  slideRows: number;
  /** Rows for the notes pane, label included (0 when hidden). */
  notesRows: number;
}

/** Is a terminal of this size smaller than a slide needs? */
export function tooSmall(cols: number, rows: number): boolean {
  return cols < MIN_COLS || rows < MIN_ROWS;
}

export function layout(cols: number, termRows: number, opts: { banner: boolean; notes: boolean; extra?: number }): Layout {
  const rows = Math.max(1, termRows);
  const fixed = 1 + (opts.banner ? 2 : 0) + (opts.extra ?? 0); // status line, banners, messages
  const body = Math.max(1, rows - fixed);
  const notesRows = opts.notes ? Math.max(4, Math.floor(body * 0.4)) : 0;
  return { cols, rows, tooSmall: tooSmall(cols, termRows), banner: opts.banner, slideRows: Math.max(1, body - notesRows), notesRows };
}

export interface PresenterLayout {
  /** Side by side (slide left; notes and next slide right) or stacked. */
  wide: boolean;
  /** Columns for the slide pane and for the notes / next pane. */
  slideCols: number;
  sideCols: number;
  /** Rows for the slide, the notes and the next-slide preview. */
  slideRows: number;
  notesRows: number;
  nextRows: number;
}

/** The presenter view inside `rows` × `cols` (status and timing lines excluded). */
export function presenterLayout(cols: number, rows: number): PresenterLayout {
  if (cols >= 100) {
    const slideCols = Math.floor(cols * 0.58);
    const sideCols = cols - slideCols - 3;
    const nextRows = Math.min(8, Math.max(3, Math.floor(rows * 0.3)));
    return { wide: true, slideCols, sideCols, slideRows: rows, notesRows: rows - nextRows, nextRows };
  }
  const nextRows = 2;
  const slideRows = Math.max(3, Math.floor((rows - nextRows) * 0.5));
  return { wide: false, slideCols: cols, sideCols: cols, slideRows, notesRows: rows - nextRows - slideRows, nextRows };
}
