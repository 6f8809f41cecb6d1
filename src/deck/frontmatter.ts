import { parse as parseYaml, YAMLParseError } from 'yaml';
import { neutraliseControls } from './clean.js';
import { DeckError } from './types.js';

export interface FrontMatter {
  /** The mapping at the top of the file ({} when there is none). */
  data: Record<string, unknown>;
  /** The text after the front matter. */
  body: string;
  /** 1-based line number in the file where `body` starts. */
  bodyLine: number;
  /** The block was closed with `...` (Pandoc's YAML metadata), not `---`. */
  closedWithDots?: boolean;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
const LOOKS_LIKE_YAML = /^[ \t]*[A-Za-z_][\w.-]*[ \t]*:(\s|$)/m;

/**
 * Split YAML front matter off the top of a (cleaned) file. A block only counts
 * as front matter when it is empty or a YAML mapping; anything else (say a
 * deck that opens with a `---` separator) is left as Markdown. A block that
 * looks like YAML but does not parse is an error naming the line.
 */
export function splitFrontMatter(text: string, path: string): FrontMatter {
  const none: FrontMatter = { data: {}, body: text, bodyLine: 1 };
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0 || !OPEN.test(text.slice(0, firstEnd))) return none;
  // Find the closing line without splitting the whole deck (it can be large).
  let close = -1;
  let closeStart = -1;
  let closeEnd = text.length;
  let line = 1;
  for (let at = firstEnd + 1; at <= text.length; line++) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    if (CLOSE.test(text.slice(at, stop))) {
      close = line;
      closeStart = at;
      closeEnd = stop;
      break;
    }
    if (end < 0) break;
    at = end + 1;
  }
  if (close < 0) return none;
  const block = text.slice(firstEnd + 1, Math.max(firstEnd + 1, closeStart - 1));
  const rest: FrontMatter = {
    data: {},
    body: closeEnd < text.length ? text.slice(closeEnd + 1) : '',
    bodyLine: close + 2,
  };
  if (text.startsWith('...', closeStart)) rest.closedWithDots = true;
  if (block.trim() === '') return rest;
  let value: unknown;
  try {
    value = parseYaml(block);
  } catch (err) {
    if (!LOOKS_LIKE_YAML.test(block)) return none;
    const pos = err instanceof YAMLParseError ? err.linePos?.[0] : undefined;
    const line = pos ? pos.line + 1 : 2;
    const reason = err instanceof Error ? firstLine(err.message) : String(err);
    throw new DeckError(`front matter is not valid YAML: ${reason}`, path, line);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return { ...rest, data: value as Record<string, unknown> };
  }
  return none;
}

function firstLine(s: string): string {
  const line = s.split('\n')[0].trim();
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** A front matter value as display text, or undefined when absent or not a scalar. */
export function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  if (v === null || v === undefined) return undefined;
  // YAML escapes ("\e", "\x1b") can produce control characters after parsing.
  if (typeof v === 'string') return v.trim() === '' ? undefined : neutraliseControls(v.trim());
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return undefined;
}

/** Is a front matter value a mapping (`key:` followed by indented keys)? */
export function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
