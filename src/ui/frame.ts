/**
 * Screens as plain lines, pure functions of the state and the size: the
 * slides view and the too-small notice that the direct painter writes
 * (direct.ts), and the parts (notes pane, slide area, status hints) that the
 * Ink views share with it.
 */
import { neutraliseControls } from '../deck/clean.js';
import { mainCount } from '../deck/backup.js';
import type { Deck } from '../deck/types.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../render/markdown.js';
import type { RenderCache } from '../render/cache.js';
import { pushAll } from '../render/lines.js';
import { bigTitleLines, isScaledLine } from '../render/bigtitle.js';
import { contentWidth } from '../render/slide.js';
import { highlightMatches } from '../render/highlight.js';
import { bannerLine, statusLine } from '../render/status.js';
import type { Theme } from '../render/theme.js';
import { dropFormat, truncate } from '../render/wrap.js';
import { hintLine } from '../state/keyhelp.js';
import type { State } from '../state/reducer.js';
import { layout, MIN_COLS, MIN_ROWS } from '../render/layout.js';
import { withPictures, type SlidePictures } from './picture-screen.js';

/** A pane of exactly `rows` lines: a slide with a blank line above (centred for a title slide). */
export function slideAreaLines(lines: string[], rows: number, margin: number, middle: boolean): string[] {
  const shown = lines.slice(0, Math.max(0, rows - 1));
  const top = middle ? Math.max(1, Math.floor((rows - shown.length) / 2)) : 1;
  const pad = Math.max(0, Math.min(top, rows - shown.length));
  const out: string[] = [];
  for (let i = 0; i < pad; i++) out.push('');
  const indent = ' '.repeat(margin);
  for (const l of shown) out.push(l ? indent + l : '');
  while (out.length < rows) out.push('');
  return out.slice(0, rows);
}

/** Lines of notes that fit a pane of `rows` (label included), and how far they scroll. */
export function notesFit(lines: number, rows: number): { room: number; maxScroll: number } {
  const room = Math.max(1, rows - 1);
  if (lines <= room) return { room, maxScroll: 0 };
  // One line is kept for the "more" marker.
  const shown = Math.max(1, room - 1);
  return { room: shown, maxScroll: lines - shown };
}

/** The notes pane: a labelled rule, then the notes from `scroll`, exactly `rows` lines. */
export function notesPaneLines(
  lines: string[],
  rows: number,
  margin: number,
  cols: number,
  theme: Theme,
  scroll: number,
): string[] {
  const fit = notesFit(lines.length, rows);
  const from = Math.min(scroll, fit.maxScroll);
  const shown = lines.slice(from, from + fit.room);
  const below = lines.length - from - shown.length;
  const label = ' Notes ';
  const where = fit.maxScroll ? ` ${from ? '↑ ' : ''}${below ? '↓ ' : ''}J/K scroll ` : '';
  const rule =
    theme.notesLabel(label) + theme.rule('─'.repeat(Math.max(0, cols - label.length - where.length))) + theme.muted(where);
  const indent = ' '.repeat(margin);
  const out = [rule, ...shown.map((l) => (l ? indent + theme.notes(l) : ''))];
  if (fit.maxScroll) out.push(indent + theme.muted(below ? `… ${below} more lines (J)` : '— end of notes —'));
  while (out.length < rows) out.push('');
  return out.slice(0, rows);
}

export interface HintParts {
  message?: string;
  watching?: boolean;
  link?: string;
  digits?: string;
  /** Lines the slide can still scroll down, and how far it is scrolled. */
  below?: boolean;
  above?: boolean;
  step?: { at: number; of: number };
  position?: string;
}

/** The right-hand hints of the status line, in a fixed order. */
export function statusHint(h: HintParts): string {
  return [
    inert(h.message ?? ''),
    h.watching ? 'watching' : '',
    h.link ?? '',
    h.digits ? `go to ${h.digits}` : '',
    h.below ? '↓ more' : h.above ? '↑ more' : '',
    h.step && h.step.of > 1 ? `step ${h.step.at + 1}/${h.step.of}` : '',
    h.position ?? '',
  ]
    .filter(Boolean)
    .join('  ');
}

