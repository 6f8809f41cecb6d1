/**
 * The handout as one CommonMark document: title block, contents, a `##`
 * heading per section, a heading per slide with its Markdown under it and
 * its notes as a block quote. Slide Markdown is kept as written, as the
 * outline has made it fit to sit next to other slides (see containedMarkdown
 * and liftHeading).
 */
import type { Token } from 'marked';
import { plainInline } from '../../deck/titles.js';
import type { Deck } from '../../deck/types.js';
import { containedMarkdown, makeHandout, oneLine, titleLines, type HandoutSlide } from './outline.js';
import { lex } from './references.js';

/** Plain text as inline Markdown (in a heading, a link text or emphasis): the punctuation that would act, escaped. */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>~|]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/(\s)(#+)$/, '$1\\$2');
}

/** One line of inline Markdown as a paragraph that cannot start another block (list, heading, quote…). */
function paragraph(markdown: string): string {
  const text = oneLine(markdown)
    .replace(/^([-+=*#>|]|`{3}|~{3})/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
  return containedMarkdown(text);
}

/** Markdown as a block quote, every line quoted (blank ones too) so it stays one quote. */
function quote(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

function notesQuote(notes: string): string {
  return quote(`**Notes**\n\n${notes}`);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export class Slugger {
  private seen = new Map<string, number>();

  slug(text: string): string {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let slug = base;
    while (this.seen.has(slug)) {
      const n = this.seen.get(base)! + 1;
      this.seen.set(base, n);
      slug = `${base}-${n}`;
    }
    this.seen.set(slug, 0);
    return slug;
  }
}

/** Every heading of a Markdown document, in order, nested ones (quotes, lists) included. */
function headings(tokens: Token[], out: { depth: number; text: string; top: boolean }[] = [], top = true) {
  for (const t of tokens) {
    if (t.type === 'heading') out.push({ depth: t.depth as number, text: plainInline(t.text as string), top });
    const children = [...((t as { tokens?: Token[] }).tokens ?? []), ...((t as { items?: Token[] }).items ?? [])];
    if (children.length && t.type !== 'heading') headings(children, out, false);
  }
  return out;
}

/**
 * The headings of a document made of `chunks` (joined by blank lines). When
 * marked gives up on the whole, each chunk is read alone, and one it cannot
 * read counts for the heading on its first line.
 */
function documentHeadings(chunks: string[]): { depth: number; text: string; top: boolean }[] {
  try {
    return headings(lex(chunks.join('\n\n')));
  } catch {
    const out: { depth: number; text: string; top: boolean }[] = [];
    for (const chunk of chunks) {
      try {
        headings(lex(chunk), out);
      } catch {
        const m = /^(#{1,6}) (.*)$/.exec(chunk.split('\n', 1)[0]);
        if (m) out.push({ depth: m[1].length, text: plainInline(m[2]), top: true });
      }
    }
    return out;
  }
}

function slideMarkdown(s: HandoutSlide, level: number): string {
  const hashes = '#'.repeat(level);
  const heading = s.heading !== undefined ? `${hashes} ${s.mark}. ${s.heading}` : `${hashes} Slide ${s.mark}`;
  const out = [heading];
  if (s.body) out.push(s.body);
  if (s.notes) out.push(notesQuote(s.notes));
  return out.join('\n\n');
}

/** The deck as a CommonMark handout. */
export function exportMarkdown(deck: Deck): string {
  const h = makeHandout(deck);
  const { title, subtitle, byline } = titleLines(h.meta);
  const banner = h.meta.classification ? `**${escapeMarkdown(h.meta.classification)}**` : undefined;

  const head: string[] = [];
  if (banner) head.push(banner);
  if (title) head.push(containedMarkdown(`# ${oneLine(title)}`));
  if (subtitle) head.push(paragraph(subtitle));
  if (byline) head.push(paragraph(byline));
  if (h.cover?.notes) head.push(notesQuote(h.cover.notes));

  const body: string[] = [];
  for (const part of h.parts) {
    if (part.title) body.push(`## ${escapeMarkdown(part.title)}`);
    for (const s of part.slides) body.push(slideMarkdown(s, h.slideLevel));
  }
  const bodyText = body.join('\n\n');

  // Anchors as GitHub makes them, counting every heading before each one.
  const slugger = new Slugger();
  for (const x of documentHeadings(head)) slugger.slug(x.text);
  slugger.slug('Contents');
  const own = documentHeadings(body)
    .map((x) => ({ ...x, slug: slugger.slug(x.text) }))
    .filter((x) => x.top && x.depth <= h.slideLevel)
    .map((x) => x.slug);
  const anchors = new Map<object, string>();
  let k = 0;
  for (const part of h.parts) {
    if (part.title) anchors.set(part, own[k++] ?? '');
    for (const s of part.slides) anchors.set(s, own[k++] ?? '');
  }
  const link = (text: string, key: object) => `[${escapeMarkdown(text)}](#${anchors.get(key)})`;

  const toc: string[] = [];
  for (const part of h.parts) {
    const indent = part.title ? '  ' : '';
    if (part.title) toc.push(`- ${link(part.title, part)}`);
    for (const s of part.slides) toc.push(`${indent}- ${link(s.label, s)}`);
  }

  const doc = [...head];
  if (toc.length) doc.push('## Contents', toc.join('\n'));
  if (bodyText) doc.push(bodyText);
  if (banner) doc.push(banner);
  return doc.join('\n\n') + '\n';
}
