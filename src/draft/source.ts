/**
 * An article as `draft` reads it: its title, author and date when it states
 * them, and its text as headings and paragraphs, with the page furniture of a
 * saved web page left out (comment forms, share buttons, navigation, footers).
 * Plain text, Markdown or HTML (html.ts). Pure: text in, blocks out.
 */
import { cleanText } from '../deck/clean.js';
import { splitFrontMatter, stringField } from '../deck/frontmatter.js';
import { FenceTracker } from '../deck/lines.js';
import { htmlSource } from './html.js';

export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'para'; text: string; markdown?: boolean };

export interface Source {
  kind: 'text' | 'markdown' | 'html';
  title?: string;
  author?: string;
  date?: string;
  blocks: Block[];
}

/** Where the article ends and the page's comments or links begin: nothing from here on is kept. */
const END_OF_ARTICLE =
  /^(leave a (reply|comment)|post navigation|share this:?|like this:?|related( posts| articles| stories)?:?|comments|\d+ (comments?|responses?|replies)|\d+ thoughts on .*|you (might|may) also like:?|about the author|subscribe to .*)$/i;

/** Paragraphs that are page furniture wherever they stand. */
const FURNITURE: RegExp[] = [
  /^(name|e-?mail|website|url|comment)\s*\*?$/i,
  /^(post comment|submit comment|log ?in|log ?out|sign (in|up)|subscribe|reply|share|tweet|print|email this|menu|cancel reply|skip to (main )?content|search( for)?:?|loading\.\.\.|like loading\.\.\.|advertisements?|follow us|back to top)$/i,
  /fill in your details below or click an icon to log in/i,
  /you are commenting using your .{0,40}account/i,
  /^connecting to %s$/i,
  /^notify me of (new comments|follow-up comments|new posts)/i,
  /^save my name, email, and website/i,
  /^your email address will not be published/i,
  /^(click to (share|email|print)|share on (facebook|twitter|linkedin|whatsapp|reddit))\b/i,
  /^(previous|next) (post|article|story)\b/i,
  /^(copyright\b|\u00a9|all rights reserved)/i,
  /^(tags?|categories|filed under|posted in):/i,
];

export function isFurniture(text: string): boolean {
  const t = text.trim();
  return FURNITURE.some((re) => re.test(t));
}