export interface SlidesScreenInput {
  deck: Deck;
  cache: RenderCache;
  theme: Theme;
  cols: number;
  /** The terminal's rows. */
  rows: number;
  index: number;
  step: number;
  scroll: number;
  notes: boolean;
  notesScroll: number;
  /** Hints other than the slide's own (scrolling, step). */
  hint?: HintParts;
  /** The search in force: its matches are highlighted. */
  query?: string;
  /** One-line banner for a deck that no longer parses. */
  error?: string;
  /** A line in place of the status line (the search prompt). */
  status?: string;
  /** The slide's title at twice the size (a terminal that draws it: render/bigtitle.ts). */
  bigTitles?: boolean;
  pictures?: SlidePictures; // drawn in place of their labels when there is room (picture-screen.ts)
}

/**
 * The whole screen of the slides view: `rows` lines, as Ink draws them
 * (banners, error line, slide, notes pane, status line). Null when the
 * terminal is too small (the presenter says so itself).
 */
export function slidesScreen(i: SlidesScreenInput): string[] | null {
  const { deck, cache, theme, cols } = i;
  const banner = deck.meta.classification;
  const extra = i.error ? 1 : 0;
  const lay = layout(cols, i.rows, { banner: Boolean(banner), notes: i.notes, extra });
  if (lay.tooSmall) return null;
  const { width, margin, tableWidth } = contentWidth(cols);
  const index = Math.min(i.index, deck.slides.length - 1);
  const slide = deck.slides[index];
  const step = Math.min(i.step, slide.steps.length - 1);
  const mark = (lines: string[]) => (i.query ? lines.map((l) => highlightMatches(l, i.query!, true, theme.match)) : lines);
  const drawn = mark(cache.slide(index, width, step, tableWidth));
  const titled = i.bigTitles && !i.query ? bigTitleLines(drawn, slide.title, width, slide.kind === 'title') : drawn;
  const bodyRows = Math.max(1, lay.slideRows - 1);
  // Matches are marked before pictures go in: a picture's mark is never taken for text.
  const lines = withPictures(titled, slide, width, bodyRows, theme, i.pictures);
  const maxScroll = Math.max(0, lines.length - bodyRows);
  const scroll = Math.min(i.scroll, maxScroll);
  const hint = statusHint({
    ...i.hint,
    below: scroll < maxScroll,
    above: scroll > 0,
    step: { at: step, of: slide.steps.length },
  });
  const section = deck.sections[slide.section];
  const out: string[] = [];
  if (banner) out.push(bannerLine(banner, cols, theme));
  if (i.error) out.push(errorBannerLine(i.error, cols, theme));
  const middle = slide.kind === 'title' || slide.center === true;
  pushAll(out, slideAreaLines(lines.slice(scroll, scroll + bodyRows), lay.slideRows, margin, middle));
  if (lay.notesRows > 0) {
    pushAll(out, notesPaneLines(mark(cache.notesOf(index, width)), lay.notesRows, margin, cols, theme, i.notesScroll));
  }
  out.push(
    i.status ??
      statusLine(
        { deckTitle: deck.meta.title ?? '', section: section?.title ?? '', index, count: deck.slides.length, main: mainCount(deck), hint: hint },
        cols,
        theme,
      ),
  );
  if (banner) out.push(bannerLine(banner, cols, theme));
  return out;
}

/**
 * The status line's message: a notice ("timer running"), the search's outcome,
 * or, on the first slide, where the keys are ("? help"), unless hints are off.
 */
export function statusMessage(state: State): string {
  if (state.notice) return state.notice;
  if (state.search.message) return state.search.message;
  return state.hints && state.index === 0 && state.view !== 'reading' ? '? help' : '';
}

/**
 * A state the slides view shows by itself: the slides view with no overlay
 * but the search prompt. Every other state (menu, help, index, presenter,
 * reading) is drawn by Ink.
 */
export function slidesViewState(state: State): boolean {
  return state.view === 'slides' && (state.overlay === 'none' || state.overlay === 'search');
}

/** The slides view's screen for a state (see slidesViewState), or null when the terminal is too small. */
export function slidesViewScreen(
  v: Pick<SlidesScreenInput, 'deck' | 'cache' | 'theme' | 'cols' | 'rows' | 'error' | 'bigTitles' | 'pictures'> & {
    state: State;
    /** The link's part of the status line. */
    link?: string;
  },
): string[] | null {
  const s = v.state;
  return slidesScreen({
    deck: v.deck,
    cache: v.cache,
    theme: v.theme,
    cols: v.cols,
    rows: v.rows,
    index: s.index,
    step: s.step,
    scroll: s.scroll,
    notes: s.notes,
    notesScroll: s.notesScroll,
    hint: { message: statusMessage(s), watching: s.watch, link: v.link, digits: s.digits },
    query: s.search.active,
    error: v.error,
    status: s.overlay === 'search' ? searchPromptLine(s.search.query, v.theme) : undefined,
    bigTitles: v.bigTitles,
    pictures: v.pictures,
  });
}

