/**
 * What one Markdown line is, seen from the deck: fenced code (the one fence
 * tracker), a heading (the one heading reader), a thematic break, a line of
 * paragraph text. Every other part of the parser, and the renderer, asks here.
 */

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** A `---` line (three or more dashes). */
export const RULE = /^ {0,3}-{3,}[ \t]*$/;
/** Any thematic break: `---`, `***`, `___`, spaced or not. */
export const ANY_RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
export const END_SLIDE = /^\s*<!--\s*end_slide\s*-->\s*$/;
const SETEXT_1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_2 = /^ {0,3}-+[ \t]*$/;

/** Tracks whether a line is inside a fenced code block. */
export class FenceTracker {
  private open: { char: string; len: number; info: string } | null = null;

  /** Feed the next line; returns true when the line is fence or code (not Markdown text). */
  step(line: string): boolean {
    if (this.open) {
      const m = FENCE_CLOSE.exec(line);
      if (m && m[1][0] === this.open.char && m[1].length >= this.open.len) this.open = null;
      return true;
    }
    const m = FENCE_OPEN.exec(line);
    if (m && !(m[1][0] === '`' && m[2].includes('`'))) {
      this.open = { char: m[1][0], len: m[1].length, info: m[2].trim() };
      return true;
    }
    return false;
  }

  get inside(): boolean {
    return this.open !== null;
  }

  /** The info string of the open fence (`rust +exec`), '' when none. */
  get info(): string {
    return this.open?.info ?? '';
  }
}

/** A line that a following `---` would turn into a setext heading. */
export function isParagraphText(line: string): boolean {
  if (line.trim() === '') return false;
  if (/^ {0,3}(#{1,6}(\s|$)|>|[-*+](\s|$)|\d+[.)](\s|$)|\||<!--|`{3}|~{3})/.test(line)) return false;
  if (line.trimEnd().endsWith('-->')) return false;
  if (RULE.test(line) || /^ {4,}/.test(line)) return false;
  return true;
}

/** Does the text use presenterm's `<!-- end_slide -->` (outside code)? */
export function usesEndSlide(text: string): boolean {
  if (!text.includes('end_slide')) return false;
  const fence = new FenceTracker();
  for (const line of text.split('\n')) {
    if (fence.step(line)) continue;
    if (END_SLIDE.test(line)) return true;
  }
  return false;
}

/**
 * Does `line` end a slide? `prev` is the line before it in the slide so far,
 * `index` its index in the file's body. The answer says what of the line
 * stays: text before the separator ends the slide, text after it starts the
 * next one.
 */
export type SeparatorTest = (line: string, prev: string, index: number) => { before: string; after: string } | null;

/** A separator that takes the whole line. */
export const WHOLE_LINE = { before: '', after: '' };

/** brief-present's own: a `---` line that does not underline text (setext). */
export const briefSeparator: SeparatorTest = (line, prev) =>
  RULE.test(line) && !isParagraphText(prev) ? WHOLE_LINE : null;

/** A thematic break of any kind (`***`, `___` too) that is not a setext underline. */
export const anyRuleSeparator: SeparatorTest = (line, prev) =>
  ANY_RULE.test(line) && !(line.trim()[0] === '-' && isParagraphText(prev)) ? WHOLE_LINE : null;

export interface Heading {
  level: number;
  text: string;
}

const isBlank = (c: string) => c === ' ' || c === '\t';

/**
 * An ATX heading (`## Text ##`) as CommonMark reads it: up to three spaces,
 * one to six `#`, then a space, a tab or the end; the text without the
 * closing run of `#` and the spaces around it. One pass over the line.
 */
export function atxHeading(line: string): Heading | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level < 1 || level > 6) return null;
  let start = i + level;
  if (start < line.length && !isBlank(line[start])) return null;
  let end = line.length;
  while (end > start && isBlank(line[end - 1])) end--;
  let close = end;
  while (close > start && line[close - 1] === '#') close--;
  // A closing run counts after a space or a tab, or when it is all there is.
  if (close === start || isBlank(line[close - 1])) end = close;
  while (start < end && isBlank(line[start])) start++;
  while (end > start && isBlank(line[end - 1])) end--;
  return { level, text: line.slice(start, end) };
}

/** A heading that starts at `lines[i]`, and how many lines it takes (2 for setext). */
export interface HeadingAt extends Heading {
  lines: 1 | 2;
}

/**
 * The heading that starts at line `i` (outside code: the caller tracks
 * fences), or null: ATX, or a line of text underlined with `=` (level 1) or
 * `-` (level 2) that starts its paragraph. The text is as written (inline
 * Markdown kept).
 */
export function headingAt(lines: readonly string[], i: number): HeadingAt | null {
  const atx = atxHeading(lines[i]);
  if (atx) return { ...atx, lines: 1 };
  const next = lines[i + 1];
  if (next === undefined || !isParagraphText(lines[i])) return null;
  const prev = i > 0 ? lines[i - 1] : '';
  if (prev.trim() !== '' && !atxHeading(prev)) return null; // the middle of a paragraph
  const level = SETEXT_1.test(next) ? 1 : SETEXT_2.test(next) ? 2 : 0;
  return level ? { level, text: lines[i].trim(), lines: 2 } : null;
}

export interface HeadingLine {
  /** Index of the heading's (first) line. */
  index: number;
  level: number;
  /** The heading as written. */
  text: string;
  /** The next block is neither a heading nor a rule (Pandoc's test for the slide level). */
  followedByContent: boolean;
}

/** Headings outside code, in order. */
export function scanHeadings(text: string): HeadingLine[] {
  const lines = text.split('\n');
  const fence = new FenceTracker();
  const out: HeadingLine[] = [];
  let last: HeadingLine | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence.step(line)) {
      if (last) last.followedByContent = true;
      last = null;
      continue;
    }
    if (line.trim() === '') continue;
    const h = headingAt(lines, i);
    if (h) {
      last = { index: i, level: h.level, text: h.text, followedByContent: false };
      out.push(last);
      i += h.lines - 1; // the setext underline
      continue;
    }
    if (last && !ANY_RULE.test(line)) last.followedByContent = true;
    last = null;
  }
  return out;
}

/** The lines without blank lines at either end. */
export function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b);
}

/** Runs of blank lines outside code become one (removed comments leave gaps). */
export function collapseBlankLines(lines: string[]): string[] {
  const fence = new FenceTracker();
  const out: string[] = [];
  for (const line of lines) {
    const code = fence.step(line);
    if (!code && line.trim() === '' && out.length && out[out.length - 1].trim() === '' && !fence.inside) continue;
    out.push(line);
  }
  return out;
}

/**
 * Indices of the lines (outside code) that are thematic breaks, not setext
 * underlines; with `until`, the scan stops at the first break it accepts.
 */
export function thematicBreaks(text: string, until?: (line: number, lines: readonly string[]) => boolean): number[] {
  const lines = text.split('\n');
  const fence = new FenceTracker();
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (fence.step(lines[i])) continue;
    if (anyRuleSeparator(lines[i], i > 0 ? lines[i - 1] : '', i)) {
      out.push(i);
      if (until?.(i, lines)) break;
    }
  }
  return out;
}
