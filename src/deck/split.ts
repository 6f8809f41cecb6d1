/**
 * Line-level scanning of one file's Markdown: where slides end, what is a
 * directive, what is a speaker note, where a reveal step ends. Fenced code is
 * opaque throughout. What differs between dialects comes in as rules
 * (see dialect.ts); the defaults are brief-present's own.
 */
import { parse as parseYaml } from 'yaml';

export interface RawSlide {
  lines: string[];
  /** 1-based file line of lines[0]. */
  line: number;
  /** Per-slide front matter (Slidev), when the slide has some. */
  data?: Record<string, unknown>;
}

export interface SlideParts {
  body: string;
  /** What each reveal step shows: the body up to each pause, then all of it. */
  steps: string[];
  notes: string;
  /** How many separate notes were joined into `notes`. */
  noteCount: number;
  /** From `<!-- section: Name -->`, when present. */
  section?: string;
}

/** Something worth telling the author about, found while reading: a file line and a message. */
export type Report = (line: number, code: DiagnosticCode, message: string) => void;
export type DiagnosticCode = 'unknown-directive' | 'note-in-code' | 'unclosed-fence' | 'unclosed-comment';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
const RULE = /^ {0,3}-{3,}[ \t]*$/;
/** Any thematic break: `---`, `***`, `___`, spaced or not. */
export const ANY_RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const END_SLIDE = /^\s*<!--\s*end_slide\s*-->\s*$/;
const NOTE_LINE = /^Notes?:/;
const DOTS = /^\.[ \t]+\.[ \t]+\.[ \t]*$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;

/** Tracks whether a line is inside a fenced code block. */
export class FenceTracker {
  private open: { char: string; len: number; info: string } | null = null;

