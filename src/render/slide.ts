import type { Deck, Slide } from '../deck/types.js';
import type { MarkdownRenderer } from './markdown.js';
import type { Theme } from './theme.js';
import { centre, wrapLines } from './wrap.js';

/** Horizontal layout of a slide on a terminal of `cols` columns. */
export function contentWidth(cols: number): { width: number; margin: number } {
  const margin = cols >= 60 ? 2 : cols >= 30 ? 1 : 0;
  const width = Math.max(1, Math.min(cols - 2 * margin, 110));
  return { width, margin: Math.floor((cols - width) / 2) };
}

/**
 * A slide's lines at a width: Markdown for content, centred for a title
 * slide. `step` picks a reveal step (the whole slide when absent).
 */
export function renderSlideLines(slide: Slide, width: number, md: MarkdownRenderer, step?: number): string[] {
  const source = step === undefined ? slide.body : (slide.steps[Math.min(step, slide.steps.length - 1)] ?? slide.body);
  const lines = md(source, width);
  if (slide.kind !== 'title') return lines;
  return lines.map((l) => centre(l, width));
}

export function renderNotesLines(notes: string, width: number, md: MarkdownRenderer, theme: Theme): string[] {
  if (!notes.trim()) return [theme.muted('(no notes for this slide)')];
  return md(notes, width);
}

/**
 * Rendered slides and notes for the current width, made on demand and kept
 * until the width changes: a keypress renders at most one new slide.
 */
export class RenderCache {
  private width = -1;
  private slides = new Map<string, string[]>();
  private notes = new Map<number, string[]>();

  constructor(
    private readonly deck: Deck,
    private readonly md: MarkdownRenderer,
    private readonly theme: Theme,
  ) {}

  private at(width: number): void {
    if (width !== this.width) {
      this.width = width;
      this.slides.clear();
      this.notes.clear();
    }
  }

  /** The slide at a reveal step (the last step when absent). */
  slide(index: number, width: number, step?: number): string[] {
    this.at(width);
    const slide = this.deck.slides[index];
    const s = Math.min(step ?? slide.steps.length - 1, slide.steps.length - 1);
    const key = `${index}:${s}`;
    let lines = this.slides.get(key);
    if (!lines) {
      lines = renderSlideLines(slide, width, this.md, s);
      this.slides.set(key, lines);
    }
    return lines;
  }

  notesOf(index: number, width: number): string[] {
    this.at(width);
    let lines = this.notes.get(index);
    if (!lines) {
      lines = renderNotesLines(this.deck.slides[index].notes, width, this.md, this.theme);
      this.notes.set(index, lines);
    }
    return lines;
  }
}

/** Wrap plain text (already free of control characters) to a width. */
export function plainWrap(text: string, width: number): string[] {
  return wrapLines(text.split('\n'), width);
}
