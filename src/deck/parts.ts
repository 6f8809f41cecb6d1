/**
 * One raw slide into what is shown, the speaker notes, the reveal steps, a
 * section marker and directives. Fenced code is opaque throughout. What
 * differs between dialects comes in as `PartRules` (see dialects/).
 */
import { collapseBlankLines, FenceTracker, trimBlankLines } from './lines.js';
import type { RawSlide } from './slides.js';
import { layoutMark, LayoutMarks, slotMarks } from './layout.js';
import { BACKUP_MARKER } from './backup.js';
import type { LayoutBlock, Report } from './types.js';

export interface SlideParts {
  body: string;
  /** What each reveal step shows: the body up to each pause, then all of it. */
  steps: string[];
  notes: string;
  /** How many separate notes were joined into `notes`. */
  noteCount: number;
  /** From `<!-- section: Name -->`, when present. */
  section?: string;
  /** Columns, blank lines, alignment: the blocks of each step (see Slide.layout). */
  layout?: LayoutBlock[][];
  /** presenterm's `<!-- jump_to_middle -->`: the slide is centred. */
  middle?: boolean;
  /** A `<!-- backup -->` line: 'here' with nothing shown above it (this slide is backup), else 'after'. */
  backup?: 'here' | 'after';
}

const NOTE_LINE = /^Notes?:/;
const DOTS = /^\.[ \t]+\.[ \t]+\.[ \t]*$/;

/** How a slide's comments and special lines are read. */
export interface PartRules {
  /**
   * 'all': a comment that is not a directive is a note; 'last': only a comment
   * that is the last thing on the slide, with nothing after it (Slidev).
   */
  commentNotes: 'all' | 'last';
  /**
   * Is this comment a directive: neither shown nor a note? `content` is
   * trimmed, `name` its leading name if any, `raw` the text right after `<!--`.
   */
  isDirective: (content: string, name: string | null, raw: string) => boolean;
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
  /** Slidev: a slide whose front matter asks for `two-cols`, where `::right::` starts the right column. */
  slotLayout?: (data: Record<string, unknown> | undefined) => 'two-cols' | 'two-cols-header' | null;
  /** For messages: directive names other dialects know, so a warning can suggest --dialect. */
  knownElsewhere?: (name: string) => string | undefined;
}

/** The leading name of a comment: `column_layout` in `column_layout: [1, 2]`, `.element`, `fit`. */
export function directiveName(content: string): string | null {
  const m = /^(\.?[A-Za-z_][\w-]*)\s*(:|$)/.exec(content.trim());
  return m ? m[1] : null;
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
  const cut = indents.length ? indents.reduce((a, b) => Math.min(a, b)) : 0;
  return lines
    .map((l) => l.slice(cut))
    .join('\n')
    .trim();
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
 * that is not a directive (for Slidev: only a comment nothing follows), and everything
 * after a `Note:` / `Notes:` line.
 */
/** The most reveal steps a slide has. */
export const MAX_STEPS = 100;

export function extractParts(raw: RawSlide, rules: PartRules, report?: Report): SlideParts {
  const body: string[] = [];
  const notes: string[] = [];
  /** Slidev: the latest comment, and whether anything has come after it. */
  type Last = { text: string; after: boolean } | null;
  let last = null as Last; // set in takeComment
  /** Something on the slide follows the latest comment when this text is not blank. */
  const seen = (text: string) => {
    if (last && text.trim() !== '') last.after = true;
  };
  let section: string | undefined;
  let backup: SlideParts['backup'];
  const fence = new FenceTracker();
  let fenceLine = 0;
  let comment: string[] | null = null;
  let commentLine = 0;
  let lineHadComment = false;
  const pauses: number[] = [];
  let incremental = rules.incrementalLists;
  let inList = false;
  const marks = new LayoutMarks();
  let middle = false;
  const slots = rules.slotLayout?.(raw.data) ?? null;
  if (slots === 'two-cols') marks.add(0, { kind: 'columns', widths: [1, 1] });

  const takeComment = (content: string, line: number) => {
    const trimmed = content.trim();
    if (rules.commentNotes === 'last') last = null;
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
    const mark = lower ? layoutMark(lower, trimmed) : null;
    if (mark) marks.add(body.length, mark);
    if (lower === 'jump_to_middle') middle = true;
    if (rules.isDirective(trimmed, name, content)) return;
    if (!trimmed) return;
    if (rules.commentNotes === 'last') {
      last = { text: trimmed, after: false };
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
          if (rules.hideCodeLine?.(fence.info, line)) {
            seen(line);
            continue;
          }
        }
        seen(line);
        body.push(line);
        continue;
      }
      const noteLine = rules.noteLine ?? NOTE_LINE;
      if (noteLine.test(line)) {
        seen(line);
        const rest = [line.replace(noteLine, '').trim(), ...raw.lines.slice(i + 1)];
        const text = trimBlankLines(rest).join('\n');
        if (text) notes.push(text);
        break;
      }
      if (BACKUP_MARKER.test(line)) {
        backup ??= body.some((l) => l.trim() !== '') ? 'after' : 'here';
        continue;
      }
      if (rules.dotPauses && DOTS.test(line)) {
        pauses.push(body.length);
        continue;
      }
      if (rules.dropLine?.test(line)) {
        const slot = slots ? /^::([\w-]+)::/.exec(line) : null;
        if (slots && slot) for (const m of slotMarks(slots, slot[1], marks.inColumns)) marks.add(body.length, m);
        seen(line);
        continue;
      }
    }
    if (comment !== null && line === '' && i < raw.lines.length - 1) {
      comment.push('');
      continue;
    }
    // Remove comments from the line, possibly opening one that spans lines.
    let out = '';
    /** Where the text after the last comment taken on this line starts in `out`. */
    let afterComment = -1;
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
        afterComment = out.length;
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
    seen(afterComment >= 0 ? out.slice(afterComment) : out);
    if (lineHadComment && out.trim() === '') continue;
    pushBody(lineHadComment ? out.trimEnd() : out);
  }
  if (fence.inside) {
    report?.(fenceLine, 'unclosed-fence', 'code block is never closed: everything after it is shown as code');
  }
  if (last && !last.after) notes.push(last.text);
  const tidy = (lines: string[]) => collapseBlankLines(trimBlankLines(lines)).join('\n');
  const full = tidy(body);
  const steps: string[] = [];
  // Each step is the slide up to a pause: beyond MAX_STEPS, the rest is revealed at once,
  // so that a slide's steps take at most MAX_STEPS times its size.
  if (pauses.length >= MAX_STEPS) {
    report?.(raw.line, 'too-many-steps', `${pauses.length} pauses: the last ${pauses.length - MAX_STEPS + 1} are revealed together (at most ${MAX_STEPS} steps a slide)`);
  }
  const ends: number[] = [];
  for (const at of pauses.slice(0, MAX_STEPS - 1)) {
    const part = tidy(body.slice(0, at));
    if (part && part !== steps[steps.length - 1] && part !== full) {
      steps.push(part);
      ends.push(at);
    }
  }
  steps.push(full);
  ends.push(body.length);
  const result: SlideParts = { body: full, steps, notes: notes.join('\n\n'), noteCount: notes.length };
  if (section !== undefined) result.section = section;
  if (marks.any) result.layout = ends.map((at) => marks.blocks(body, at, tidy));
  if (middle) result.middle = true;
  if (backup !== undefined) result.backup = backup;
  return result;
}

