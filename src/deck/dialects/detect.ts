/**
 * Which presenter a deck was written for, recognised from the deck itself:
 * the strongest marker wins; a deck with none is brief-present's own.
 */
import { isMapping } from '../frontmatter.js';
import { anyRuleSeparator, FenceTracker, usesEndSlide } from '../lines.js';
import { frontMatterBlockEnd } from '../slides.js';
import type { Dialect } from './index.js';
import { isMarpOnlyName } from './marp.js';
import { headingSlideCount, pandocBreaks } from './pandoc.js';
import { PRESENTERM_COMMANDS, PRESENTERM_THEME_KEYS } from './presenterm.js';
import { REVEAL_KEYS } from './reveal-md.js';
import { SLIDES_THEMES } from './slides.js';
import { SLIDEV_KEYS, SLOT_LINE } from './slidev.js';

/** One file as the detector sees it: its front matter and the Markdown after it. */
export interface DialectFile {
  data: Record<string, unknown>;
  body: string;
  /** The front matter was closed with `...`, as Pandoc's YAML metadata may be. */
  closedWithDots?: boolean;
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
    if (first === ':' && SLOT_LINE.test(line)) s.slots = true;
    if (first !== '-' && first !== '*' && first !== '_') continue;
    if (anyRuleSeparator(line, i > 0 ? lines[i - 1] : '', i)) {
      s.rules++;
      if (/^----[ \t]*$/.test(line)) s.fourDashes = true;
      if (/^---[ \t]*$/.test(line) && frontMatterBlockEnd(lines, i + 1) >= 0) s.slideFrontMatter = true;
    }
  }
  return s;
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
  if (REVEAL_KEYS.some(has)) return 'reveal-md';
  if (isMapping(fm.patat)) return 'patat';
  if (has('styles') || has('extensions')) return 'lookatme';
  if (any((s) => s.slideFrontMatter || s.slots) || SLIDEV_KEYS.some(has)) return 'slidev';
  const theme = fm.theme;
  const presentermTheme = isMapping(theme) && PRESENTERM_THEME_KEYS.some((k) => k in theme);
  if ([...names].some((n) => PRESENTERM_COMMANDS.has(n)) || has('sub_title') || presentermTheme) return 'presenterm';
  if ([...names].some(isMarpOnlyName)) return 'marp';
  if (any((s) => s.fourDashes) || names.has('.slide') || names.has('.element')) return 'reveal-md';
  const pandocMeta = /^%[ \t]/.test(files[0].body) || files[0].closedWithDots === true;
  if (any((s) => s.dots || s.patatConfig) || pandocMeta) return 'patat';
  if (names.has('stop')) return 'lookatme';
  const themeName = typeof theme === 'string' ? theme : '';
  if (has('paging') || SLIDES_THEMES.has(themeName) || /\.json$/i.test(themeName)) return 'slides';
  if (any((s) => s.slidesCode)) return 'slides';
  const oneFile = !options.folder && files.length === 1;
  // Only the first rule matters here: one is enough to rule Pandoc's heading slides out.
  if (oneFile && pandocBreaks(files[0].body, true).size === 0 && headingSlideCount(files[0].body) > 1) return 'patat';
  return 'brief';
}
