import { findAll } from '../deck/search.js';
import { SGR } from './ansi.js';

const ON = '\u001b[7m';
const OFF = '\u001b[27m';

/**
 * Mark every match of `query` in a rendered line (which may hold SGR styles)
 * with the theme's `match` role (reverse video unless a theme file says
 * otherwise). Matching follows search's smart case; styles inside a match
 * are kept.
 */
export function highlightMatches(line: string, query: string, enabled = true, style?: (s: string) => string): string {
  if (!query || !enabled) return line;
  const [on, off] = style?.('\u0000').split('\u0000') ?? [ON, OFF];
  // Map visible characters to their offsets in the styled line.
  const plainChars: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  SGR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SGR.exec(line))) {
    for (; i < m.index; i++) {
      plainChars.push(line[i]);
      offsets.push(i);
    }
    i = m.index + m[0].length;
  }
  for (; i < line.length; i++) {
    plainChars.push(line[i]);
    offsets.push(i);
  }
  const plain = plainChars.join('');
  const starts = findAll(plain, query);
  if (!starts.length) return line;
  const marks = new Map<number, string>();
  for (const s of starts) {
    const e = s + query.length;
    if (e > offsets.length) continue;
    marks.set(offsets[s], (marks.get(offsets[s]) ?? '') + (on || ON));
    const endAt = e < offsets.length ? offsets[e] : line.length;
    marks.set(endAt, (on ? off : OFF) + (marks.get(endAt) ?? ''));
  }
  let out = '';
  for (let k = 0; k <= line.length; k++) {
    const mark = marks.get(k);
    if (mark) out += mark;
    if (k < line.length) out += line[k];
  }
  return out;
}
