import { SIMPLE_TEXT } from './simple-text.js';
import { SGR, SGR_SOURCE, displayWidth } from './ansi.js';
import { Styles } from './styles.js';

const SGR_OR_CHAR = new RegExp(`${SGR_SOURCE}|[\\s\\S]`, 'g');

export { displayWidth };

/**
 * Text without the format characters (Unicode category Cf) that take no
 * column: zero-width space, soft hyphen, word joiner, byte-order mark, bidi
 * controls. Each is a grapheme cluster of its own, which Ink draws in a cell
 * of its own while its display width is none, so a line holding one lost
 * its end in Ink's views; and terminals disagree on their widths. Joiners
 * that belong to the character before them (ZWJ and ZWNJ, as in emoji
 * sequences and Indic scripts, and emoji tag characters) stay: their cluster
 * measures the same both ways.
 */
export function dropFormat(text: string): string {
  if (!HAS_FORMAT.test(text)) return text;
  return text.replace(FORMAT_RUN, (run: string, at: number) => {
    // The code unit before the run: a character of its own, or the end of one
    // outside the basic plane (an emoji), never a format character.
    const before = at === 0 ? '' : text[at - 1];
    const joined = before !== '' && !BLANK_OR_CONTROL.test(before);
    return joined ? (JOINERS.exec(run)?.[0] ?? '') : '';
  });
}
const HAS_FORMAT = /\p{Cf}/u;
const FORMAT_RUN = /\p{Cf}+/gu;
const JOINERS = /^[\u200c\u200d\u{e0020}-\u{e007f}]+/u;
const BLANK_OR_CONTROL = /^[\s\p{Cc}]/u;

// Indentation and a list marker (•, ◦, ▪, *, +, -, "1." or a checkbox). Escaped:
// one non-ASCII character in the bundle doubles the memory V8 keeps its source in.
const LEAD = /^( *)((?:[\u2022\u25e6\u25aa*+-]|\d+\.|\[[ xX]\]) +)?/;
// SGR sequences only: the renderer produces no other escape sequence (ansi.ts).

let segmenter: Intl.Segmenter | undefined;
/**
 * Grapheme clusters: each character, for text that is one column a character
 * (src/render/simple-text.ts); else from the segmenter, made on first need.
 */
function* segments(text: string): Iterable<{ segment: string }> {
  if (SIMPLE_TEXT.test(text)) {
    for (const segment of text) yield { segment };
    return;
  }
  segmenter ??= new Intl.Segmenter();
  // V8's segmenter slows down with the length of what it walks (a 128,000-
  // character line took 18 s): walk pieces of about SEGMENT_PIECE characters
  // instead, each cut between two characters no cluster spans (canCut), so a
  // line of Thai or Khmer with no space is cut as readily as English.
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + SEGMENT_PIECE);
    while (to < text.length && !canCut(text, to)) to++;
    yield* segmenter.segment(text.slice(from, to));
    from = to;
  }
}

const SEGMENT_PIECE = 256;

/**
 * Whether a grapheme cluster boundary is certain at `at` whatever surrounds
 * it (UAX #29): after a letter, digit, punctuation, symbol or space that
 * nothing after it can join (no prepended character, leading Hangul jamo or
 * regional indicator), and before a character that joins nothing to what precedes it
 * (no mark, joiner, modifier, Hangul jamo, or Thai and Lao SARA AM).
 */
function canCut(text: string, at: number): boolean {
  const next = text.codePointAt(at)!;
  if (next >= 0xdc00 && next < 0xe000) return false; // inside a surrogate pair
  let before = text.charCodeAt(at - 1);
  if (before >= 0xdc00 && before < 0xe000 && at >= 2) before = text.codePointAt(at - 2)!;
  return BASE.test(String.fromCodePoint(before)) && !JOINS.test(String.fromCodePoint(next));
}
/** What a cluster can end with and nothing before it joins into more (see canCut). */
const BASE =
  /^(?![\u1100-\u115f\ua960-\ua97f\u0d4e\u{1F1E6}-\u{1F1FF}\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}])[\p{L}\p{N}\p{P}\p{S}\p{Zs}]$/u;
/** What joins the character before it into one cluster (Extend, ZWJ, SpacingMark, Hangul jamo). */
const JOINS = /^[\p{M}\u200c\u200d\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\uFF9E\uFF9F\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;

/** Widths of clusters measured so far (text repeats its clusters); cleared past WIDTHS_KEPT. */
const widths = new Map<string, number>();
const WIDTHS_KEPT = 8192;

/** Width of one grapheme cluster. */
function graphemeWidth(g: string): number {
  if (g.length === 1 && SIMPLE_TEXT.test(g)) return 1;
  let w = widths.get(g);
  if (w === undefined) {
    if (widths.size >= WIDTHS_KEPT) widths.clear();
    w = displayWidth(g);
    widths.set(g, w);
  }
  return w;
}

/** Remove the first `n` visible (single-width) characters, keeping styles. */
function dropColumns(line: string, n: number): string {
  let out = '';
  let dropped = 0;
  for (const m of line.matchAll(SGR_OR_CHAR)) {
    const t = m[0];
    if (t.length > 1 || dropped >= n) out += t;
    else dropped++;
  }
  return out;
}


interface Piece {
  /** An SGR sequence, or one grapheme cluster. */
  text: string;
  width: number;
  sgr: boolean;
  space: boolean;
}

function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  const plain = (text: string) => {
    for (const { segment } of segments(text)) {
      out.push({ text: segment, width: graphemeWidth(segment), sgr: false, space: segment === ' ' });
    }
  };
  let at = 0;
  for (const m of line.matchAll(SGR)) {
    if (m.index > at) plain(line.slice(at, m.index));
    out.push({ text: m[0], width: 0, sgr: true, space: false });
    at = m.index + m[0].length;
  }
  if (at < line.length) plain(line.slice(at));
  return out;
}

