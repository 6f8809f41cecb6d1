/**
 * What every handout format shares: the deck as a document outline (title
 * block, parts by section, slides with a heading of their own) and the slide
 * Markdown reshaped for it (leading heading lifted out, other headings demoted
 * below the slide heading). Pure: no I/O.
 */
import type { Token, Tokens, TokensList } from 'marked';
import { titleSlideMarkdown } from '../../deck/parse.js';
import { FenceTracker } from '../../deck/lines.js';
import { plainInline } from '../../deck/titles.js';
import { mainCount, slideLabel } from '../../deck/backup.js';
import type { Deck, DeckMeta, Slide } from '../../deck/types.js';
import { minOf } from '../lines.js';
import { limitNesting } from '../nesting.js';
import { lex, referenceMark, scopeReferences } from './references.js';

/** `pdf` is the HTML handout without contents, printed by a browser (src/cli/pdf.ts). */
export type ExportFormat = 'md' | 'txt' | 'html' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'txt', 'html', 'pdf'];

export interface HandoutSlide {
  slide: Slide;
  /** 1-based position in the deck (backup slides included): for links within the handout. */
  number: number;
  /** The number as the presenter shows it: "3", or "B1" for the first backup slide. */
  mark: string;
  /** Inline Markdown of the heading the slide opens with, lifted into the handout's slide heading. */
  heading?: string;
  /** The handout's slide heading as plain text: "2. Agenda", or "Slide 5" for a slide that opens without one. */
  headingText: string;
  /** Plain text for the table of contents: "2. Agenda" (the slide's title when it has one). */
  label: string;
  /** The slide's Markdown without its leading heading; other headings sit below the slide heading. */
  body: string;
  /** The notes' Markdown, headings likewise below the slide heading ('' when none). */
  notes: string;
}

export interface HandoutPart {
  /** Index into Deck.sections. */
  section: number;
  /** '' for the untitled first section: no heading of its own. */
  title: string;
  slides: HandoutSlide[];
}

export interface Handout {
  meta: DeckMeta;
  /** Plain text naming the document (the deck title, else the first section or slide title). */
  title: string;
  /** The title slide made from front matter: the title block stands for it. */
  cover?: { slide: Slide; notes: string };
  parts: HandoutPart[];
  /** Heading level of the slides: 3 under section headings (2), or 2 when no section has a title. */
  slideLevel: number;
  slideCount: number;
}

export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/** An ATX heading at `depth` with the same text and trailing line breaks as `t`. */
function atxHeading(t: Tokens.Heading, depth: number): string {
  const trail = /\n*$/.exec(t.raw)![0];
  // A text ending in " #" would lose that # as a closing sequence: escape it.
  const text = oneLine(t.text).replace(/(\s)(#+)$/, '$1\\$2');
  return '#'.repeat(depth) + (text ? ' ' + text : '') + trail;
}

/**
 * Markdown of `tokens` (their source, as written) with top-level headings
 * moved down so the highest is at least `minLevel`; deeper ones keep their
 * distance, up to level 6.
 */
function demoted(tokens: Token[], minLevel: number): string {
  const depths = tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((t) => t.depth);
  const shift = depths.length ? Math.max(0, minLevel - minOf(depths)) : 0;
  return tokens
    .map((t) => (t.type === 'heading' && shift ? atxHeading(t as Tokens.Heading, Math.min(6, t.depth + shift)) : t.raw))
    .join('')
    .trim();
}

/**
 * The top-level tokens of Markdown whose sources add up to it, or null when
 * they do not or marked cannot read it (then the Markdown is used as it is:
 * reshaping must never lose text).
 */
function faithfulTokens(markdown: string): TokensList | null {
  let tokens: TokensList;
  try {
    tokens = lex(markdown);
  } catch {
    // marked gives up on some input (its recursion overflows on thousands of `*` in a row).
    return null;
  }
  return tokens.map((t) => t.raw).join('') === markdown ? tokens : null;
}

/** Notes (or any Markdown) with headings below `minLevel - 1`. */
export function demoteMarkdown(markdown: string, minLevel: number): string {
  if (!markdown.trim()) return '';
  const tokens = faithfulTokens(markdown);
  return tokens ? demoted(tokens, minLevel) : markdown.trim();
}

/** Split a slide body into the heading it opens with (inline Markdown) and the rest, demoted. */
export function liftHeading(body: string, minLevel: number): { heading?: string; rest: string } {
  const tokens = faithfulTokens(body);
  if (!tokens) {
    // Markdown marked cannot read: an ATX heading on the first line is lifted all the same.
    const m = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)/.exec(body.replace(/^(?:[ \t]*\n)+/, ''));
    const heading = m ? oneLine(m[2]) : '';
    if (m && heading) return { heading, rest: body.replace(/^(?:[ \t]*\n)+/, '').slice(m[0].length).trim() };
    return { rest: body.trim() };
  }
  const first = tokens.find((t) => t.type !== 'space');
  if (first && first.type === 'heading' && oneLine((first as Tokens.Heading).text)) {
    const rest = tokens.slice(tokens.indexOf(first) + 1);
    return { heading: oneLine((first as Tokens.Heading).text), rest: demoted(rest, minLevel) };
  }
  return { rest: demoted(tokens, minLevel) };
}

// HTML blocks that run until an end marker rather than a blank line (CommonMark types 1-5).
const RAW_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * Slide Markdown that ends where it ends: an unclosed code fence is closed,
 * `<!--` outside code is shown as text (the deck's own comments are gone by
 * now; a leftover one would hide the rest of the document), and a raw HTML
 * block with no end marker is shown as text.
 */
export function containedMarkdown(markdown: string): string {
  const lines = markdown.split('\n');
  // The last line where each end marker occurs (no marker spans lines): a block
  // opened before it ends. Looked up, not searched for on every line.
  const lastClose = RAW_BLOCKS.map(([, close]) => {
    for (let i = lines.length - 1; i >= 0; i--) if (close.test(lines[i])) return i;
    return -1;
  });
  const fence = new FenceTracker();
  let opener = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const wasInside = fence.inside;
    if (fence.step(line)) {
      if (!wasInside) opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)![1];
      continue;
    }
    let out = line;
    RAW_BLOCKS.forEach(([open, close], k) => {
      const m = open.exec(out);
      if (m && !close.test(out.slice(m[0].length)) && lastClose[k] <= i) out = out.replace('<', '&lt;');
    });
    lines[i] = out.replace(/<!--/g, (c, at: number) => (inCodeSpan(out, at) ? c : '&lt;!--'));
  }
  if (fence.inside) lines.push(opener);
  return lines.join('\n');
}

