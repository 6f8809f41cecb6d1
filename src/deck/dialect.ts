/**
 * Decks written for other presenters: which one a deck was written for
 * (recognised from the deck itself), and how each one is read.
 */
import {
  ANY_RULE,
  PRESENTERM_COMMANDS,
  BRIEF_PARTS,
  FenceTracker,
  PAUSES,
  isParagraphText,
  pandocSlideLevel,
  scanHeadings,
  usesEndSlide,
  type PartRules,
  type SeparatorTest,
  type SplitRules,
} from './split.js';

export const DIALECTS = ['brief', 'presenterm', 'marp', 'slidev', 'reveal-md', 'slides', 'patat', 'lookatme'] as const;
export type Dialect = (typeof DIALECTS)[number];

export function isDialect(name: string): name is Dialect {
  return (DIALECTS as readonly string[]).includes(name);
}

/** One file as the detector sees it: its front matter and the Markdown after it. */
export interface DialectFile {
  data: Record<string, unknown>;
  body: string;
}

/** Marp's directives (global and local); each local one also with a leading `_` (this slide only). */
const MARP_DIRECTIVES = new Set([
  'theme',
  'style',
  'headingDivider',
  'size',
  'math',
  'title',
  'author',
  'description',
  'image',
  'keywords',
  'url',
  'marp',
  'lang',
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  'transition',
]);
/** Marp directives that no other dialect uses in a comment: enough to recognise a Marp deck. */
const MARP_ONLY = new Set([
  'headingDivider',
  'paginate',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
]);
/** Front matter keys only Slidev uses. */
const SLIDEV_KEYS = [
  'layout',
  'highlighter',
  'drawings',
  'mdc',
  'colorSchema',
  'aspectRatio',
  'canvasWidth',
  'routerMode',
  'fonts',
  'lineNumbers',
  'exportFilename',
  'download',
  'addons',
  'seoMeta',
  'hideInToc',
  'themeConfig',
];
/** The themes maaslalani/slides ships (glamour styles). */
const SLIDES_THEMES = new Set(['ascii', 'auto', 'dark', 'dracula', 'light', 'notty', 'pink', 'tokyo-night']);

/** Is a comment a Marp directive: `fit`, or only `key: value` lines with (optionally `_`-scoped) Marp keys? */
export function isMarpDirective(content: string): boolean {
  const text = content.trim();
  if (text === 'fit') return true;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (!lines.length) return false;
  return lines.every((l) => {
    const m = /^\s*_?([A-Za-z]+)\s*:/.exec(l);
    return m !== null && MARP_DIRECTIVES.has(m[1]);
  });
}

/** What one pass over a body (outside code) finds. */
interface Scan {
  endSlide: boolean;
  commentNames: Set<string>;
  /** `----` lines that would end a slide (reveal-md's vertical separator). */
  fourDashes: boolean;
  /** `---` followed by `key: value` lines and `---` (Slidev per-slide front matter). */
  slideFrontMatter: boolean;
  dots: boolean;
  patatConfig: boolean;
  /** Thematic breaks that are not setext underlines. */
  rules: number;
  slots: boolean;
  /** slides (maaslalani): `///`-hidden code lines, `~~~command args` pre-processing blocks. */
  slidesCode: boolean;
}

