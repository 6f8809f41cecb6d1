import { displayWidth, wrapLine } from './wrap.js';

/** What opens each further row of a code line too long for the slide. */
export const CODE_CONTINUED = '↪ ';

/**
 * Code lines indented two columns, each within `width`. A line too long goes
 * on in rows under its own indentation that open with `↪ `, so its tail does
 * not read as a line of code of its own.
 */
export function codeLines(body: string, width: number, mark: (s: string) => string): string[] {
  const out: string[] = [];
  for (const line of body.split('\n')) {
    const full = '  ' + line;
    if (displayWidth(full) <= width || width <= CODE_CONTINUED.length) {
      out.push(full);
      continue;
    }
    wrapLine(full, width - CODE_CONTINUED.length).forEach((row, i) => {
      if (i === 0) return out.push(row);
      const pad = row.length - row.trimStart().length;
      out.push(row.slice(0, pad) + mark(CODE_CONTINUED) + row.slice(pad));
    });
  }
  return out;
}
