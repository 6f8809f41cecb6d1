/**
 * Where things go on the screen, as pure functions of the deck, the state and
 * the terminal's size, and how the state's screen fits it (FitMeasure: how far
 * the slide and its notes scroll, the reading document), which the session
 * hands to the reducer after every change. Both painters draw from them.
 */
import { plainInline } from '../deck/titles.js';
import { mainCount } from '../deck/backup.js';
import type { Deck } from '../deck/types.js';
import type { RenderCache } from '../render/cache.js';
import { contentWidth } from '../render/slide.js';
import { MIN_PICTURE_ROWS } from '../render/images/place.js';
import type { DeckShape, Fit, ReadingDoc, State } from '../state/reducer.js';
import { makeTheme } from '../render/theme.js';
import { notesFit } from './frame.js';
import { helpScreen } from './helpscreen.js';

/** Line counts do not depend on colour. */
const PLAIN = makeTheme(0);
import { layout, presenterLayout, type Layout, type PresenterLayout } from '../render/layout.js';

/** What the reducer needs to know of a deck. */
export function shapeOf(deck: Deck): DeckShape {
  return {
    count: deck.slides.length,
    main: mainCount(deck),
    sections: deck.sections,
    steps: deck.slides.map((s) => s.steps.length),
    texts: () => deck.slides.map((s) => ({ body: plainInline(s.body), notes: plainInline(s.notes) })),
    titles: deck.slides.map((s) => s.title),
  };
}

export interface Geometry {
  lay: Layout;
  /** Rows for everything but the status line and banners. */
  fixedRows: number;
  presenter: PresenterLayout;
  /** The slide's text width and left margin, in the current view. */
  width: number;
  margin: number;
  /** Room for a table too wide for the text width. */
  tableWidth: number;
  slideRows: number;
  /** Rows for the slide's lines (one blank line above them). */
  bodyRows: number;
  /** The reading view's text width. */
  readWidth: number;
  /** The rows a picture is given in the reading view: at most half the screen. */
  pictureRows: number;
  /** The slide and step shown (while a reload is applied the state may speak of the old deck). */
  cur: number;
  curStep: number;
}

export function geometry(deck: Deck, state: State, cols: number, rows: number, error?: string): Geometry {
  const cur = Math.min(state.index, deck.slides.length - 1);
  const curStep = Math.min(state.step, deck.slides[cur].steps.length - 1);
  const banner = deck.meta.classification;
  const extra = error ? 1 : 0; // the error banner
  const lay = layout(cols, rows, { banner: Boolean(banner), notes: state.notes && state.view === 'slides', extra });
  const fixedRows = lay.rows - 1 - (banner ? 2 : 0) - extra;
  const presenter = presenterLayout(cols, Math.max(1, fixedRows - 1)); // one row for timing
  const slideCols = state.view === 'presenter' ? presenter.slideCols : cols;
  const { width, margin, tableWidth } = contentWidth(slideCols);
  const slideRows = state.view === 'presenter' ? presenter.slideRows : lay.slideRows;
  return {
    lay,
    fixedRows,
    presenter,
    width,
    margin,
    tableWidth,
    slideRows,
    bodyRows: Math.max(1, slideRows - 1),
    readWidth: contentWidth(cols).width,
    pictureRows: readingPictureRows(fixedRows),
    cur,
    curStep,
  };
}

/** The rows a picture is given in the reading view, for the rows it has. */
export function readingPictureRows(fixedRows: number): number {
  return Math.max(MIN_PICTURE_ROWS, Math.floor(fixedRows / 2));
}

/** The reading document at a width, made (the whole deck rendered) only when a key needs it. */
export function readingDoc(cache: RenderCache, readWidth: number, fixedRows: number): () => ReadingDoc {
  let made: ReadingDoc | undefined;
  const rows = readingPictureRows(fixedRows);
  return () =>
    (made ??= {
      lines: cache.reading(readWidth, rows).lines.length,
      page: Math.max(1, fixedRows),
      slideStarts: cache.reading(readWidth, rows).slideStarts,
      find: (q: string) => cache.findInReading(readWidth, q, rows),
    });
}

/** How the notes on screen fit their pane (below the slide, or in the presenter view), for J/K. */
export function notesShown(cache: RenderCache, state: State, g: Geometry): { maxScroll: number; room: number } {
  const shown =
    state.view === 'presenter'
      ? { lines: cache.notesOf(g.cur, Math.max(10, g.presenter.sideCols - 2)).length, rows: g.presenter.notesRows }
      : state.notes && !g.lay.tooSmall
        ? { lines: cache.notesOf(g.cur, g.width).length, rows: g.lay.notesRows }
        : { lines: 0, rows: 1 };
  return notesFit(shown.lines, shown.rows);
}

/**
 * Measures how a state's screen fits the terminal (for the reducer's 'fit'
 * action). The reading document is one function per cache, width and page,
 * so that an unchanged fit is the same fit.
 */
export class FitMeasure {
  private doc: { cache: RenderCache; readWidth: number; fixedRows: number; doc: () => ReadingDoc } | null = null;

  measure(deck: Deck, cache: RenderCache, state: State, cols: number, rows: number, error?: string): Fit {
    const g = geometry(deck, state, cols, rows, error);
    const slideLines = g.lay.tooSmall || state.view === 'reading' ? [] : cache.slide(g.cur, g.width, g.curStep, g.tableWidth);
    const fit = notesShown(cache, state, g);
    const d = this.doc;
    if (!d || d.cache !== cache || d.readWidth !== g.readWidth || d.fixedRows !== g.fixedRows) {
      this.doc = { cache, readWidth: g.readWidth, fixedRows: g.fixedRows, doc: readingDoc(cache, g.readWidth, g.fixedRows) };
    }
    const help =
      state.overlay === 'help'
        ? helpScreen(state.view === 'reading' ? 'reading' : 'slides', cols, g.fixedRows, 0, PLAIN, state.keys).fit
        : undefined;
    return {
      slide: { maxScroll: Math.max(0, slideLines.length - g.bodyRows), page: Math.max(1, g.bodyRows - 2) },
      notes: { maxScroll: fit.maxScroll, page: Math.max(1, fit.room - 1) },
      doc: this.doc!.doc,
      help,
    };
  }
}

/**
 * While a slide is shown, render the next and the previous one at the same
 * width, so the next key finds them ready.
 */
export function renderNeighbours(cache: RenderCache, count: number, cur: number, width: number): void {
  try {
    for (const i of [cur + 1, cur - 1]) if (i >= 0 && i < count) cache.slide(i, width, 0);
  } catch {
    // Only a head start: a slide that fails to render fails when it is shown.
  }
}
