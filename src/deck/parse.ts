/**
 * The whole pipeline for one deck: each file's text cleaned, its front matter
 * split off, the dialect recognised, slides cut, their parts extracted,
 * sections opened, the title slide made. Pure: files in, a Deck out.
 */
import { backupLast } from './backup.js';
import { cleanText, naturalCompare, neutraliseControls } from './clean.js';
import { deckRules, detectDialect, fileRules, type Dialect } from './dialects/index.js';
import { splitFrontMatter, stringField } from './frontmatter.js';
import { metaFrom, minutes, nameFromPath, plannedSection, titleSlideMarkdown } from './meta.js';
import { expandImports, type ImportReader, type Piece } from './imports.js';
import { extractParts } from './parts.js';
import { CENTRED_LAYOUTS } from './dialects/slidev.js';
import { atxHeading } from './lines.js';
import { keyLines, splitSlides, type RawSlide } from './slides.js';
import { firstHeading, firstHeadings, firstTextLine, plainInline } from './titles.js';
import {
  DeckError,
  type Deck,
  type DeckMeta,
  type Diagnostic,
  type Report,
  type Section,
  type Slide,
  type SourceFile,
} from './types.js';

export { DeckError } from './types.js';
export type { Deck, DeckMeta, Diagnostic, Dialect, Section, Slide, SourceFile } from './types.js';
export { DIALECTS, isDialect } from './dialects/index.js';
export { nameFromPath, titleSlideMarkdown } from './meta.js';
export type { ImportReader } from './imports.js';

