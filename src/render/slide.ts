import type { Slide } from '../deck/types.js';
import type { MarkdownRenderer } from './markdown.js';
import type { Theme } from './theme.js';
import { renderBlocks } from './columns.js';
import { centre, displayWidth, wrapLines } from './wrap.js';

/**
 * Horizontal layout of a slide on a terminal of `cols` columns: text at most
 * 110 columns wide, and the room a table may take when it needs more (from
 * the slide's left edge to the terminal's right margin).
 */
export function contentWidth(cols: number): { width: number; margin: number; tableWidth: number } {
  const edge = cols >= 60 ? 2 : cols >= 30 ? 1 : 0;
  const width = Math.max(1, Math.min(cols - 2 * edge, 110));
  const margin = Math.floor((cols - width) / 2);
  return { width, margin, tableWidth: Math.max(width, cols - margin - edge) };
}

/**
 * A slide's lines at a width: Markdown for content (its columns side by side
 * when they fit), centred for a title slide, and as a block for a centred
 * one. `step` picks a reveal step (the whole slide when absent); a table too
 * wide for `width` may take up to `tableWidth` columns.
 */
export function renderSlideLines(
  slide: Slide,
  width: number,
  md: MarkdownRenderer,
  step?: number,
  tableWidth?: number,
): string[] {
  const blocks = slide.layout && slide.layout[Math.min(step ?? Infinity, slide.layout.length - 1)];
  if (!blocks && !slide.center) return renderSlideText(slide, width, md, step, tableWidth);
  const lines = blocks ? renderBlocks(blocks, width, md, tableWidth) : md(stepSource(slide, step), width, tableWidth);
  if (!slide.center) return lines;
  let widest = 0;
  for (const l of lines) widest = Math.max(widest, displayWidth(l));
  const indent = ' '.repeat(Math.max(0, Math.floor((width - widest) / 2)));
  return indent ? lines.map((l) => (l ? indent + l : l)) : lines;
}

/**
 * A slide's lines in a document (piped text, the text handout, the reading
 * view): its Markdown top to bottom, columns one after the other; a title
 * slide centred.
 */
export function renderSlideText(slide: Slide, width: number, md: MarkdownRenderer, step?: number, tableWidth?: number): string[] {
  const lines = md(stepSource(slide, step), width, tableWidth);
  if (slide.kind !== 'title') return lines;
  return lines.map((l) => centre(l, width));
}

function stepSource(slide: Slide, step: number | undefined): string {
  return step === undefined ? slide.body : (slide.steps[Math.min(step, slide.steps.length - 1)] ?? slide.body);
}

export function renderNotesLines(notes: string, width: number, md: MarkdownRenderer, theme: Theme): string[] {
  if (!notes.trim()) return wrapLines(['(no notes for this slide)'], width).map((l) => theme.muted(l));
  return md(notes, width);
}

/** Wrap plain text (already free of control characters) to a width. */
export function plainWrap(text: string, width: number): string[] {
  return wrapLines(text.split('\n'), width);
}
