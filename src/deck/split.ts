/**
 * Line-level scanning of one file's Markdown: where slides end, what is a
 * directive, what is a speaker note. Fenced code is opaque throughout.
 */

export interface RawSlide {
  lines: string[];
  /** 1-based file line of lines[0]. */
  line: number;
}

export interface SlideParts {
  body: string;
  /** What each reveal step shows: the body up to each pause, then all of it. */
  steps: string[];
  notes: string;
  /** From `<!-- section: Name -->`, when present. */
  section?: string;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const RULE = /^ {0,3}-{3,}[ \t]*$/;
const END_SLIDE = /^\s*<!--\s*end_slide\s*-->\s*$/;
const NOTE_LINE = /^Notes?:/;

/** Tracks whether a line is inside a fenced code block. */
export class FenceTracker {
  private open: { char: string; len: number } | null = null;

  /** Feed the next line; returns true when the line is fence or code (not Markdown text). */
  step(line: string): boolean {
    if (this.open) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m && m[1][0] === this.open.char && m[1].length >= this.open.len) this.open = null;
      return true;
    }
    const m = FENCE_OPEN.exec(line);
    if (m && !(m[1][0] === '`' && m[2].includes('`'))) {
      this.open = { char: m[1][0], len: m[1].length };
      return true;
    }
    return false;
  }

  get inside(): boolean {
    return this.open !== null;
  }
}

/** A line that a following `---` would turn into a setext heading. */
function isParagraphText(line: string): boolean {
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
 * Cut a file body into raw slides. A slide ends at `<!-- end_slide -->`, or at
 * a `---` line that is not a setext underline, unless the file uses
 * end_slide, in which case `---` is a rule drawn on the slide.
 */
export function splitSlides(body: string, firstLine: number): RawSlide[] {
  const lines = body.split('\n');
  const endSlideOnly = usesEndSlide(body);
  const fence = new FenceTracker();
  const slides: RawSlide[] = [];
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
    if (!endSlideOnly && RULE.test(line)) {
      const prev = current.lines.length ? current.lines[current.lines.length - 1] : '';
      if (!isParagraphText(prev)) {
        finish(firstLine + i + 1);
        continue;
      }
    }
    current.lines.push(line);
  }
  slides.push(current);
  return slides;
}

/** Directives that end a reveal step. */
const PAUSES = new Set(['pause']);

/** Comments that steer layout or flow: never shown and never notes. */
const DIRECTIVES = new Set([
  'end_slide',
  'pause',
  'stop',
  'jump_to_middle',
  'column_layout',
  'column',
  'reset_layout',
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
  'fit',
]);

function directiveName(content: string): string | null {
  const m = /^([A-Za-z_]+)\s*(:|$)/.exec(content.trim());
  return m ? m[1].toLowerCase() : null;
}

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

/**
 * Separate a raw slide into what is shown, the speaker notes, and directives.
 * Notes: `<!-- notes: … -->`, `<!-- speaker_note: … -->`, any other comment
 * that is not a directive, and everything after a `Note:` / `Notes:` line.
 */
export function extractParts(raw: RawSlide): SlideParts {
  const body: string[] = [];
  const notes: string[] = [];
  let section: string | undefined;
  const fence = new FenceTracker();
  let comment: string[] | null = null;
  let lineHadComment = false;
  const pauses: number[] = [];

  const takeComment = (content: string) => {
    const trimmed = content.trim();
    const note = /^(?:notes?|speaker_?notes?)\s*:([\s\S]*)$/i.exec(trimmed);
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
    if (name && PAUSES.has(name)) pauses.push(body.length);
    if (name && DIRECTIVES.has(name)) return;
    if (trimmed) notes.push(trimmed);
  };

  for (let i = 0; i < raw.lines.length; i++) {
    let line = raw.lines[i];
    if (comment === null && fence.step(line)) {
      body.push(line);
      continue;
    }
    if (comment === null && NOTE_LINE.test(line)) {
      const rest = [line.replace(NOTE_LINE, '').trim(), ...raw.lines.slice(i + 1)];
      const text = trimBlankLines(rest).join('\n');
      if (text) notes.push(text);
      break;
    }
    if (comment !== null && line === '') {
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
        takeComment(comment.join('\n'));
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
      line = line.slice(start + 4);
      lineHadComment = true;
    }
    if (comment !== null && i === raw.lines.length - 1) {
      // Unclosed comment: keep it visible rather than lose text silently.
      out += '<!--' + comment.join('\n');
      comment = null;
    }
    if (lineHadComment && out.trim() === '') continue;
    body.push(lineHadComment ? out.trimEnd() : out);
  }
  const tidy = (lines: string[]) => collapseBlankLines(trimBlankLines(lines)).join('\n');
  const full = tidy(body);
  const steps: string[] = [];
  for (const at of pauses) {
    const part = tidy(body.slice(0, at));
    if (part && part !== steps[steps.length - 1] && part !== full) steps.push(part);
  }
  steps.push(full);
  const result: SlideParts = { body: full, steps, notes: notes.join('\n\n') };
  if (section !== undefined) result.section = section;
  return result;
}

export interface Heading {
  level: number;
  text: string;
}

/** The first heading (ATX or setext) outside code. */
export function firstHeading(body: string): Heading | null {
  const lines = body.split('\n');
  const fence = new FenceTracker();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence.step(line)) continue;
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) return { level: atx[1].length, text: plainInline(atx[2] ?? '') };
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
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
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