export interface ParseOptions {
  /** A folder deck: each file is a section. */
  folder?: boolean;
  /** false: show whole slides, ignoring pauses. */
  pauses?: boolean;
  /** Read the deck as written for this presenter instead of recognising it. */
  dialect?: Dialect;
  /** Reads the files that Slidev `src:` imports name; without it they are reported as not read. */
  readImport?: ImportReader;
}

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
  /** The section just opened holds backup slides, or not. */
  const markSection = (backup: boolean) => {
    const s = sections[sections.length - 1];
    if (backup) s.backup = true;
    else delete s.backup;
  };
  /** After `<!-- backup -->`: every slide is a backup slide. */
  let backupOn = false;
  const addSlide = (s: Omit<Slide, 'index' | 'section'>) => {
    if (!sections.length) openSection('');
    const section = sections.length - 1;
    slides.push({ ...s, index: slides.length, section });
    sections[section].last = slides.length - 1;
  };

  const read = files.map((file) => ({ file, fm: splitFrontMatter(cleanText(file.text), file.path) }));
  const dialect = options.dialect ?? detectDialect(read.map((r) => ({ data: r.fm.data, body: r.fm.body, closedWithDots: r.fm.closedWithDots })), {
      folder,
    });
  const deckFm = read.length ? read[0].fm.data : {};
  const deck = deckRules(dialect, deckFm);
  const centreAll = deckFm.center === true || deckFm.centre === true;

  read.forEach(({ file, fm }, fileIndex) => {
    let body = fm.body;
    if (fileIndex === 0) meta = metaFrom(fm.data);
    const rules = fileRules(dialect, { body, deckFm, deck, first: fileIndex === 0 });
    if (rules.takeMeta) {
      const taken = rules.takeMeta(body);
      body = taken.body;
      if (fileIndex === 0) {
        for (const key of ['title', 'author', 'date'] as const) if (taken.meta[key] && !meta[key]) meta[key] = taken.meta[key];
      }
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
    const reportIn =
      (path: string): Report =>
      (line, code, message, severity) =>
        diagnostics.push({ path, line, code, message, ...(severity ? { severity } : {}) });
    const raws = splitSlides(body, fm.bodyLine, rules.split, reportIn(file.path));
    let pieces: Piece[];
    if (dialect === 'slidev') {
      const report = (path: string, ...rest: Parameters<Report>) => reportIn(path)(...rest);
      headmatterImport(raws, fm.data, cleanText(file.text));
      pieces = expandImports(raws, file.path, { read: options.readImport, split: rules.split, report });
    } else {
      pieces = raws.filter((raw) => !(raw.data?.hide === true || raw.data?.disabled === true)).map((raw) => ({ raw, path: file.path }));
    }
    const parts = pieces.map(({ raw, path }) => ({ raw, path, ...extractParts(raw, rules.parts, reportIn(path)) }));
    if (folder) {
      const firstH1 = parts.map((p) => firstHeading(p.body)).find((h) => h && h.level === 1);
      const name = stringField(fm.data, 'section') ?? firstH1?.text ?? nameFromPath(file.path);
      const hasContent = parts.some((p) => p.body || p.notes);
      // A file's duration: plans its section; in the first file with the deck's title, the deck.
      const deckFile = fileIndex === 0 && stringField(fm.data, 'title') !== undefined;
      if (hasContent) {
        startSection(name, deckFile ? undefined : minutes(fm.data.duration));
        markSection(fm.data.backup === true);
      }
    }
    const fileBackup = folder && fm.data.backup === true;
    let pendingSection: string | undefined;
    for (const p of parts) {
      if (p.section !== undefined) pendingSection = p.section;
      if (p.backup === 'here') backupOn = true;
      if (!p.body && !p.notes) {
        if (p.backup) backupOn = true;
        continue;
      }
      const backup = fileBackup || backupOn;
      const [heading, next] = firstHeadings(p.body);
      const name = pendingSection ?? (!folder && heading?.level === 1 ? heading.text : undefined);
      // `# Section` then `## Title`: the `#` heading names the section, the `##` one the slide.
      const current = sections[sections.length - 1];
      const namesSection =
        rules.titleUnderSection &&
        heading?.level === 1 &&
        (name === heading.text || (folder && current?.title === heading.text && current.first === slides.length));
      if (name !== undefined) {
        // <!-- section: Name, 5 min --> plans the section.
        const planned = pendingSection !== undefined ? plannedSection(name) : null;
        if (planned) startSection(planned.name, planned.minutes);
        else startSection(name);
        markSection(backup);
      } else if (backup && !sections[sections.length - 1]?.backup) {
        openSection('Backup');
        markSection(true);
      }
      pendingSection = undefined;
      const ownTitle = p.raw.data ? stringField(p.raw.data, 'title') : undefined;
      const layout = p.layout && (options.pauses === false ? [p.layout[p.layout.length - 1]] : p.layout);
      const centre = centred(p.raw.data, centreAll, p.middle === true || ((name !== undefined || namesSection) && onlyHeadings(p.body)));
      addSlide({
        title: ownTitle ? plainInline(ownTitle) : (namesSection && next && next.level > 1 ? next.text : heading?.text) || firstTextLine(p.body),
        body: p.body,
        steps: options.pauses === false ? [p.body] : p.steps,
        notes: p.notes,
        noteCount: p.noteCount,
        kind: 'content',
        ...(centre ? { center: true } : {}),
        ...(layout ? { layout } : {}),
        ...(backup ? { backup: true as const } : {}),
        source: { path: p.path, line: p.raw.line + leadingBlankLines(p.raw.lines) },
      });
      if (p.backup) backupOn = true;
    }
  });

  if (!slides.length) {
    const path = files.length === 1 ? files[0].path : undefined;
    const empty = files.every((f) => f.text.trim() === '');
    throw new DeckError(empty ? 'the deck is empty' : 'no slides found (only separators, front matter or comments)', path);
  }
  return { meta, ...backupLast(slides, sections), dialect, diagnostics };
}

/** Slidev: the deck's own front matter is its first slide's too, so a `src:` there imports in its place. */
function headmatterImport(raws: RawSlide[], data: Record<string, unknown>, text: string): void {
  if (typeof data.src !== 'string' || !raws.length) return;
  const lines = text.split('\n', 200);
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
  raws[0].data = { ...raws[0].data, src: data.src };
  raws[0].keyLines = { ...raws[0].keyLines, ...keyLines(lines, 1, end < 0 ? 1 : end, 1) };
}

/**
 * Is a slide centred on the screen: its own front matter's `center` (or a
 * Slidev layout that centres), else the deck's, else by what it is (a
 * section's opening slide of headings alone, `jump_to_middle`).
 */
function centred(data: Record<string, unknown> | undefined, deck: boolean, byContent: boolean): boolean {
  const own = data?.center ?? data?.centre;
  if (typeof own === 'boolean') return own;
  if (typeof data?.layout === 'string' && CENTRED_LAYOUTS.has(data.layout)) return true;
  return deck || byContent;
}

/** A body of headings alone (a section's title slide). */
function onlyHeadings(body: string): boolean {
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.length <= 4 && lines.every((l) => atxHeading(l) !== null);
}

function leadingBlankLines(lines: string[]): number {
  let n = 0;
  while (n < lines.length && lines[n].trim() === '') n++;
  return n;
}
