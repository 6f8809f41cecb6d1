import { cleanText, naturalCompare, neutraliseControls } from './clean.js';
import { deckRules, detectDialect, fileRules, type Dialect } from './dialect.js';
import { splitFrontMatter, stringField } from './frontmatter.js';
import { extractParts, firstHeading, firstTextLine, plainInline, splitSlides, type Report } from './split.js';
import {
  DeckError,
  type Deck,
  type DeckMeta,
  type Diagnostic,
  type Section,
  type Slide,
  type SourceFile,
} from './types.js';

export { DeckError } from './types.js';
export type { Deck, DeckMeta, Diagnostic, Dialect, Section, Slide, SourceFile } from './types.js';
export { DIALECTS, isDialect } from './dialect.js';

export interface ParseOptions {
  /** A folder deck: each file is a section. */
  folder?: boolean;
  /** false: show whole slides, ignoring pauses. */
  pauses?: boolean;
  /** Read the deck as written for this presenter instead of recognising it. */
  dialect?: Dialect;
}

const META_KEYS = ['title', 'subtitle', 'author', 'date', 'classification'] as const;

/** Parse one Markdown file as a deck. */
export function parseDeck(text: string, path = 'deck.md'): Deck {
  return parseFiles([{ path, text }]);
}

/** Order a folder's Markdown file names naturally (`2-x.md` before `10-x.md`). */
export function sortDeckFiles<T extends { path: string }>(files: T[]): T[] {
  return [...files].sort((a, b) => naturalCompare(a.path, b.path));
}

/**
 * Build a deck from its files, in the order given. With `folder`, every file
 * is a section named by its front matter `section:`, else its first `#`
 * heading, else its file name; the first file's front matter is the deck's.
 * Without it, a slide whose first heading is level 1 opens a section.
 */
export function parseFiles(files: SourceFile[], options: ParseOptions = {}): Deck {
  // Paths are shown (section names, --json, messages): never let one carry a control sequence.
  files = files.map((f) => ({ ...f, path: neutraliseControls(f.path) }));
  const folder = options.folder ?? files.length > 1;
  const slides: Slide[] = [];
  const sections: Section[] = [];
  const diagnostics: Diagnostic[] = [];
  let meta: DeckMeta = {};

  const openSection = (title: string) => {
    const last = sections[sections.length - 1];
    if (last && last.last < last.first) {
      last.title = title; // nothing in it yet: rename instead of leaving it empty
      return;
    }
    sections.push({ title, first: slides.length, last: slides.length - 1 });
  };
  /** A title slide alone in an untitled section joins the first named one. */
  const startSection = (title: string, planned?: number) => {
    const onlyTitle = slides.length === 1 && slides[0].kind === 'title' && sections[0].title === '';
    if (onlyTitle) sections[0].title = title;
    else openSection(title);
    const s = sections[sections.length - 1];
    if (planned !== undefined) s.minutes = planned;
    else delete s.minutes;
  };
  const addSlide = (s: Omit<Slide, 'index' | 'section'>) => {
    if (!sections.length) openSection('');
    const section = sections.length - 1;
    slides.push({ ...s, index: slides.length, section });
    sections[section].last = slides.length - 1;
  };

  const read = files.map((file) => ({ file, fm: splitFrontMatter(cleanText(file.text), file.path) }));
  const dialect = options.dialect ?? detectDialect(read.map((r) => ({ data: r.fm.data, body: r.fm.body })), { folder });
  const deckFm = read.length ? read[0].fm.data : {};
  const deckWide = deckRules(dialect, deckFm);

  read.forEach(({ file, fm }, fileIndex) => {
    let body = fm.body;
    if (fileIndex === 0) {
      meta = metaFrom(fm.data);
      if (dialect === 'patat') {
        const block = pandocTitleBlock(body);
        if (block) {
          body = block.body;
          for (const key of ['title', 'author', 'date'] as const) if (block[key] && !meta[key]) meta[key] = block[key];
        }
      }
    }
    const rules = fileRules(dialect, fm.data, body, deckWide, deckFm);
    if (rules.titleHeading) {
      // lookatme: a lone top-level heading is the deck's title, not part of a slide.
      const lines = body.split('\n');
      const at = rules.titleHeading.index;
      const setext = !/^ {0,3}#/.test(lines[at]);
      lines[at] = '';
      if (setext && at + 1 < lines.length) lines[at + 1] = '';
      body = lines.join('\n');
      if (fileIndex === 0 && !meta.title && rules.titleHeading.text) meta.title = rules.titleHeading.text;
    }
    if (fileIndex === 0 && meta.title && rules.titleSlide) {
      openSection('');
      addSlide({
        title: plainInline(meta.title),
        body: titleSlideMarkdown(meta),
        steps: [titleSlideMarkdown(meta)],
        notes: '',
        noteCount: 0,
        kind: 'title',
        source: { path: file.path, line: 1 },
      });
    }
    const report: Report = (line, code, message) => diagnostics.push({ path: file.path, line, code, message });
    const parts = splitSlides(body, fm.bodyLine, rules.split)
      .filter((raw) => !(raw.data && (raw.data.hide === true || raw.data.disabled === true)))
      .map((raw) => ({ raw, ...extractParts(raw, rules.parts, report) }));
    if (folder) {
      const firstH1 = parts.map((p) => firstHeading(p.body)).find((h) => h && h.level === 1);
      const name = stringField(fm.data, 'section') ?? firstH1?.text ?? nameFromPath(file.path);
      const hasContent = parts.some((p) => p.body || p.notes);
      // A file's duration: plans its section; in the first file with the deck's title, the deck.
      const deckFile = fileIndex === 0 && stringField(fm.data, 'title') !== undefined;
      if (hasContent) startSection(name, deckFile ? undefined : minutes(fm.data.duration));
    }
    let pendingSection: string | undefined;
    for (const p of parts) {
      if (p.section !== undefined) pendingSection = p.section;
      if (!p.body && !p.notes) continue;
      const heading = firstHeading(p.body);
      const name = pendingSection ?? (!folder && heading?.level === 1 ? heading.text : undefined);
      if (name !== undefined) {
        // <!-- section: Name, 5 min --> plans the section.
        const planned = pendingSection !== undefined ? plannedSection(name) : null;
        if (planned) startSection(planned.name, planned.minutes);
        else startSection(name);
      }
      pendingSection = undefined;
      const ownTitle = p.raw.data ? stringField(p.raw.data, 'title') : undefined;
      addSlide({
        title: ownTitle ? plainInline(ownTitle) : heading?.text || firstTextLine(p.body),
        body: p.body,
        steps: options.pauses === false ? [p.body] : p.steps,
        notes: p.notes,
        noteCount: p.noteCount,
        kind: 'content',
        source: { path: file.path, line: p.raw.line + leadingBlankLines(p.raw.lines) },
      });
    }
  });

  if (!slides.length) {
    const path = files.length === 1 ? files[0].path : undefined;
    const empty = files.every((f) => f.text.trim() === '');
    throw new DeckError(empty ? 'the deck is empty' : 'no slides found (only separators, front matter or comments)', path);
  }
  return { meta, sections, slides, dialect, diagnostics };
}

