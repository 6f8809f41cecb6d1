/**
 * The Pandoc-based presenters: patat (jaspervdj/patat) and lookatme
 * (d0c-s4vage/lookatme). Rules split when a file has any; otherwise headings
 * do, at the slide level. patat: `. . .` pauses, a `% Title` block.
 */
import { scanHeadings, thematicBreaks, usesEndSlide, anyRuleSeparator, type HeadingLine } from '../lines.js';
import type { DeckMeta } from '../types.js';
import { isMapping } from '../frontmatter.js';
import type { FileRules, RulesContext } from './index.js';

/** Pandoc's (and patat's) slide level: the least heading level directly followed by content. */
export function pandocSlideLevel(headings: HeadingLine[]): number {
  let level = 6;
  for (const h of headings) if (h.followedByContent && h.level < level) level = h.level;
  return level;
}

/** How many slides splitting at headings the Pandoc way would make. */
export function headingSlideCount(body: string): number {
  const headings = scanHeadings(body);
  const level = pandocSlideLevel(headings);
  return headings.filter((h) => h.level <= level).length;
}

type TitleMeta = Pick<DeckMeta, 'title' | 'author' | 'date'>;

/** Pandoc's title block (`% Title`, `% Author`, `% Date` at the very top), as patat reads it. */
function pandocTitleBlock(body: string): { body: string; meta: TitleMeta } {
  const lines = body.split('\n');
  let n = 0;
  while (n < lines.length && n < 3 && /^%([ \t]|$)/.test(lines[n])) n++;
  if (!n) return { body, meta: {} };
  const field = (i: number) => (i < n ? lines[i].replace(/^%[ \t]*/, '').trim() || undefined : undefined);
  const meta: TitleMeta = {};
  const title = field(0);
  const author = field(1);
  const date = field(2);
  if (title) meta.title = title;
  if (author) meta.author = author;
  if (date) meta.date = date;
  for (let i = 0; i < n; i++) lines[i] = '';
  return { body: lines.join('\n'), meta };
}

/** lookatme: the lone top-level heading at line `index` is the deck's title: it leaves the body. */
function takeTitleHeading(body: string, heading: HeadingLine): { body: string; meta: TitleMeta } {
  const lines = body.split('\n');
  const setext = !/^ {0,3}#/.test(lines[heading.index]);
  lines[heading.index] = '';
  if (setext && heading.index + 1 < lines.length) lines[heading.index + 1] = '';
  return { body: lines.join('\n'), meta: heading.text ? { title: heading.text } : {} };
}

/** patat's and lookatme's reading of a file, on top of the shared rules. */
export function pandocRules(rules: FileRules, dialect: 'patat' | 'lookatme', ctx: RulesContext): void {
  const { body, deckFm } = ctx;
  if (dialect === 'patat') {
    rules.parts.dotPauses = true;
    if (ctx.first) rules.takeMeta = pandocTitleBlock;
  }
  if (thematicBreaks(body).length > 0 && !usesEndSlide(body)) {
    rules.split.separator = anyRuleSeparator;
    return;
  }
  const headings = scanHeadings(body);
  if (!headings.length) return;
  if (dialect === 'patat') {
    const patat = isMapping(deckFm.patat) ? deckFm.patat : {};
    const level = typeof patat.slideLevel === 'number' ? patat.slideLevel : pandocSlideLevel(headings);
    rules.split.headingSplit = (l) => l <= level;
    return;
  }
  // lookatme: the top heading level splits, unless it occurs once: then it is the title.
  const top = Math.min(...headings.map((h) => h.level));
  const tops = headings.filter((h) => h.level === top);
  if (tops.length === 1 && headings.some((h) => h.level > top)) {
    const next = Math.min(...headings.filter((h) => h.level > top).map((h) => h.level));
    rules.split.headingSplit = (l) => l === next;
    rules.takeMeta = (text) => takeTitleHeading(text, tops[0]);
  } else {
    rules.split.headingSplit = (l) => l === top;
  }
}