function scan(body: string): Scan {
  const s: Scan = {
    endSlide: usesEndSlide(body),
    commentNames: new Set(),
    fourDashes: false,
    slideFrontMatter: false,
    dots: false,
    patatConfig: false,
    rules: 0,
    slots: false,
    slidesCode: false,
  };
  const lines = body.split('\n');
  const fence = new FenceTracker();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const wasInside = fence.inside;
    if (fence.step(line)) {
      if (!wasInside && /^~~~[A-Za-z][\w-]*[ \t]+[^\s{]/.test(line)) s.slidesCode = true;
      if (wasInside && fence.inside && /^\/\/\/(\S|$)/.test(line) && !/^rust\b/i.test(fence.info)) s.slidesCode = true;
      continue;
    }
    if (line.includes('<!--')) {
      for (const m of line.matchAll(/<!--\s*(\.?[A-Za-z_][\w-]*)\s*(?=:|-->|$)/g)) s.commentNames.add(m[1]);
      if (line.startsWith('<!--config:')) s.patatConfig = true;
    }
    const first = line.trimStart()[0];
    if (first === '.' && /^\.[ \t]+\.[ \t]+\.[ \t]*$/.test(line)) s.dots = true;
    if (first === ':' && /^::[\w-]+::\s*$/.test(line)) s.slots = true;
    if (first !== '-' && first !== '*' && first !== '_') continue;
    const prev = i > 0 ? lines[i - 1] : '';
    if (ANY_RULE.test(line) && !(first === '-' && isParagraphText(prev))) {
      s.rules++;
      if (/^----[ \t]*$/.test(line)) s.fourDashes = true;
      if (/^---[ \t]*$/.test(line) && /^[A-Za-z_][\w-]*[ \t]*:/.test(lines[i + 1] ?? '')) {
        for (let k = i + 2; k < lines.length && k < i + 50; k++) {
          if (/^---[ \t]*$/.test(lines[k])) {
            s.slideFrontMatter = true;
            break;
          }
          if (!/^([A-Za-z_][\w-]*[ \t]*:|[ \t]+\S|[ \t]*-[ \t]|[ \t]*#|[ \t]*$)/.test(lines[k])) break;
        }
      }
    }
  }
  return s;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Which presenter a deck was written for, from its front matter and Markdown.
 * The strongest marker wins; a deck with none is brief-present's own. A
 * one-file deck without rules whose headings would make several slides is
 * patat's (a folder deck's files are often one slide each, so never there).
 */
export function detectDialect(files: DialectFile[], options: { folder?: boolean } = {}): Dialect {
  if (!files.length) return 'brief';
  const fm = files[0].data;
  const scans = files.map((f) => scan(f.body));
  const any = (p: (s: Scan) => boolean) => scans.some(p);
  const names = new Set(scans.flatMap((s) => [...s.commentNames]));
  const has = (k: string) => Object.prototype.hasOwnProperty.call(fm, k);

  if (fm.marp === true) return 'marp';
  if (any((s) => s.endSlide)) return 'presenterm';
  if (['separator', 'verticalSeparator', 'revealOptions', 'notesSeparator'].some(has)) return 'reveal-md';
  if (isMapping(fm.patat)) return 'patat';
  if (has('styles') || has('extensions')) return 'lookatme';
  if (any((s) => s.slideFrontMatter || s.slots) || SLIDEV_KEYS.some(has)) return 'slidev';
  const theme = fm.theme;
  const presentermTheme = isMapping(theme) && ['override', 'name', 'path', 'light', 'dark'].some((k) => k in theme);
  if ([...names].some((n) => PRESENTERM_COMMANDS.has(n)) || has('sub_title') || presentermTheme) return 'presenterm';
  const marpName = (n: string) =>
    MARP_ONLY.has(n.replace(/^_/, '')) || (n[0] === '_' && MARP_DIRECTIVES.has(n.slice(1)));
  if ([...names].some(marpName)) return 'marp';
  if (any((s) => s.fourDashes) || names.has('.slide') || names.has('.element')) return 'reveal-md';
  if (any((s) => s.dots || s.patatConfig) || /^%[ \t]/.test(files[0].body)) return 'patat';
  if (names.has('stop')) return 'lookatme';
  const themeName = typeof theme === 'string' ? theme : '';
  if (has('paging') || SLIDES_THEMES.has(themeName) || /\.json$/i.test(themeName)) return 'slides';
  if (any((s) => s.slidesCode)) return 'slides';
  const oneFile = !options.folder && files.length === 1;
  if (oneFile && scans[0].rules === 0 && headingSlideCount(files[0].body) > 1) return 'patat';
  return 'brief';
}

/** How many slides splitting at headings the Pandoc way would make. */
function headingSlideCount(body: string): number {
  const headings = scanHeadings(body);
  const level = pandocSlideLevel(headings);
  return headings.filter((h) => h.level <= level).length;
}

/** Everything that differs when reading one file of a deck in a dialect. */
export interface FileRules {
  split: SplitRules;
  parts: PartRules;
  /** Does front matter `title` make a title slide? */
  titleSlide: boolean;
  /** lookatme: a lone top-level heading is the deck's title, not a slide; its line index. */
  titleHeading?: { index: number; text: string };
}

const MARP_PARTS: PartRules = {
  ...BRIEF_PARTS,
  isDirective: (content, name) => isMarpDirective(content) || BRIEF_PARTS.isDirective(content, name),
};

/** Where an unknown-to-us directive name comes from, for a hint. */
function knownElsewhere(dialect: Dialect): (name: string) => string | undefined {
  return (name) => {
    const bare = name.replace(/^_/, '');
    if (dialect !== 'marp' && MARP_DIRECTIVES.has(bare)) return 'marp';
    return undefined;
  };
}

/** presenterm hides `# ` lines in Rust snippets and `/// ` lines in others, in executable snippets. */
function presentermHidden(info: string, line: string): boolean {
  if (!/(^|\s)\+exec(_replace)?\b/.test(info)) return false;
  const lang = info.split(/[\s{]/)[0].toLowerCase();
  if (lang === 'rust') return /^#( |$)/.test(line);
  return /^\/\/\/( |$)/.test(line);
}

/** reveal-md: `---` across, `----` down, exactly, and not under a line of text. */
const revealDefault: SeparatorTest = (line, prev) =>
  /^-{3,4}[ \t]*$/.test(line) && !isParagraphText(prev) ? { before: '', after: '' } : null;

/** Does a line hold a separator? What is before and after it stays on the slides either side. */
export type LineSeparator = (line: string) => { before: string; after: string } | null;

/** Longer separator patterns are taken literally. */
const MAX_PATTERN = 256;

/**
 * A user's pattern as an expression that runs in time linear in the line, on
 * V8's linear-time engine (the `l` flag, turned on by the launcher with
 * `--enable-experimental-regexp-engine`); null when it cannot run there
 * (back-references, look-arounds), when it is not an expression at all, or
 * when the engine is off: the caller then takes it literally.
 */
function linearRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source, 'l');
  } catch {
    return null;
  }
}

