/**
 * Plain-text titles for menus, the slide index and handouts: the first
 * heading of a slide, else its first line of text, without inline Markdown.
 */
import { get as emoji } from 'node-emoji';
import { FenceTracker, headingAt, RULE, type Heading } from './lines.js';

/** The first heading (ATX or setext) outside code, as plain text. */
export function firstHeading(body: string): Heading | null {
  return firstHeadings(body)[0] ?? null;
}

/**
 * The first heading outside code, and the heading directly under it (only
 * blank lines between), if any: `# Section` then `## Title`. Plain text.
 */
export function firstHeadings(body: string): [Heading?, Heading?] {
  const lines = body.split('\n');
  const fence = new FenceTracker();
  for (let i = 0; i < lines.length; i++) {
    if (fence.step(lines[i])) continue;
    const h = headingAt(lines, i);
    if (!h) continue;
    let j = i + h.lines;
    while (j < lines.length && lines[j].trim() === '') j++;
    const under = j < lines.length ? headingAt(lines, j) : null;
    const plain = (x: Heading) => ({ level: x.level, text: plainInline(x.text) });
    return under ? [plain(h), plain(under)] : [plain(h)];
  }
  return [];
}

/** GitHub-style shortcodes (`:+1:`, `:tada:`) as their emoji; an unknown one stays as written. */
const SHORTCODE = /:([a-z0-9_+-]+):/g;
const fromShortcode = (code: string, name: string): string => emoji(name) ?? code;

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
    .replace(SHORTCODE, fromShortcode)
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
