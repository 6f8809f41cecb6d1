/**
 * The slides view as plain lines: the same functions make the frame that Ink
 * draws and the first frame painted before Ink has loaded, so the two are the
 * same on screen and the hand-over shows no flicker.
 */
import type { Deck } from '../deck/types.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../render/markdown.js';
import type { RenderCache } from '../render/slide.js';
import { contentWidth } from '../render/slide.js';
import { bannerLine, statusLine } from '../render/status.js';
import type { Theme } from '../render/theme.js';
import { layout } from './layout.js';

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
    h.message ?? '',
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

/**
 * The whole screen of the slides view as it first appears (first slide, first
 * step, no overlay, notes hidden): `rows - 1` lines, as Ink draws them. Null
 * when the terminal is too small (the presenter says so itself).
 */
export function firstScreen(
  deck: Deck,
  cache: RenderCache,
  theme: Theme,
  cols: number,
  rows: number,
  opts: { watching?: boolean } = {},
): string[] | null {
  const banner = deck.meta.classification;
  const lay = layout(cols, rows, { banner: Boolean(banner), notes: false });
  if (lay.tooSmall) return null;
  const { width, margin } = contentWidth(cols);
  const slide = deck.slides[0];
  const lines = cache.slide(0, width, 0);
  const hint = statusHint({
    watching: opts.watching,
    below: lines.length > lay.slideRows - 1,
    step: { at: 0, of: slide.steps.length },
  });
  const section = deck.sections[slide.section];
  const out: string[] = [];
  if (banner) out.push(bannerLine(banner, cols, theme));
  out.push(...slideAreaLines(lines, lay.slideRows, margin, slide.kind === 'title'));
  out.push(statusLine({ deckTitle: deck.meta.title ?? '', section: section?.title ?? '', index: 0, count: deck.slides.length, hint }, cols, theme));
  if (banner) out.push(bannerLine(banner, cols, theme));
  return out;
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