/**
 * A reveal-md `separator` / `verticalSeparator` as a line test. reveal-md
 * takes them as regular expressions over the whole file, usually anchored to
 * blank lines (`^\r?\n---\r?\n$`); here the newline parts are dropped and each
 * line is tested, outside code. Anything that is not a usable expression is
 * taken as literal text (`<!--s-->`).
 */
export function separatorFromPattern(pattern: string): LineSeparator | null {
  const literal = () => new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  let src = pattern.length <= MAX_PATTERN ? pattern : '';
  let anchored = false;
  const strip = [
    /^\^/,
    /\$$/,
    /^\((?:\\r\?|\\r)?\\n(?:\|\\r\\n\?)?\)\??/,
    /^\(\\r\\n\?\|\\n\)/,
    /\(\\r\\n\?\|\\n\)$/,
    /^(\\r)?\??\\n/,
    /(\\r)?\??\\n$/,
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of strip) {
      const next = src.replace(re, '');
      if (next !== src) {
        src = next;
        anchored = true;
        changed = true;
      }
    }
  }
  if (!src && pattern.length <= MAX_PATTERN) return null;
  const re = (src && !/\\[rn]/.test(src) && linearRegExp(anchored ? `^(?:${src})[ \\t]*$` : src)) || literal();
  if (re.test('')) return null;
  return (line) => {
    if (line.length > 1000) return null;
    const m = re.exec(line);
    if (!m) return null;
    return { before: line.slice(0, m.index), after: line.slice(m.index + m[0].length) };
  };
}

function revealSeparators(data: Record<string, unknown>): SeparatorTest {
  const across = typeof data.separator === 'string' ? separatorFromPattern(data.separator) : null;
  const down = typeof data.verticalSeparator === 'string' ? separatorFromPattern(data.verticalSeparator) : null;
  if (!across && !down) return revealDefault;
  const tests = [across, down].filter((t): t is NonNullable<typeof t> => t !== null);
  // A separator that is not given keeps its default.
  if (!across) tests.push((l) => (/^---[ \t]*$/.test(l) ? { before: '', after: '' } : null));
  if (!down) tests.push((l) => (/^----[ \t]*$/.test(l) ? { before: '', after: '' } : null));
  return (line, prev) => {
    for (const t of tests) {
      const r = t(line);
      if (r && !(r.before.trim() === '' && r.after.trim() === '' && /^-+[ \t]*$/.test(line) && isParagraphText(prev)))
        return r;
    }
    return null;
  };
}

/** The value of the first `<!-- headingDivider: … -->` comment, found in one pass. */
function headingDividerComment(body: string): string | null {
  const NAME = 'headingDivider';
  let close = -1;
  for (let at = body.indexOf('<!--'); at >= 0; at = body.indexOf('<!--', at + 4)) {
    let i = at + 4;
    while (i < body.length && /\s/.test(body[i])) i++;
    if (!body.startsWith(NAME, i)) continue;
    if (close < i) close = body.indexOf('-->', i);
    if (close < 0) return null;
    const rest = body.slice(i + NAME.length, close).trim();
    if (rest[0] !== ':' || rest.includes('\n')) continue;
    return rest.slice(1).trim();
  }
  return null;
}

