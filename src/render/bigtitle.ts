/**
 * Slide titles at twice the size, with kitty's text sizing protocol (OSC 66,
 * kitty 0.40.0 and later): `ESC ] 66 ; s=2 ; TEXT BEL` draws TEXT in cells
 * of 2 × 2, so a title of w columns covers 2w columns on its row and the row
 * below. Only for a terminal known to draw it (see ui/textsize.ts); the
 * painter leaves the covered row alone (ui/frame.ts paintScreen).
 */
import { stripSgr } from './ansi.js';
import { TITLE_RULE } from './heading.js';
import { displayWidth } from './wrap.js';

/** What opens text drawn at twice the size. */
export const SCALED = '\u001b]66;s=2;';

/** A level-1 title's rule as drawn (drawHeading), and the rule in it. */
const RULE_LINE = new RegExp(`^ *${TITLE_RULE}+$`);
const RULE = new RegExp(`${TITLE_RULE}+`);

/** Text drawn at twice the size (text free of control characters, as slide text is). */
export function scaledText(text: string): string {
  return `${SCALED}${text}\u0007`;
}

/** Whether a line holds text drawn at twice the size (it covers the row below too). */
export function isScaledLine(line: string): boolean {
  return line.includes(SCALED);
}

/**
 * A slide's lines with its title at twice the size: the title's line, a
 * blank row under it (its lower half), then the rest; a level-1 title's rule
 * as wide as the doubled title. The lines as they are when the first line is
 * not the title or the doubled title would not fit the width. `centred`: a
 * title slide, whose lines are centred one by one.
 */
export function bigTitleLines(lines: readonly string[], title: string, width: number, centred: boolean): string[] {
  const text = title.trim();
  const at = lines.findIndex((l) => stripSgr(l).trim() !== '');
  if (!text || at < 0 || stripSgr(lines[at]).trim() !== text) return [...lines];
  const line = lines[at].replace(/^ +/, '');
  const w = 2 * displayWidth(text);
  const indent = centred ? Math.max(0, Math.floor((width - w) / 2)) : lines[at].length - lines[at].trimStart().length;
  if (!line.includes(text) || indent + w > width) return [...lines];
  const out = lines.slice(0, at);
  out.push(' '.repeat(indent) + line.replace(text, () => scaledText(text)), '');
  const rest = lines.slice(at + 1);
  const rule = rest[0] !== undefined && RULE_LINE.test(stripSgr(rest[0]));
  if (rule) rest[0] = ' '.repeat(indent) + rest[0].replace(/^ +/, '').replace(RULE, TITLE_RULE.repeat(w));
  out.push(...rest);
  return out;
}
