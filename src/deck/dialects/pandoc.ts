/**
 * The Pandoc-based presenters: patat (jaspervdj/patat) and lookatme
 * (d0c-s4vage/lookatme). Rules split when a file has any; otherwise headings
 * do, at the slide level. patat: `. . .` pauses, a `% Title` block.
 */
import { atxHeading, scanHeadings, thematicBreaks, usesEndSlide, WHOLE_LINE, type HeadingLine } from '../lines.js';
import type { DeckMeta } from '../types.js';
import { isMapping } from '../frontmatter.js';
import type { FileRules, RulesContext } from './index.js';

/** Pandoc's (and patat's) slide level: the least heading level directly followed by content. */
export function pandocSlideLevel(headings: HeadingLine[]): number {
  let level = 6;
  for (const h of headings) if (h.followedByContent && h.level < level) level = h.level;
  return level;
}

/** A line of dashes, in groups or not: a Pandoc table's border, or a rule. */
const DASHES = /^ {0,3}-+(?:[ \t]+-+)*[ \t]*$/;

/**
 * Where the Pandoc table whose top border is line `top` ends (its bottom
 * border, then a blank line or the end), or where looking for it stopped:
 * at two blank lines in a row, a heading, a fence, or the end. A headerless
 * simple table and a multiline table both begin with a line of dashes.
 */
function tableEnd(lines: readonly string[], top: number): { table: boolean; at: number } {
  let blanks = 0;
  for (let k = top + 1; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '') {
      if (++blanks === 2) return { table: false, at: k };
      continue;
    }
    blanks = 0;
    if (atxHeading(line) || /^ {0,3}(`{3,}|~{3,})/.test(line)) return { table: false, at: k };
    const last = k + 1 >= lines.length || lines[k + 1].trim() === '';
    if (k > top + 1 && DASHES.test(line) && last) return { table: true, at: k };
  }
  return { table: false, at: lines.length };
}

/**
 * The lines that are horizontal rules as Pandoc reads them: thematic breaks,
 * less the lines of dashes that are the borders of a table (Pandoc tries a
 * table before a rule). Linear: each stretch of lines is looked through once.
 */
export function pandocBreaks(body: string, first = false): Set<number> {
  const out = new Set<number>();
  let tableUntil = -1; // the bottom border of the last table found
  let lookedTo = -1; // where the last look for a table stopped without one
  thematicBreaks(body, (b, lines) => {
    if (b <= tableUntil) return false;
    if (b > lookedTo && DASHES.test(lines[b]) && (lines[b + 1] ?? '').trim() !== '') {
      const end = tableEnd(lines, b);
      if (end.table) {
        tableUntil = end.at;
        return false;
      }
      lookedTo = end.at;
    }
    out.add(b);
    return first;
  });
  return out;
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
  rules.titleUnderSection = false;
  const { body, deckFm } = ctx;
  if (dialect === 'patat') {
    // patat shows the title in its header line and the author in its footer: no title slide.
    rules.titleSlide = false;
    rules.parts.dotPauses = true;
    if (ctx.first) rules.takeMeta = pandocTitleBlock;
  }
  const breaks = dialect === 'patat' ? pandocBreaks(body) : new Set(thematicBreaks(body));
  if (usesEndSlide(body)) return;
  // Only rules split (never a table's border); without any, headings do.
  rules.split.separator = (_line, _prev, index) => (breaks.has(index) ? WHOLE_LINE : null);
  if (breaks.size > 0) return;
  const headings = scanHeadings(body);
  if (!headings.length) return;
  if (dialect === 'patat') {
    const patat = isMapping(deckFm.patat) ? deckFm.patat : {};
    const level = typeof patat.slideLevel === 'number' ? patat.slideLevel : pandocSlideLevel(headings);
    rules.split.headingSplit = (l) => l <= level;
    // A heading above the slide level is a title slide of its own.
    rules.split.headingAlone = (l) => l < level;
    return;
  }
  // lookatme: the top heading level splits, unless it occurs once: then it is the title.
  const top = headings.reduce((m, h) => Math.min(m, h.level), Infinity);
  const tops = headings.filter((h) => h.level === top);
  if (tops.length === 1 && headings.some((h) => h.level > top)) {
    const next = headings.reduce((m, h) => (h.level > top ? Math.min(m, h.level) : m), Infinity);
    rules.split.headingSplit = (l) => l === next;
    rules.takeMeta = (text) => takeTitleHeading(text, tops[0]);
  } else {
    rules.split.headingSplit = (l) => l === top;
  }
}