/** Deck meta from front matter, with presenterm's `sub_title` and `authors` spellings. */
function metaFrom(data: Record<string, unknown>): DeckMeta {
  const meta: DeckMeta = {};
  for (const key of META_KEYS) {
    const v = stringField(data, key);
    if (v !== undefined) meta[key] = v;
  }
  if (meta.subtitle === undefined) {
    const sub = stringField(data, 'sub_title');
    if (sub !== undefined) meta.subtitle = sub;
  }
  const duration = minutes(data.duration);
  if (duration !== undefined) meta.duration = duration;
  if (meta.author === undefined && Array.isArray(data.authors)) {
    const names = data.authors.map((a) => stringField({ a }, 'a')).filter((a): a is string => a !== undefined);
    if (names.length) meta.author = names.join(', ');
  }
  return meta;
}

/** Planned minutes: `10`, `7.5` or `"10 min"`; undefined when absent or not a positive number. */
function minutes(v: unknown): number | undefined {
  let n = typeof v === 'number' ? v : NaN;
  if (typeof v === 'string') n = Number(/^\s*(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes)?\s*$/i.exec(v)?.[1] ?? NaN);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Pandoc's title block (`% Title`, `% Author`, `% Date` at the very top), as patat reads it. */
function pandocTitleBlock(body: string): { body: string; title?: string; author?: string; date?: string } | null {
  const lines = body.split('\n');
  let n = 0;
  while (n < lines.length && n < 3 && /^%([ \t]|$)/.test(lines[n])) n++;
  if (!n) return null;
  const field = (i: number) => (i < n ? lines[i].replace(/^%[ \t]*/, '').trim() || undefined : undefined);
  const out = { title: field(0), author: field(1), date: field(2) };
  for (let i = 0; i < n; i++) lines[i] = '';
  return { body: lines.join('\n'), ...out };
}

function leadingBlankLines(lines: string[]): number {
  let n = 0;
  while (n < lines.length && lines[n].trim() === '') n++;
  return n;
}

/** "03-military-ties.md" → "Military ties". */
export function nameFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const stem = base.replace(/\.(md|markdown)$/i, '').replace(/^[\d\s._-]+/, '');
  const words = stem.replace(/[-_]+/g, ' ').trim();
  if (!words) return base;
  return words[0].toUpperCase() + words.slice(1);
}

/** Markdown for the title slide made from front matter. */
export function titleSlideMarkdown(meta: DeckMeta): string {
  const parts = [`# ${meta.title}`];
  if (meta.subtitle) parts.push(`## ${meta.subtitle}`);
  const byline = [meta.author, meta.date].filter(Boolean).join(' · ');
  if (byline) parts.push(byline);
  return parts.join('\n\n');
}

/** `Name, 5 min`: the section's name and planned minutes (the time follows the last comma). */
function plannedSection(text: string): { name: string; minutes: number | undefined } | null {
  const comma = text.lastIndexOf(',');
  if (comma < 0) return null;
  const time = /^\s*(\d+(?:\.\d+)?\s*(?:m|min|mins|minutes))\s*$/i.exec(text.slice(comma + 1));
  return time ? { name: text.slice(0, comma).trimEnd(), minutes: minutes(time[1]) } : null;
}
