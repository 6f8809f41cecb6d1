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

/** A slide's lines at a width: Markdown for content, centred for a title slide. */
export function renderSlideLines(slide: Slide, width: number, md: MarkdownRenderer): string[] {
  const lines = md(slide.body, width);
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
  private slides = new Map<number, string[]>();
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

  slide(index: number, width: number): string[] {
    this.at(width);
    let lines = this.slides.get(index);
    if (!lines) {
      lines = renderSlideLines(this.deck.slides[index], width, this.md);
      this.slides.set(index, lines);
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