/** Keep the article: stop at the comments, drop furniture, drop blocks with no letter or digit. */
export function articleBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const t = b.text.trim();
    if (END_OF_ARTICLE.test(t.replace(/\s+/g, ' '))) break;
    if (!/[\p{L}\p{N}]/u.test(t) || isFurniture(t)) continue;
    out.push({ ...b, text: t });
  }
  return out;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE = new RegExp(
  `^(?:(?:posted|published|updated|date)(?: on)?:?\\s+)?(` +
    `\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|` +
    `(?:(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4})|(?:\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}))$`,
  'i',
);
const BYLINE = /^(?:by|author:)\s+(\p{Lu}[\p{L}.'\u2019 -]{1,80})$/iu;

/** A byline or a date standing on its own near the top. */
function metaLine(text: string): { author?: string; date?: string } | null {
  const t = text.trim();
  const d = DATE.exec(t);
  if (d) return { date: d[1] };
  const b = BYLINE.exec(t);
  return b ? { author: b[1].trim() } : null;
}

/** Take a byline and a date from the first blocks after the title. */
function takeMeta(source: Source): void {
  let i = 0;
  while (i < Math.min(3, source.blocks.length)) {
    const b = source.blocks[i];
    const m = b.kind === 'para' ? metaLine(b.text) : null;
    if (!m) {
      i++;
      continue;
    }
    if (m.author && !source.author) source.author = m.author;
    if (m.date && !source.date) source.date = m.date;
    source.blocks.splice(i, 1);
  }
}

/** A line that reads as a heading in plain text: short, one line, no sentence end. */
function headingLike(text: string): boolean {
  const words = text.split(/\s+/).length;
  return !text.includes('\n') && words <= 12 && !/[.!?,;:\u2026]["\u201d\u2019)]?$/.test(text) && /^[\p{Lu}\p{N}]/u.test(text);
}

function plainSource(text: string): Source {
  const paras = text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/[ \t]+/g, ' ').trim())
    .filter((p) => p !== '');
  const source: Source = { kind: 'text', blocks: [] };
  const kept = articleBlocks(paras.map((p): Block => ({ kind: 'para', text: p })));
  if (kept.length > 1 && kept[0].kind === 'para' && headingLike(kept[0].text) && kept[0].text.split(/\s+/).length <= 20) {
    source.title = kept.shift()!.text;
  }
  source.blocks = kept;
  takeMeta(source);
  // Headings in plain text: short lines before a paragraph, when there are at least two.
  const heads = source.blocks.filter((b, i) => headingLike(b.text) && source.blocks[i + 1] && !headingLike(source.blocks[i + 1].text));
  if (heads.length >= 2) {
    source.blocks = source.blocks.map((b) => (heads.includes(b) ? { kind: 'heading', level: 2, text: b.text } : b));
  }
  return source;
}

function markdownSource(text: string, name: string): Source {
  const source: Source = { kind: 'markdown', blocks: [] };
  let body = text;
  try {
    const fm = splitFrontMatter(text, name);
    body = fm.body;
    source.title = stringField(fm.data, 'title');
    source.author = stringField(fm.data, 'author');
    source.date = stringField(fm.data, 'date');
  } catch {
    // Front matter that does not parse is read as text.
  }
  const blocks: Block[] = [];
  const fence = new FenceTracker();
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'para', text: para.join('\n'), markdown: true });
    para = [];
  };
  for (const line of body.split('\n')) {
    const wasInside = fence.inside;
    if (fence.step(line) || wasInside) {
      para.push(line);
      continue;
    }
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (h) {
      flush();
      blocks.push({ kind: 'heading', level: h[1].length, text: h[2].trim() });
    } else if (/^[ \t]*$/.test(line)) {
      flush();
    } else if (/^ {0,3}(=+|-+)[ \t]*$/.test(line) && para.length === 1 && !/^\s*[-*+]\s/.test(para[0])) {
      // A setext heading: the paragraph line above is its text.
      blocks.push({ kind: 'heading', level: line.trim()[0] === '=' ? 1 : 2, text: para[0].trim() });
      para = [];
    } else {
      para.push(line);
    }
  }
  flush();
  source.blocks = articleBlocks(blocks);
  // A level-1 heading before any text is the title; the rest are the article's headings.
  const first = source.blocks[0];
  if (first?.kind === 'heading' && source.blocks.filter((b) => b.kind === 'heading' && b.level <= first.level).length === 1) {
    source.blocks.shift();
    source.title ??= first.text;
  }
  takeMeta(source);
  return source;
}

/** What kind of text this is: by the file's extension, else by its first bytes. */
export function sourceKind(text: string, name: string): Source['kind'] {
  if (/\.(html?|xhtml)$/i.test(name)) return 'html';
  if (/\.(md|markdown|mdown|mkd)$/i.test(name)) return 'markdown';
  if (/^\s*(<!doctype html|<html[\s>])/i.test(text)) return 'html';
  return 'text';
}

/** Read an article: `name` is its file name (its extension says what it is). */
export function readSource(text: string, name: string): Source {
  const clean = cleanText(text);
  const kind = sourceKind(clean, name);
  if (kind === 'html') {
    const page = htmlSource(clean);
    const source: Source = { kind, title: page.title, author: page.author, date: page.date, blocks: articleBlocks(page.blocks) };
    if (source.blocks[0]?.kind === 'heading' && source.blocks[0].text === source.title) source.blocks.shift();
    takeMeta(source);
    return source;
  }
  return kind === 'markdown' ? markdownSource(clean, name) : plainSource(clean);
}
