/**
 * reveal-md (webpro/reveal-md) and reveal.js's Markdown plugin: `---` across
 * and `----` down, or the front matter's own `separator` /
 * `verticalSeparator` patterns; `Note:` starts the notes.
 */
import { isParagraphText, type SeparatorTest } from '../lines.js';
import type { FileRules } from './index.js';

/** Front matter keys only reveal-md uses. */
export const REVEAL_KEYS = ['separator', 'verticalSeparator', 'revealOptions', 'notesSeparator'];

/** reveal-md: `---` across, `----` down, exactly, and not under a line of text. */
const revealDefault: SeparatorTest = (line, prev) =>
  /^-{3,4}[ \t]*$/.test(line) && !isParagraphText(prev) ? { before: '', after: '' } : null;

/** Does a line hold a separator? What is before and after it stays on the slides either side. */
export type LineSeparator = (line: string) => { before: string; after: string } | null;

/** Longer separator patterns are taken literally. */
const MAX_PATTERN = 256;

/**
 * A user's pattern as an expression that runs in time linear in the line, on
 * V8's linear-time engine (the `l` flag, turned on by the launcher with
 * `--enable-experimental-regexp-engine`); null when it cannot run there
 * (back-references, look-arounds), when it is not an expression at all, or
 * when the engine is off: the caller then takes it literally.
 */
function linearRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source, 'l');
  } catch {
    return null;
  }
}

/**
 * A reveal-md `separator` / `verticalSeparator` as a line test. reveal-md
 * takes them as regular expressions over the whole file, usually anchored to
 * blank lines (`^\r?\n---\r?\n$`); here the newline parts are dropped and each
 * line is tested, outside code. Anything that is not a usable expression is
 * taken as literal text (`<!--s-->`).
 */
export function separatorFromPattern(pattern: string): LineSeparator | null {
  const literal = () => new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  let src = pattern.length <= MAX_PATTERN ? pattern : '';
  let anchored = false;
  const strip = [
    /^\^/,
    /\$$/,
    /^\((?:\\r\?|\\r)?\\n(?:\|\\r\\n\?)?\)\??/,
    /^\(\\r\\n\?\|\\n\)/,
    /\(\\r\\n\?\|\\n\)$/,
    /^(\\r)?\??\\n/,
    /(\\r)?\??\\n$/,
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of strip) {
      const next = src.replace(re, '');
      if (next !== src) {
        src = next;
        anchored = true;
        changed = true;
      }
    }
  }
  if (!src && pattern.length <= MAX_PATTERN) return null;
  const re = (src && !/\\[rn]/.test(src) && linearRegExp(anchored ? `^(?:${src})[ \\t]*$` : src)) || literal();
  if (re.test('')) return null;
  return (line) => {
    if (line.length > 1000) return null;
    const m = re.exec(line);
    if (!m) return null;
    return { before: line.slice(0, m.index), after: line.slice(m.index + m[0].length) };
  };
}

function revealSeparators(data: Record<string, unknown>): SeparatorTest {
  const across = typeof data.separator === 'string' ? separatorFromPattern(data.separator) : null;
  const down = typeof data.verticalSeparator === 'string' ? separatorFromPattern(data.verticalSeparator) : null;
  if (!across && !down) return revealDefault;
  const tests = [across, down].filter((t): t is NonNullable<typeof t> => t !== null);
  // A separator that is not given keeps its default.
  if (!across) tests.push((l) => (/^---[ \t]*$/.test(l) ? { before: '', after: '' } : null));
  if (!down) tests.push((l) => (/^----[ \t]*$/.test(l) ? { before: '', after: '' } : null));
  return (line, prev) => {
    for (const t of tests) {
      const r = t(line);
      if (r && !(r.before.trim() === '' && r.after.trim() === '' && /^-+[ \t]*$/.test(line) && isParagraphText(prev)))
        return r;
    }
    return null;
  };
}

/** reveal-md's reading of a file, on top of the shared rules. */
export function revealRules(rules: FileRules, deckFm: Record<string, unknown>): void {
  rules.titleSlide = false;
  rules.split.separator = revealSeparators(deckFm);
  rules.split.endSlideOnly = false;
  // reveal.js: `notes?:` in any case, after any indentation.
  rules.parts.noteLine = /^\s*notes?:/i;
}
