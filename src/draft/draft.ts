/**
 * `brief-present draft`: an article into a draft folder deck. A title slide
 * with the article's title (and its author and date when it states them), one
 * section per part of the article (segment.ts), each slide carrying the
 * section's leading sentences as bullets and its paragraphs, as written, in the
 * speaker notes, and a last section citing the source. Every word on a slide
 * comes from the article, apart from the labels in `SCAFFOLD_LABELS` and the
 * source's file name. Pure.
 */
import { readSource, type Block, type Source } from './source.js';
import { keyPhrases, segment, sentences } from './segment.js';
import type { DeckFile } from './starter.js';

/** The only words a draft adds to the article's own (besides its file name). */
export const SCAFFOLD_LABELS = ['Source', 'File', 'Title', 'Author', 'Date'] as const;

/** Paragraphs per slide: a longer section gets more slides. */
export const PARAGRAPHS_PER_SLIDE = 4;
/** Bullets taken from a one-paragraph slide. */
export const LEAD_SENTENCES = 3;

/** Text from plain text or a web page, safe in Markdown: what marks up is escaped, the words stay. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-]|\d+[.)])(?=\s|$)/, (_, sp: string, m: string) => `${sp}${m.replace(/([#+=\-.)])/, '\\$1')}`);
}

/** A block's text as it goes into the deck. */
function asMarkdown(source: Source, b: Block): string {
  const t = source.kind === 'markdown' && b.kind === 'para' ? b.text : escapeMarkdown(b.text);
  // A comment's end would close the notes early: its `>` escaped (shown the same).
  return t.replace(/--(?=>)/g, '--\\');
}

/** One line of inline text: headings and front matter values. */
function inline(source: Source, text: string): string {
  return asMarkdown(source, { kind: 'para', text: text.replace(/\s+/g, ' ').trim() });
}

/** A list item from a paragraph's sentence (a Markdown list item keeps its text, not its marker). */
function bullet(source: Source, sentence: string): string {
  const s = source.kind === 'markdown' ? sentence.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/\s*\n\s*/g, ' ') : sentence;
  return `- ${source.kind === 'markdown' ? s : escapeMarkdown(s)}`;
}

/** Prose paragraphs (not code, tables or quotes) give the bullets. */
function prose(b: Block): boolean {
  return b.kind === 'para' && !/^\s*(```|~~~|\||>|    )/.test(b.text);
}

const LIST_ITEM = /^ {0,3}(?:[-*+]|\d+[.)])\s+/;

/** A paragraph's sentences in order; a Markdown list's items. */
function leadsOf(source: Source, b: Block): string[] {
  const lines = b.text.split('\n');
  if (source.kind === 'markdown' && LIST_ITEM.test(lines[0])) {
    const items: string[] = [];
    for (const line of lines) {
      if (LIST_ITEM.test(line)) items.push(line.replace(LIST_ITEM, '').trim());
      else if (items.length && /^\s/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
    }
    return items;
  }
  return sentences(b.text.replace(/\s*\n\s*/g, ' '));
}

function slideMarkdown(source: Source, title: string, paras: Block[]): string {
  const leads = paras.filter(prose);
  const bullets =
    leads.length === 1
      ? leadsOf(source, leads[0]).slice(0, LEAD_SENTENCES)
      : leads.map((p) => leadsOf(source, p)[0]).filter((s): s is string => !!s);
  const notes = paras.map((p) => (p.kind === 'heading' ? inline(source, p.text) : asMarkdown(source, p))).join('\n\n');
  return [`## ${inline(source, title)}`, '', ...bullets.map((s) => bullet(source, s)), '', `<!-- notes:\n${notes}\n-->`, ''].join('\n');
}

/** A YAML string: JSON's double-quoted form is one. */
const yaml = (s: string) => JSON.stringify(s.replace(/\s+/g, ' ').trim());

function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'section';
}

export interface Draft {
  files: DeckFile[];
  /** Section names, in order (the source section last). */
  sections: string[];
}

/**
 * The draft deck of an article; `name` is its path as given (its file name is
 * cited on the slide and says what kind of text it is; the path goes in the
 * citation's notes).
 */
export function draftDeck(text: string, name: string): Draft {
  const source = readSource(text, name);
  const parts = segment(source.blocks);
  if (!parts.length) throw new Error('no article text found');
  const base = name.split(/[\\/]/).pop() ?? name;
  const title = source.title ?? base;
  const width = String(parts.length + 1).length;
  const num = (i: number) => String(i).padStart(Math.max(2, width), '0');
  const phrases = keyPhrases(parts);
  const names = parts.map((s, i) => s.heading ?? phrases[i]);
  const files: DeckFile[] = [];

  const front = [`title: ${yaml(inline(source, title))}`];
  if (source.author) front.push(`author: ${yaml(inline(source, source.author))}`);
  if (source.date) front.push(`date: ${yaml(inline(source, source.date))}`);
  parts.forEach((section, i) => {
    const head = i === 0 ? [...front] : [];
    head.push(`section: ${yaml(inline(source, names[i]))}`);
    const slides: string[] = [];
    for (let p = 0; p < section.paragraphs.length; p += PARAGRAPHS_PER_SLIDE) {
      slides.push(slideMarkdown(source, names[i], section.paragraphs.slice(p, p + PARAGRAPHS_PER_SLIDE)));
    }
    files.push({ name: `${num(i + 1)}-${slug(names[i])}.md`, text: `---\n${head.join('\n')}\n---\n\n${slides.join('\n---\n\n')}` });
  });

  const cite = [`- File: ${escapeMarkdown(base)}`, `- Title: ${inline(source, title)}`];
  if (source.author) cite.push(`- Author: ${inline(source, source.author)}`);
  if (source.date) cite.push(`- Date: ${inline(source, source.date)}`);
  files.push({
    name: `${num(parts.length + 1)}-source.md`,
    text: `---\nsection: Source\n---\n\n## Source\n\n${cite.join('\n')}\n\n<!-- notes:\n${escapeMarkdown(name)}\n-->\n`,
  });
  return { files, sections: [...names, 'Source'] };
}