function inCodeSpan(line: string, at: number): boolean {
  const ticks = line.slice(0, at).match(/`+/g);
  return ticks !== null && ticks.length % 2 === 1;
}

/** The title block's lines, plain: title, subtitle, then "author · date". */
export function titleLines(meta: DeckMeta): { title?: string; subtitle?: string; byline?: string } {
  const byline = [meta.author, meta.date].filter(Boolean).join(' · ');
  return { title: meta.title, subtitle: meta.subtitle, byline: byline || undefined };
}

/**
 * The deck as a handout outline. Every slide is in it once, in order; the
 * backup slides last, in one part headed "Backup", numbered B1, B2….
 */
export function makeHandout(deck: Deck): Handout {
  const first = deck.slides[0];
  const isCover = first?.kind === 'title' && first.body.trim() === titleSlideMarkdown(deck.meta).trim();
  const main = mainCount(deck);
  const slideLevel = deck.sections.some((s) => s.title) || main < deck.slides.length ? 3 : 2;
  const meta = Object.values(deck.meta).filter((v): v is string => typeof v === 'string');
  const mark = referenceMark([...deck.slides.flatMap((s) => [s.body, s.notes]), ...meta]);
  const parts: HandoutPart[] = [];
  deck.sections.forEach((section, i) => {
    if (section.first >= main) return;
    const slides: HandoutSlide[] = [];
    for (let n = section.first; n <= section.last; n++) {
      if (n === 0 && isCover) continue;
      slides.push(handoutSlide(deck.slides[n], slideLevel, mark, main));
    }
    if (slides.length) parts.push({ section: i, title: section.title, slides });
  });
  if (main < deck.slides.length) {
    const slides = deck.slides.slice(main).map((s) => handoutSlide(s, slideLevel, mark, main));
    parts.push({ section: deck.slides[main].section, title: 'Backup', slides });
  }
  const title =
    (deck.meta.title && plainInline(deck.meta.title)) ||
    deck.sections.find((s) => s.title)?.title ||
    deck.slides.find((s) => s.title)?.title ||
    'Handout';
  const handout: Handout = { meta: deck.meta, title, parts, slideLevel, slideCount: deck.slides.length };
  if (isCover) {
    handout.cover = { slide: first, notes: demoteMarkdown(slideMarkdown(first.notes, `${mark}1-notes`), slideLevel + 1) };
  }
  return handout;
}

/**
 * Slide Markdown as the handout takes it: nesting no deeper than the presenter
 * draws it (thousands of nested quotes or list levels would take marked
 * minutes and gigabytes), ending where it ends (containedMarkdown), its links
 * leading where they lead in the slide alone (scopeReferences, definitions
 * labelled `tag`).
 */
function slideMarkdown(markdown: string, tag: string): string {
  return scopeReferences(containedMarkdown(limitNesting(markdown)), tag);
}

function handoutSlide(slide: Slide, slideLevel: number, mark: string, main: number): HandoutSlide {
  const number = slide.index + 1;
  const shown = slideLabel(slide.index, main);
  const { heading, rest } = liftHeading(slideMarkdown(slide.body, `${mark}${number}`), slideLevel + 1);
  const hs: HandoutSlide = {
    slide,
    number,
    mark: shown,
    headingText: heading !== undefined ? `${shown}. ${plainInline(heading)}` : `Slide ${shown}`,
    label: slide.title ? `${shown}. ${slide.title}` : `Slide ${shown}`,
    body: rest,
    notes: demoteMarkdown(slideMarkdown(slide.notes, `${mark}${number}-notes`), slideLevel + 1),
  };
  if (heading !== undefined) hs.heading = heading;
  return hs;
}