/**
 * The notice shown while the terminal is smaller than a slide needs (only
 * quitting acts then): the longest wording whose lines fit the width unbroken.
 */
export function tooSmallLines(cols: number, rows: number): string[] {
  const need = `${MIN_COLS}×${MIN_ROWS}`;
  const wordings = [
    [`Terminal too small (${cols}×${rows}).`, `Slides need at least ${need}.`, 'Enlarge it, or press q to quit.'],
    [`Too small: ${cols}×${rows}`, `need ${need}`, 'enlarge, or q to quit'],
    [`${cols}×${rows}`, `need ${need}`, 'q quits'],
  ];
  const fits = wordings.find((w) => w.every((line) => line.length <= cols)) ?? wordings[wordings.length - 1];
  return fits.map((line) => truncate(line, Math.max(1, cols))).slice(0, Math.max(1, rows));
}

/**
 * The blanked screen (b): every line filled with the background, black (or
 * white for a light theme), without a mark; with no colour, the terminal's own
 * background. `level` is the theme's colour level: 256 colours give true black
 * and white, 16 colours the basic ones.
 */
export function blankLines(cols: number, rows: number, level: number, light = false): string[] {
  const bg = level >= 2 ? `48;5;${light ? 231 : 16}` : light ? '47' : '40';
  const line = level > 0 ? `\u001b[${bg}m${' '.repeat(cols)}\u001b[0m` : '';
  return Array.from({ length: Math.max(1, rows) }, () => line);
}

/** The banner over the last good deck when the deck on disk no longer parses. */
export function errorBannerLine(error: string, cols: number, theme: Theme): string {
  return theme.warning(truncate(`⚠ showing the last good version · ${inert(error)}`, cols));
}

/**
 * Text typed or reported, as drawn: control characters as visible stand-ins,
 * format characters (zero-width, bidi controls) left out.
 */
export function inert(text: string): string {
  return dropFormat(neutraliseControls(text));
}

/** The search prompt, in place of the status line while a query is typed. */
export function searchPromptLine(query: string, theme: Theme): string {
  return `${theme.accent('/')}${inert(query)}${theme.accent('▏')}${theme.muted('   ' + hintLine('prompt'))}`;
}

/**
 * Escape sequences that put a screen in place at the top-left, each line
 * cleared before it is written (a line as wide as the screen leaves nothing to
 * clear after it, and the terminal's autowrap is off, so the last row's last
 * cell does not scroll the screen), and leave the cursor where it was; as one
 * synchronized-output frame, so a terminal that knows mode 2026 shows it
 * whole. With `previous` (the screen last painted at this size), only the
 * lines that differ are written; with `clear`, the whole screen is cleared
 * first (after a resize). Empty when nothing changed.
 */
export function paintScreen(lines: string[], opts: { clear?: boolean; previous?: readonly string[] } = {}): string {
  const previous = opts.clear ? undefined : opts.previous;
  let body = '';
  lines.forEach((line, n) => {
    // Text at twice the size covers the row below: that row is cleared first and then left alone.
    if (line === '' && n > 0 && isScaledLine(lines[n - 1])) return;
    const below = isScaledLine(line) && lines[n + 1] === '' ? `\u001b[${n + 2};1H\u001b[2K` : '';
    if (previous?.[n] !== line) body += `${below}\u001b[${n + 1};1H\u001b[2K${line}`;
  });
  if (!body && !opts.clear) return '';
  // CSI s / CSI u save and restore the cursor (where Ink expects it).
  return `\u001b[?2026h${opts.clear ? '\u001b[2J' : ''}\u001b[s${body}\u001b[u\u001b[?2026l`;
}

/**
 * The renderer the presenter uses; with the "render" fault, rendering any
 * slide after the first throws, as a bug would (for the terminal-restore tests).
 */
export function presenterMarkdown(theme: Theme, fault?: string): MarkdownRenderer {
  const markdown = createMarkdownRenderer(theme);
  let rendered = 0;
  return (text, width) => {
    if (fault === 'render' && rendered++ > 0) throw new Error('injected render fault');
    return markdown(text, width);
  };
}
