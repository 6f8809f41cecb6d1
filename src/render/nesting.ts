import { FenceTracker } from '../deck/lines.js';

/** Container markers (`>`, bullets, numbers) opening a line that are drawn as nesting. */
const MAX_MARKERS = 16;
/** Columns of indentation kept (16 levels of a two-space list). */
const MAX_INDENT = 32;

/**
 * Where the container markers that open a line end, and where the first
 * `MAX_MARKERS` of them end (-1 when there are no more than that). Linear:
 * a regular expression for this backtracks exponentially on near misses.
 */
function markerSpan(line: string): { keep: number; end: number } {
  let i = 0;
  let count = 0;
  let keep = -1;
  for (;;) {
    let j = i;
    while (line[j] === ' ' || line[j] === '\t') j++;
    let k = j;
    if (line[k] === '>') {
      k++;
    } else {
      if (line[k] === '-' || line[k] === '*' || line[k] === '+') k++;
      else {
        while (k - j < 9 && line[k] >= '0' && line[k] <= '9') k++;
        if (k === j || (line[k] !== '.' && line[k] !== ')')) break;
        k++;
      }
      if (line[k] !== ' ' && line[k] !== '\t') break;
    }
    while (line[k] === ' ' || line[k] === '\t') k++;
    count++;
    if (count === MAX_MARKERS) keep = k;
    i = k;
  }
  return { keep: count > MAX_MARKERS ? keep : -1, end: i };
}

/**
 * Nesting deeper than anyone writes costs time that grows with the square or
 * cube of the depth (marked lexing nested lists, styles nesting in quotes):
 * a 1,000-deep list took seconds to render. Draw it at a depth that still
 * reads as nested instead. Fenced code is left as it is.
 */
export function limitNesting(markdown: string): string {
  const lines = markdown.split('\n');
  const fence = new FenceTracker();
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (fence.step(line)) continue;
    const { keep, end } = markerSpan(line);
    if (keep >= 0) line = line.slice(0, keep) + line.slice(end);
    const ws = /^[ \t]*/.exec(line)![0];
    if (ws.length > MAX_INDENT / 4 && ws.replace(/\t/g, '    ').length > MAX_INDENT) {
      line = ' '.repeat(MAX_INDENT) + line.slice(ws.length);
    }
    if (line !== lines[i]) {
      lines[i] = line;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : markdown;
}
