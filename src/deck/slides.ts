/**
 * Cutting one file's Markdown into raw slides: at `<!-- end_slide -->`, at a
 * separator, before headings when a dialect says so; and the per-slide front
 * matter that follows a separator (Slidev). Fenced code is never cut.
 */
import { parse as parseYaml } from 'yaml';
import { briefSeparator, END_SLIDE, FenceTracker, headingAt, usesEndSlide, type SeparatorTest } from './lines.js';
import type { Report } from './types.js';

export interface RawSlide {
  lines: string[];
  /** 1-based file line of lines[0]. */
  line: number;
  /** Per-slide front matter (Slidev), when the slide has some. */
  data?: Record<string, unknown>;
  /** 1-based file line of each top-level key of `data`. */
  keyLines?: Record<string, number>;
}

export interface SplitRules {
  /** Slides end only at `<!-- end_slide -->` (default: when the text uses it). */
  endSlideOnly?: boolean;
  /** What else ends a slide (default: `briefSeparator`). */
  separator?: SeparatorTest;
  /** Split before headings of these levels too (patat / lookatme without rules, Marp headingDivider). */
  headingSplit?: (level: number) => boolean;
  /** Headings of these levels stand alone: what follows them starts another slide (Pandoc's title slides). */
  headingAlone?: (level: number) => boolean;
  /** `---` followed by `key: value` lines and `---` is the next slide's front matter (Slidev). */
  slideFrontMatter?: boolean;
}

/**
 * Cut a file body into raw slides. A slide ends at `<!-- end_slide -->`, or at
 * a separator (by default a `---` line that is not a setext underline), unless
 * the file uses end_slide, in which case `---` is a rule drawn on the slide
 * (and `report`, when given, hears how many such lines there are).
 */
export function splitSlides(body: string, firstLine: number, rules: SplitRules = {}, report?: Report): RawSlide[] {
  const lines = body.split('\n');
  const endSlideOnly = rules.endSlideOnly ?? usesEndSlide(body);
  const separator = rules.separator ?? briefSeparator;
  const fence = new FenceTracker();
  let slides: RawSlide[] = [];
  let current: RawSlide = { lines: [], line: firstLine };
  const drawnRules: number[] = [];
  const finish = (nextLine: number) => {
    slides.push(current);
    current = { lines: [], line: nextLine };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence.step(line)) {
      current.lines.push(line);
      continue;
    }
    if (END_SLIDE.test(line)) {
      finish(firstLine + i + 1);
      continue;
    }
    const prev = current.lines.length ? current.lines[current.lines.length - 1] : '';
    if (endSlideOnly) {
      if (report && briefSeparator(line, prev, i)) drawnRules.push(firstLine + i);
    } else {
      const sep = separator(line, prev, i);
      if (sep) {
        if (sep.before.trim()) current.lines.push(sep.before);
        const rest = sep.after.trim() !== '';
        finish(firstLine + i + (rest ? 0 : 1));
        if (rest) current.lines.push(sep.after);
        if (rules.slideFrontMatter && !rest) {
          const fm = slideFrontMatter(lines, i + 1);
          if (fm) {
            current.data = fm.data;
            current.keyLines = keyLines(lines, i + 1, fm.end, firstLine);
            current.line = firstLine + fm.end + 1;
            i = fm.end;
          }
        }
        continue;
      }
    }
    current.lines.push(line);
  }
  slides.push(current);
  if (drawnRules.length) {
    const n = drawnRules.length;
    report!(
      drawnRules[0],
      'mixed-separators',
      `${n} ${n === 1 ? 'line `---` is drawn as a rule' : 'lines `---` are drawn as rules'} because the deck uses ` +
        '`<!-- end_slide -->`; use `--dialect brief` to split at both, or replace each one meant as a slide break ' +
        'with `<!-- end_slide -->`',
    );
  }
  if (rules.headingSplit) slides = slides.flatMap((s) => splitAtHeadings(s, rules.headingSplit!, rules.headingAlone));
  return slides;
}

const YAML_KEY = /^[A-Za-z_][\w.-]*[ \t]*:(\s|$)/;
const YAML_MORE = /^([ \t]+\S|[ \t]*-[ \t]|[ \t]*#|[ \t]*$)/;
const DASHES = /^---[ \t]*$/;

/**
 * Where a block of `key: value` lines (and their indented continuations) that
 * starts at `start` is closed by a `---` line: its index, or -1 when the lines
 * are not such a block (Slidev's per-slide front matter, by its shape).
 */
export function frontMatterBlockEnd(lines: readonly string[], start: number): number {
  if (start >= lines.length || !YAML_KEY.test(lines[start])) return -1;
  for (let k = start + 1; k < lines.length && k < start + 200; k++) {
    if (DASHES.test(lines[k])) return k;
    if (!YAML_KEY.test(lines[k]) && !YAML_MORE.test(lines[k])) return -1;
  }
  return -1;
}

/**
 * Slidev's per-slide front matter: from `start`, `key: value` lines up to a
 * closing `---`. Returns the data and the index of the closing line, or null
 * when the lines are not that.
 */
function slideFrontMatter(lines: string[], start: number): { data: Record<string, unknown>; end: number } | null {
  const end = frontMatterBlockEnd(lines, start);
  if (end < 0) return null;
  try {
    const data: unknown = parseYaml(lines.slice(start, end).join('\n'));
    if (data && typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown>, end };
  } catch {
    // Not YAML after all: Markdown.
  }
  return null;
}

/** The file line of each top-level key in lines[start, end). */
export function keyLines(lines: readonly string[], start: number, end: number, firstLine: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = start; k < end; k++) {
    const m = /^([A-Za-z_][\w.-]*)[ \t]*:/.exec(lines[k]);
    if (m && !(m[1] in out)) out[m[1]] = firstLine + k;
  }
  return out;
}

const COMMENT_ONLY = /^\s*<!--[\s\S]*-->\s*$/;

/**
 * Cut a raw slide before each heading whose level passes `split` (never
 * leaving an empty piece), and after each one that passes `alone`.
 */
function splitAtHeadings(raw: RawSlide, split: (level: number) => boolean, alone?: (level: number) => boolean): RawSlide[] {
  const out: RawSlide[] = [];
  let current: RawSlide = { ...raw, lines: [] };
  let hasContent = false;
  /** The current piece is a heading that stands alone: the next content starts another. */
  let closed = false;
  const fence = new FenceTracker();
  for (let i = 0; i < raw.lines.length; i++) {
    const line = raw.lines[i];
    const code = fence.step(line);
    const heading = code ? null : headingAt(raw.lines, i);
    const content = line.trim() !== '' && !COMMENT_ONLY.test(line);
    if (hasContent && ((heading && split(heading.level)) || (closed && content))) {
      out.push(current);
      current = { lines: [], line: raw.line + i };
      hasContent = false;
      closed = false;
    }
    current.lines.push(line);
    if (content) hasContent = true;
    if (heading && alone?.(heading.level)) {
      if (heading.lines === 2) current.lines.push(raw.lines[++i]);
      closed = true;
    }
  }
  out.push(current);
  return out;
}