  /** Feed the next line; returns true when the line is fence or code (not Markdown text). */
  step(line: string): boolean {
    if (this.open) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
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
 * Does `line` end a slide? `prev` is the line before it in the slide so far.
 * The answer says what of the line stays: text before the separator ends the
 * slide, text after it starts the next one.
 */
export type SeparatorTest = (line: string, prev: string) => { before: string; after: string } | null;

/** brief-present's own: a `---` line that does not underline text (setext). */
export const briefSeparator: SeparatorTest = (line, prev) =>
  RULE.test(line) && !isParagraphText(prev) ? { before: '', after: '' } : null;

export interface SplitRules {
  /** Slides end only at `<!-- end_slide -->` (default: when the text uses it). */
  endSlideOnly?: boolean;
  /** What else ends a slide (default: `briefSeparator`). */
  separator?: SeparatorTest;
  /** Split before headings of these levels too (patat / lookatme without rules, Marp headingDivider). */
  headingSplit?: (level: number) => boolean;
  /** `---` followed by `key: value` lines and `---` is the next slide's front matter (Slidev). */
  slideFrontMatter?: boolean;
}

/**
 * Cut a file body into raw slides. A slide ends at `<!-- end_slide -->`, or at
 * a separator (by default a `---` line that is not a setext underline), unless
 * the file uses end_slide, in which case `---` is a rule drawn on the slide.
 */
export function splitSlides(body: string, firstLine: number, rules: SplitRules = {}): RawSlide[] {
  const lines = body.split('\n');
  const endSlideOnly = rules.endSlideOnly ?? usesEndSlide(body);
  const separator = rules.separator ?? briefSeparator;
  const fence = new FenceTracker();
  let slides: RawSlide[] = [];
  let current: RawSlide = { lines: [], line: firstLine };
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
    if (!endSlideOnly) {
      const prev = current.lines.length ? current.lines[current.lines.length - 1] : '';
      const sep = separator(line, prev);
      if (sep) {
        if (sep.before.trim()) current.lines.push(sep.before);
        const rest = sep.after.trim() !== '';
        finish(firstLine + i + (rest ? 0 : 1));
        if (rest) current.lines.push(sep.after);
        if (rules.slideFrontMatter && !rest) {
          const fm = slideFrontMatter(lines, i + 1);
          if (fm) {
            current.data = fm.data;
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
  if (rules.headingSplit) slides = slides.flatMap((s) => splitAtHeadings(s, rules.headingSplit!));
  return slides;
}

const YAML_KEY = /^[A-Za-z_][\w.-]*[ \t]*:(\s|$)/;
const YAML_MORE = /^([ \t]+\S|[ \t]*-[ \t]|[ \t]*#|[ \t]*$)/;

/**
 * Slidev's per-slide front matter: from `start`, `key: value` lines (and their
 * indented continuations) up to a closing `---`. Returns the data and the
 * index of the closing line, or null when the lines are not that.
 */
function slideFrontMatter(lines: string[], start: number): { data: Record<string, unknown>; end: number } | null {
  if (start >= lines.length || !YAML_KEY.test(lines[start])) return null;
  for (let k = start + 1; k < lines.length && k < start + 200; k++) {
    if (/^---[ \t]*$/.test(lines[k])) {
      try {
        const data: unknown = parseYaml(lines.slice(start, k).join('\n'));
        if (data && typeof data === 'object' && !Array.isArray(data)) {
          return { data: data as Record<string, unknown>, end: k };
        }
      } catch {
        // Not YAML after all: Markdown.
      }
      return null;
    }
    if (!YAML_KEY.test(lines[k]) && !YAML_MORE.test(lines[k])) return null;
  }
  return null;
}

/** The heading level a line starts (ATX, or setext with the next line), 0 when none. */
export function headingLevelAt(lines: string[], i: number): number {
  const atx = ATX.exec(lines[i]);
  if (atx) return atx[1].length;
  const next = lines[i + 1];
  if (next === undefined || !isParagraphText(lines[i])) return 0;
  const prev = i > 0 ? lines[i - 1] : '';
  if (prev.trim() !== '' && !ATX.test(prev)) return 0; // the middle of a paragraph
  if (/^ {0,3}=+[ \t]*$/.test(next)) return 1;
  if (/^ {0,3}-+[ \t]*$/.test(next)) return 2;
  return 0;
}

export interface HeadingLine {
  /** Index of the heading's (first) line. */
  index: number;
  level: number;
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
    const level = headingLevelAt(lines, i);
    if (level) {
      last = { index: i, level, followedByContent: false };
      out.push(last);
      if (!ATX.test(line)) i++; // the setext underline
      continue;
    }
    if (last && !ANY_RULE.test(line)) last.followedByContent = true;
    last = null;
  }
  return out;
}

/** Pandoc's (and patat's) slide level: the least heading level directly followed by content. */
export function pandocSlideLevel(headings: HeadingLine[]): number {
  let level = 6;
  for (const h of headings) if (h.followedByContent && h.level < level) level = h.level;
  return level;
}

const COMMENT_ONLY = /^\s*<!--[\s\S]*-->\s*$/;

/** Cut a raw slide before each heading whose level passes `test` (never leaving an empty piece). */
function splitAtHeadings(raw: RawSlide, test: (level: number) => boolean): RawSlide[] {
  const out: RawSlide[] = [];
  let current: RawSlide = { lines: [], line: raw.line, data: raw.data };
  let hasContent = false;
  const fence = new FenceTracker();
  for (let i = 0; i < raw.lines.length; i++) {
    const line = raw.lines[i];
    if (!fence.step(line)) {
      const level = headingLevelAt(raw.lines, i);
      if (level && test(level) && hasContent) {
        out.push(current);
        current = { lines: [], line: raw.line + i };
        hasContent = false;
      }
    }
    current.lines.push(line);
    if (!hasContent && line.trim() !== '' && !COMMENT_ONLY.test(line)) hasContent = true;
  }
  out.push(current);
  return out;
}

/** How a slide's comments and special lines are read. */
export interface PartRules {
  /** 'all': a comment that is not a directive is a note; 'last': only a slide's last comment (Slidev). */
  commentNotes: 'all' | 'last';
  /** Is this comment (trimmed content, and its leading name if any) a directive: neither shown nor a note? */
  isDirective: (content: string, name: string | null) => boolean;
  /** Comment names that end a reveal step. */
  pauses: ReadonlySet<string>;
  /** `. . .` on its own line ends a reveal step (patat). */
  dotPauses: boolean;
  /** Each top-level list item is a reveal step (toggled by `<!-- incremental_lists: … -->`). */
  incrementalLists: boolean;
  /** A code line the audience does not see (`///` in slides, `# ` in presenterm's Rust snippets). */
  hideCodeLine?: (info: string, line: string) => boolean;
  /** A line that starts the notes (default `Note:` / `Notes:`). */
  noteLine?: RegExp;
  /** Lines dropped from the slide (Slidev's `::slot::` markers). */
  dropLine?: RegExp;
  /** For messages: directive names other dialects know, so a warning can suggest --dialect. */
  knownElsewhere?: (name: string) => string | undefined;
}

/** Directives that end a reveal step. */
export const PAUSES: ReadonlySet<string> = new Set(['pause', 'stop']);

/** presenterm's comment commands (`<!-- column_layout: [1, 2] -->`). */
export const PRESENTERM_COMMANDS: ReadonlySet<string> = new Set([
  'end_slide',
  'speaker_note',
  'column_layout',
  'column',
  'reset_layout',
  'jump_to_middle',
  'newline',
  'new_line',
  'newlines',
  'new_lines',
  'alignment',
  'incremental_lists',
  'list_item_newlines',
  'no_footer',
  'skip_slide',
  'font_size',
  'include',
  'snippet_output',
]);

/**
 * Comments that steer layout or flow in every dialect: never shown and never
 * notes. (presenterm's speaker_note is a note, handled before directives.)
 */
export const DIRECTIVES: ReadonlySet<string> = new Set([
  ...[...PRESENTERM_COMMANDS].filter((name) => name !== 'speaker_note'),
  ...PAUSES,
  'fit',
]);

/** The leading name of a comment: `column_layout` in `column_layout: [1, 2]`, `.element`, `fit`. */
export function directiveName(content: string): string | null {
  const m = /^(\.?[A-Za-z_][\w-]*)\s*(:|$)/.exec(content.trim());
  return m ? m[1] : null;
}

/** reveal.js attribute comments and patat's `<!--config:` blocks. */
function isAttributeComment(content: string): boolean {
  return /^\.(element|slide)\b/.test(content) || /^config:/.test(content);
}

export const BRIEF_PARTS: PartRules = {
  commentNotes: 'all',
  isDirective: (content, name) => isAttributeComment(content) || (name !== null && DIRECTIVES.has(name.toLowerCase())),
  pauses: PAUSES,
  dotPauses: false,
  incrementalLists: false,
};

/** Is `<!--` at `idx` inside an inline code span on its line? */
function inCodeSpan(line: string, idx: number): boolean {
  const before = line.slice(0, idx).match(/`+/g);
  return before !== null && before.length % 2 === 1;
}

/** `|` / `>` YAML block scalars in `speaker_note: |` comments. */
function blockScalar(value: string): string {
  const m = /^[|>][+-]?[ \t]*\n([\s\S]*)$/.exec(value);
  if (!m) return value.trim();
  const lines = m[1].split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines
    .map((l) => l.slice(cut))
    .join('\n')
    .trim();
}

/** Runs of blank lines outside code become one (removed comments leave gaps). */
function collapseBlankLines(lines: string[]): string[] {
  const fence = new FenceTracker();
  const out: string[] = [];
  for (const line of lines) {
    const code = fence.step(line);
    if (!code && line.trim() === '' && out.length && out[out.length - 1].trim() === '' && !fence.inside) continue;
    out.push(line);
  }
  return out;
}

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b);
}

const NOTE_COMMENT = /^(?:notes?|speaker_?notes?)\s*:([\s\S]*)$/i;
const NOTE_MARKER_IN_CODE = /<!--\s*(?:notes?|speaker_?notes?)\s*:|^Notes?:/i;
/** Fences that show Markdown or HTML source on purpose: a note marker in them is an example. */
const SOURCE_FENCE = /^(markdown|md|mdx|html|htm|xml|xhtml|svelte|vue|text|txt)\b/i;
const LOOKS_LIKE_DIRECTIVE = /^([A-Za-z_][\w-]*)(?:\s*:\s*\S.*)?$/;
const TOP_LIST_ITEM = /^ ?([-*+]|\d{1,9}[.)])([ \t]|$)/;

/**
 * Separate a raw slide into what is shown, the speaker notes, and directives.
 * Notes: `<!-- notes: … -->`, `<!-- speaker_note: … -->`, any other comment
 * that is not a directive (or only the last one, for Slidev), and everything
 * after a `Note:` / `Notes:` line.
 */
export function extractParts(raw: RawSlide, rules: PartRules = BRIEF_PARTS, report?: Report): SlideParts {
  const body: string[] = [];
  const notes: string[] = [];
  const lastComments: string[] = [];
  let section: string | undefined;
  const fence = new FenceTracker();
  let fenceLine = 0;
  let comment: string[] | null = null;
  let commentLine = 0;
  let lineHadComment = false;
  const pauses: number[] = [];
  let incremental = rules.incrementalLists;
  let inList = false;

  const takeComment = (content: string, line: number) => {
    const trimmed = content.trim();
    const note = NOTE_COMMENT.exec(trimmed);
    if (note) {
      const text = blockScalar(note[1].replace(/^[ \t]+/, ''));
      if (text) notes.push(text);
      return;
    }
    const sec = /^section\s*:\s*([\s\S]*)$/i.exec(trimmed);
    if (sec) {
      const name = sec[1].trim();
      if (name) section = name;
      return;
    }
    const name = directiveName(trimmed);
    const lower = name?.toLowerCase() ?? null;
    if (lower && rules.pauses.has(lower)) pauses.push(body.length);
    if (lower === 'incremental_lists') incremental = /:\s*true\b/i.test(trimmed);
    if (rules.isDirective(trimmed, name)) return;
    if (!trimmed) return;
    if (rules.commentNotes === 'last') {
      lastComments.push(trimmed);
      return;
    }
    const looks = LOOKS_LIKE_DIRECTIVE.exec(trimmed);
    if (report && looks && !trimmed.includes('\n')) {
      const elsewhere = rules.knownElsewhere?.(looks[1]);
      const hint = elsewhere ? ` (a ${elsewhere} directive: try --dialect ${elsewhere})` : '';
      report(line, 'unknown-directive', `unknown directive "${looks[1]}" is read as a speaker note${hint}`);
    }
    notes.push(trimmed);
  };

  const pushBody = (text: string) => {
    if (incremental) {
      if (TOP_LIST_ITEM.test(text)) {
        if (inList) pauses.push(body.length);
        inList = true;
      } else if (text.trim() !== '' && !/^[ \t]/.test(text)) {
        inList = false;
      }
    }
    body.push(text);
  };

  for (let i = 0; i < raw.lines.length; i++) {
    let line = raw.lines[i];
    const fileLine = raw.line + i;
    if (comment === null) {
      const wasInside = fence.inside;
      if (fence.step(line)) {
        if (!wasInside) {
          fenceLine = fileLine;
          if (!/^[ \t]/.test(line)) inList = false;
        } else if (fence.inside) {
          if (report && NOTE_MARKER_IN_CODE.test(line) && !SOURCE_FENCE.test(fence.info)) {
            report(
              fileLine,
              'note-in-code',
              `speaker-note marker inside the code block opened at line ${fenceLine} is shown as code`,
            );
          }
          if (rules.hideCodeLine?.(fence.info, line)) continue;
        }
        body.push(line);
        continue;
      }
      const noteLine = rules.noteLine ?? NOTE_LINE;
      if (noteLine.test(line)) {
        const rest = [line.replace(noteLine, '').trim(), ...raw.lines.slice(i + 1)];
        const text = trimBlankLines(rest).join('\n');
        if (text) notes.push(text);
        break;
      }
      if (rules.dotPauses && DOTS.test(line)) {
        pauses.push(body.length);
        continue;
      }
      if (rules.dropLine?.test(line)) continue;
    }
    if (comment !== null && line === '' && i < raw.lines.length - 1) {
      comment.push('');
      continue;
    }
    // Remove comments from the line, possibly opening one that spans lines.
    let out = '';
    lineHadComment = false;
    while (line.length) {
      if (comment !== null) {
        const end = line.indexOf('-->');
        if (end < 0) {
          comment.push(line);
          line = '';
          break;
        }
        comment.push(line.slice(0, end));
        takeComment(comment.join('\n'), commentLine);
        comment = null;
        line = line.slice(end + 3);
        continue;
      }
      const start = line.indexOf('<!--');
      if (start < 0 || inCodeSpan(line, start)) {
        out += line;
        break;
      }
      out += line.slice(0, start);
      comment = [];
      commentLine = fileLine;
      line = line.slice(start + 4);
      lineHadComment = true;
    }
    if (comment !== null && i === raw.lines.length - 1) {
      // Unclosed comment: keep it visible rather than lose text silently.
      report?.(commentLine, 'unclosed-comment', 'HTML comment is never closed with -->: it is shown as text');
      out += '<!--' + comment.join('\n');
      comment = null;
    }
    if (lineHadComment && out.trim() === '') continue;
    pushBody(lineHadComment ? out.trimEnd() : out);
  }
  if (fence.inside) {
    report?.(fenceLine, 'unclosed-fence', 'code block is never closed: everything after it is shown as code');
  }
  if (lastComments.length) notes.push(lastComments[lastComments.length - 1]);
  const tidy = (lines: string[]) => collapseBlankLines(trimBlankLines(lines)).join('\n');
  const full = tidy(body);
  const steps: string[] = [];
  for (const at of pauses) {
    const part = tidy(body.slice(0, at));
    if (part && part !== steps[steps.length - 1] && part !== full) steps.push(part);
  }
  steps.push(full);
  const result: SlideParts = { body: full, steps, notes: notes.join('\n\n'), noteCount: notes.length };
  if (section !== undefined) result.section = section;
  return result;
}

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

/** The first heading (ATX or setext) outside code. */
export function firstHeading(body: string): Heading | null {
  const lines = body.split('\n');
  const fence = new FenceTracker();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence.step(line)) continue;
    const atx = atxHeading(line);
    if (atx) return { level: atx.level, text: plainInline(atx.text) };
    const next = lines[i + 1];
    if (next !== undefined && isParagraphText(line)) {
      if (/^ {0,3}=+[ \t]*$/.test(next)) return { level: 1, text: plainInline(line) };
      if (/^ {0,3}-+[ \t]*$/.test(next)) return { level: 2, text: plainInline(line) };
    }
  }
  return null;
}

/** Inline Markdown to plain text, for titles and menus. */
export function plainInline(s: string): string {
  return s
    // Each pattern stops at the next opening bracket: one pass over the text.
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/<[^<>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** First line of visible text, for slides without a heading. */
export function firstTextLine(body: string): string {
  const fence = new FenceTracker();
  for (const line of body.split('\n')) {
    if (fence.step(line)) continue;
    const t = plainInline(line.replace(/^ {0,3}([-*+>]|\d+[.)])\s+/, ''));
    if (t && !RULE.test(line)) return t.length > 60 ? t.slice(0, 59) + '…' : t;
  }
  return '';
}
