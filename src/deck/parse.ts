import { cleanText, naturalCompare } from './clean.js';
import { splitFrontMatter, stringField } from './frontmatter.js';
import { extractParts, firstHeading, firstTextLine, plainInline, splitSlides } from './split.js';
import { DeckError, type Deck, type DeckMeta, type Section, type Slide, type SourceFile } from './types.js';

export { DeckError } from './types.js';
export type { Deck, DeckMeta, Section, Slide, SourceFile } from './types.js';

export interface ParseOptions {
  /** A folder deck: each file is a section. */
  folder?: boolean;
  /** false: show whole slides, ignoring pauses. */
  pauses?: boolean;
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
  const folder = options.folder ?? files.length > 1;
  const slides: Slide[] = [];
  const sections: Section[] = [];
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
  const startSection = (title: string) => {
    const onlyTitle = slides.length === 1 && slides[0].kind === 'title' && sections[0].title === '';
    if (onlyTitle) sections[0].title = title;
    else openSection(title);
  };
  const addSlide = (s: Omit<Slide, 'index' | 'section'>) => {
    if (!sections.length) openSection('');
    const section = sections.length - 1;
    slides.push({ ...s, index: slides.length, section });
    sections[section].last = slides.length - 1;
  };

  files.forEach((file, fileIndex) => {
    const text = cleanText(file.text);
    const fm = splitFrontMatter(text, file.path);
    if (fileIndex === 0) {
      meta = {};
      for (const key of META_KEYS) {
        const v = stringField(fm.data, key);
        if (v !== undefined) meta[key] = v;
      }
      if (meta.subtitle === undefined) {
        const sub = stringField(fm.data, 'sub_title');
        if (sub !== undefined) meta.subtitle = sub;
      }
      if (meta.title) {
        openSection('');
        addSlide({
          title: plainInline(meta.title),
          body: titleSlideMarkdown(meta),
          steps: [titleSlideMarkdown(meta)],
          notes: '',
          kind: 'title',
          source: { path: file.path, line: 1 },
        });
      }
    }
    const parts = splitSlides(fm.body, fm.bodyLine).map((raw) => ({ raw, ...extractParts(raw) }));
    if (folder) {
      const firstH1 = parts.map((p) => firstHeading(p.body)).find((h) => h && h.level === 1);
      const name = stringField(fm.data, 'section') ?? firstH1?.text ?? nameFromPath(file.path);
      const hasContent = parts.some((p) => p.body || p.notes);
      if (hasContent) startSection(name);
    }
    let pendingSection: string | undefined;
    for (const p of parts) {
      if (p.section !== undefined) pendingSection = p.section;
      if (!p.body && !p.notes) continue;
      const heading = firstHeading(p.body);
      const name = pendingSection ?? (!folder && heading?.level === 1 ? heading.text : undefined);
      if (name !== undefined) startSection(name);
      pendingSection = undefined;
      addSlide({
        title: heading?.text || firstTextLine(p.body),
        body: p.body,
        steps: options.pauses === false ? [p.body] : p.steps,
        notes: p.notes,
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
  return { meta, sections, slides };
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
