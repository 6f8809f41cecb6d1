import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';

/** Display width of a string that may hold ANSI styles. */
export const displayWidth = (s: string): number => stringWidth(s);

const LEAD = /^(\s*)((?:[•◦▪*+-]|\d+\.|\[[ xX]\])\s+)?/;
// SGR sequences only: the renderer produces nothing else.
const TOKEN = /\u001b\[[0-9;]*m|[\s\S]/g;

/** Remove the first `n` visible (single-width) characters, keeping styles. */
function dropColumns(line: string, n: number): string {
  let out = '';
  let dropped = 0;
  for (const m of line.matchAll(TOKEN)) {
    const t = m[0];
    if (t.length > 1 || dropped >= n) out += t;
    else dropped++;
  }
  return out;
}

/**
 * Wrap one rendered line to `width` columns. Continuation lines hang under
 * the text after any indentation and list marker, so a wrapped bullet reads
 * as one item. Words longer than the width are broken.
 */
export function wrapLine(line: string, width: number): string[] {
  const w = Math.max(1, width);
  if (stringWidth(line) <= w) return [line];
  const plain = stripAnsi(line);
  const lead = LEAD.exec(plain)![0];
  let indent = lead.length;
  if (indent > w / 2) indent = 0;
  const rest = indent ? dropColumns(line, indent) : line;
  const wrapped = wrapAnsi(rest, w - indent, { hard: true, trim: true }).split('\n');
  const pad = ' '.repeat(indent);
  return wrapped.map((l, i) => (i === 0 ? lead.slice(0, indent) : pad) + l);
}

export function wrapLines(lines: string[], width: number): string[] {
  const out: string[] = [];
  for (const line of lines) for (const l of wrapLine(line, width)) out.push(l);
  return out;
}

/** Pad or centre a line within a width (by display width). */
export function centre(line: string, width: number): string {
  if (line === '') return line;
  const gap = width - stringWidth(line);
  return gap > 1 ? ' '.repeat(Math.floor(gap / 2)) + line : line;
}

/** Cut a plain string to at most `width` columns, with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of segment(text)) {
    const cw = stringWidth(ch);
    if (used + cw > width - 1) break;
    out += ch;
    used += cw;
  }
  return out + '…';
}

const segmenter = new Intl.Segmenter();
function* segment(text: string): Generator<string> {
  for (const s of segmenter.segment(text)) yield s.segment;
}