/** Marp's `headingDivider` (front matter or a comment anywhere): a level, or a list of levels. */
function marpHeadingDivider(data: Record<string, unknown>, body: string): ((level: number) => boolean) | undefined {
  let v: unknown = data.headingDivider;
  if (v === undefined) {
    const m = headingDividerComment(body);
    if (m !== null) v = /^\[/.test(m) ? m.replace(/[[\]\s]/g, '').split(',').map(Number) : Number(m);
  }
  if (typeof v === 'number' && v >= 1 && v <= 6) return (level) => level <= (v as number);
  if (Array.isArray(v)) {
    const levels = v.filter((n): n is number => typeof n === 'number');
    if (levels.length) return (level) => levels.includes(level);
  }
  return undefined;
}

/** A thematic break of any kind (`***`, `___` too) that is not a setext underline. */
const anyRuleSeparator: SeparatorTest = (line, prev) =>
  ANY_RULE.test(line) && !(line.trim()[0] === '-' && isParagraphText(prev)) ? { before: '', after: '' } : null;

/** Options shared by every file of a deck (from the first file's front matter). */
export interface DeckRules {
  incrementalLists: boolean;
}

export function deckRules(dialect: Dialect, fm: Record<string, unknown>): DeckRules {
  const options = isMapping(fm.options) ? fm.options : {};
  const patat = isMapping(fm.patat) ? fm.patat : {};
  const incremental =
    fm.incremental_lists === true ||
    fm.incrementalLists === true ||
    (dialect === 'presenterm' && options.incremental_lists === true) ||
    (dialect === 'patat' && patat.incrementalLists === true);
  return { incrementalLists: incremental };
}

/** How one file is read in a dialect. `deckFm` is the deck's (first file's) front matter. */
export function fileRules(
  dialect: Dialect,
  data: Record<string, unknown>,
  body: string,
  deck: DeckRules,
  deckFm: Record<string, unknown> = data,
): FileRules {
  const parts: PartRules = {
    ...BRIEF_PARTS,
    incrementalLists: deck.incrementalLists,
    knownElsewhere: knownElsewhere(dialect),
  };
  const rules: FileRules = { split: {}, parts, titleSlide: true };
  switch (dialect) {
    case 'brief':
      break;
    case 'presenterm': {
      rules.parts.hideCodeLine = presentermHidden;
      const options = isMapping(deckFm.options) ? deckFm.options : {};
      if (options.end_slide_shorthand === true) rules.split.endSlideOnly = false;
      break;
    }
    case 'marp':
      rules.titleSlide = false;
      rules.parts = { ...MARP_PARTS, incrementalLists: deck.incrementalLists };
      rules.split.separator = anyRuleSeparator;
      rules.split.endSlideOnly = false;
      rules.split.headingSplit = marpHeadingDivider(deckFm, body);
      break;
    case 'slidev':
      rules.titleSlide = false;
      rules.parts.commentNotes = 'last';
      rules.parts.dropLine = /^::[\w-]+::\s*$/;
      rules.split.slideFrontMatter = true;
      rules.split.endSlideOnly = false;
      break;
    case 'reveal-md':
      rules.titleSlide = false;
      rules.split.separator = revealSeparators(deckFm);
      rules.split.endSlideOnly = false;
      // reveal.js: `notes?:` in any case, after any indentation.
      rules.parts.noteLine = /^\s*notes?:/i;
      break;
    case 'slides':
      rules.parts.hideCodeLine = (_info, line) => line.startsWith('///');
      break;
    case 'patat':
    case 'lookatme': {
      if (dialect === 'patat') rules.parts.dotPauses = true;
      rules.parts.pauses = PAUSES;
      const hasRules = scan(body).rules > 0 && !usesEndSlide(body);
      if (hasRules) {
        rules.split.separator = anyRuleSeparator;
        break;
      }
      const headings = scanHeadings(body);
      if (!headings.length) break;
      if (dialect === 'patat') {
        const patat = isMapping(deckFm.patat) ? deckFm.patat : {};
        const level = typeof patat.slideLevel === 'number' ? patat.slideLevel : pandocSlideLevel(headings);
        rules.split.headingSplit = (l) => l <= level;
      } else {
        // lookatme: the top heading level splits, unless it occurs once: then it is the title.
        const top = Math.min(...headings.map((h) => h.level));
        const tops = headings.filter((h) => h.level === top);
        if (tops.length === 1 && headings.some((h) => h.level > top)) {
          const next = Math.min(...headings.filter((h) => h.level > top).map((h) => h.level));
          rules.split.headingSplit = (l) => l === next;
          rules.titleHeading = { index: tops[0].index, text: headingText(body.split('\n')[tops[0].index]) };
        } else {
          rules.split.headingSplit = (l) => l === top;
        }
      }
      break;
    }
  }
  return rules;
}

function headingText(line: string): string {
  return line.replace(/^ {0,3}#{1,6}[ \t]*/, '').replace(/[ \t]+#+[ \t]*$/, '').trim();
}