/**
 * Wrap text (with SGR styles) to `width` columns: at spaces where it can,
 * else between grapheme clusters, so that no cluster (a letter with its
 * marks, an emoji sequence, a Khmer syllable part) is ever split. Spaces at
 * a break are dropped; a word longer than the width starts a fresh row
 * unless that costs a row more than starting it on the current one.
 */
function wrapText(text: string, width: number): string[] {
  const rows: string[] = [];
  const styles = new Styles();
  let row = '';
  let used = 0;
  const newRow = () => {
    rows.push(row + styles.closing());
    row = styles.opening();
    used = 0;
  };
  const emit = (p: Piece) => {
    if (p.sgr) styles.apply(p.text);
    row += p.text;
    used += p.width;
  };
  const all = pieces(text);
  let i = 0;
  while (i < all.length) {
    // A gap: spaces and the styles among and after them.
    const gap: Piece[] = [];
    while (i < all.length && (all[i].space || (all[i].sgr && gap.length))) gap.push(all[i++]);
    // A word: everything up to the next space.
    const word: Piece[] = [];
    let wordWidth = 0;
    while (i < all.length && !all[i].space) {
      wordWidth += all[i].width;
      word.push(all[i++]);
    }
    const gapWidth = gap.reduce((n, p) => n + p.width, 0);
    const styleOnly = (ps: Piece[]) => ps.filter((p) => p.sgr).forEach(emit);
    if (used === 0) {
      styleOnly(gap); // spaces at the start of a row are dropped
    } else if (!word.length) {
      styleOnly(gap); // spaces at the end of the text are dropped
    } else if (used + gapWidth + wordWidth <= width) {
      gap.forEach(emit);
    } else if (wordWidth > width && used + gapWidth < width) {
      // Too long for any row: on a fresh row, unless that costs a row more.
      const room = width - used - gapWidth;
      const rowsFromHere = 1 + Math.ceil((wordWidth - room) / width);
      const rowsFromNext = 1 + Math.ceil(wordWidth / width);
      if (rowsFromNext <= rowsFromHere) {
        newRow();
        styleOnly(gap);
      } else {
        gap.forEach(emit);
      }
    } else {
      newRow();
      styleOnly(gap);
    }
    for (const p of word) {
      if (!p.sgr && used > 0 && used + p.width > width) newRow();
      emit(p);
    }
  }
  rows.push(row);
  return rows;
}

/**
 * Wrap one rendered line to `width` columns. Continuation lines hang under
 * the text after any indentation and list marker, so a wrapped bullet reads
 * as one item. Words longer than the width are broken between grapheme
 * clusters. A cluster wider than the width (a wide character at width 1)
 * gets a row of its own.
 */
export function wrapLine(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const line = dropFormat(text);
  if (fits(line, w)) return [line];
  const plain = line.replace(SGR, '');
  const lead = LEAD.exec(plain)![0];
  let indent = lead.length;
  if (indent > w / 2) indent = 0;
  const rest = indent ? dropColumns(line, indent) : line;
  const pad = ' '.repeat(indent);
  // A row holding one cluster wider than the room (an emoji sequence) hangs less.
  const hang = (l: string) => (indent && displayWidth(l) > w - indent ? pad.slice(0, Math.max(0, w - displayWidth(l))) : pad);
  return wrapText(rest, w - indent).map((l, i) => (i === 0 ? lead.slice(0, indent) : hang(l)) + l);
}

/** Does a line (with styles) fit `width` columns? Measured until it does not. */
function fits(line: string, width: number): boolean {
  const plain = line.replace(SGR, '');
  if (plain.length <= width && SIMPLE_TEXT.test(plain)) return true;
  let used = 0;
  for (const { segment } of segments(plain)) {
    used += graphemeWidth(segment);
    if (used > width) return false;
  }
  return true;
}

export function wrapLines(lines: string[], width: number): string[] {
  const out: string[] = [];
  for (const line of lines) for (const l of wrapLine(line, width)) out.push(l);
  return out;
}

/** Pad or centre a line within a width (by display width). */
export function centre(line: string, width: number): string {
  if (line === '') return line;
  const gap = width - displayWidth(line);
  return gap > 1 ? ' '.repeat(Math.floor(gap / 2)) + line : line;
}

/** Cut a plain string to at most `width` columns, with an ellipsis when cut. */
export function truncate(full: string, width: number): string {
  if (width <= 0) return '';
  const text = dropFormat(full);
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segments(text)) {
    const cw = displayWidth(segment);
    if (used + cw > width - 1) break;
    out += segment;
    used += cw;
  }
  return out + '…';
}
