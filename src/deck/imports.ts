/**
 * Slidev's imports: a slide whose front matter has `src: path.md` stands for
 * the slides of that file (`path.md#2,5-7` for some of them). The parser does
 * not read files: the caller gives a reader (src/io/load.ts for the CLI).
 */
import { cleanText } from './clean.js';
import { splitFrontMatter } from './frontmatter.js';
import { keyLines, splitSlides, type RawSlide, type SplitRules } from './slides.js';
import { DeckError, type DiagnosticCode } from './types.js';

/**
 * Read the file an import names: `ref` as written after `src:` (without its
 * `#range`), `from` the path of the file that imports it. The path in the
 * answer is the one to show in messages.
 */
export type ImportReader = (ref: string, from: string) => { path: string; text: string } | { path: string; error: string };

/** A raw slide and the file it comes from. */
export interface Piece {
  raw: RawSlide;
  path: string;
}

export interface ImportContext {
  read?: ImportReader;
  split: SplitRules;
  report: (path: string, line: number, code: DiagnosticCode, message: string, severity?: 'error') => void;
}

/** How deep imports may nest, how many they may be, and how many slides they may bring in all. */
const MAX_DEPTH = 8;
const MAX_IMPORTS = 1000;
const MAX_SLIDES = 10_000;

const hidden = (raw: RawSlide) => raw.data !== undefined && (raw.data.hide === true || raw.data.disabled === true);

/** What one deck's imports have read and cut so far, and how much they have brought in. */
interface State {
  reads: Map<string, ReturnType<ImportReader>>;
  cut: Map<string, RawSlide[] | string>;
  imports: number;
  slides: number;
}

/**
 * The slides of one file with every import replaced by the slides it names:
 * hidden slides left out, an import that cannot be read replaced by a slide
 * that says so (and reported as an error). Each file is read and cut once;
 * however imports repeat and nest, the work is bounded.
 */
export function expandImports(raws: RawSlide[], path: string, ctx: ImportContext): Piece[] {
  return expand(raws, path, [path], ctx, { reads: new Map(), cut: new Map(), imports: 0, slides: 0 });
}

function expand(raws: RawSlide[], path: string, chain: string[], ctx: ImportContext, state: State): Piece[] {
  const out: Piece[] = [];
  const tooMany = (what: string) => ctx.report(chain[0], 1, 'bad-import', `Slidev imports ${what}: the rest are left out`);
  for (const raw of raws) {
    if (hidden(raw)) continue;
    const src = raw.data?.src;
    if (typeof src !== 'string' || src.trim() === '') {
      if (chain.length === 1 || state.slides++ < MAX_SLIDES) out.push({ raw, path });
      else if (state.slides === MAX_SLIDES + 1) tooMany(`bring in more than ${MAX_SLIDES} slides`);
      continue;
    }
    if (state.imports++ >= MAX_IMPORTS) {
      if (state.imports === MAX_IMPORTS + 1) tooMany(`are more than ${MAX_IMPORTS}`);
      continue;
    }
    const line = raw.keyLines?.src ?? raw.line;
    const [ref, range] = splitRef(src.trim());
    const key = `${path}\n${ref}`;
    const got = state.reads.get(key) ?? (ctx.read ? ctx.read(ref, path) : { path: ref, error: 'imports are not read here' });
    state.reads.set(key, got);
    const slides = 'error' in got ? got.error : cut(got, ctx.split, state);
    if (typeof slides === 'string') {
      ctx.report(path, line, 'missing-import', `Slidev import ${ref}: ${slides}; a placeholder slide stands in for it`, 'error');
      out.push({ raw: placeholder(raw, ref, got.path, slides), path });
      continue;
    }
    if (chain.includes(got.path) || chain.length > MAX_DEPTH) {
      const why = chain.includes(got.path) ? `leads back to ${got.path}, which is importing it` : `nests more than ${MAX_DEPTH} imports deep`;
      ctx.report(path, line, 'bad-import', `Slidev import ${ref} ${why}: left out`);
      continue;
    }
    const numbers = pickRange(slides.length, range);
    if (range !== undefined && range !== 'none' && !numbers.length) {
      ctx.report(path, line, 'bad-import', `Slidev import ${ref}: #${range} picks none of its ${slides.length} slides`);
    }
    const picked = numbers.map((i) => ({ ...slides[i - 1] }));
    const title = raw.data?.title;
    const first = picked.find((s) => !hidden(s));
    // The importing block's front matter wins over the imported slide's: its title names the first one.
    if (first && title !== undefined) first.data = { ...first.data, title };
    out.push(...expand(picked, got.path, [...chain, got.path], ctx, state));
  }
  return out;
}

/** An imported file cut into raw slides (once per file), or why it cannot be. */
function cut(file: { path: string; text: string }, split: SplitRules, state: State): RawSlide[] | string {
  let slides = state.cut.get(file.path);
  if (slides === undefined) {
    try {
      slides = importedSlides(file.text, file.path, split);
    } catch (err) {
      slides = err instanceof DeckError ? err.describe() : String(err);
    }
    state.cut.set(file.path, slides);
  }
  return slides;
}

/** `pages/a.md#2,5-7` → the path and the range. */
function splitRef(src: string): [string, string | undefined] {
  const hash = src.indexOf('#');
  return hash < 0 ? [src, undefined] : [src.slice(0, hash), src.slice(hash + 1)];
}

/** An imported file's slides: its front matter is its first slide's. */
function importedSlides(text: string, path: string, split: SplitRules): RawSlide[] {
  const fm = splitFrontMatter(cleanText(text), path);
  const slides = splitSlides(fm.body, fm.bodyLine, split);
  if (Object.keys(fm.data).length) {
    const lines = cleanText(text).split('\n', fm.bodyLine);
    slides[0].data = fm.data;
    slides[0].keyLines = keyLines(lines, 1, fm.bodyLine - 2, 1);
  }
  return slides;
}

/** Slidev's ranges: `1,3-5,8`, `4-` (to the end), `all` / `*`, `none`; 1-based, in order, each once. */
export function pickRange(total: number, range: string | undefined): number[] {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  if (!range || range === 'all' || range === '*') return all;
  if (range === 'none') return [];
  const picked = new Set<number>();
  for (const part of range.split(/[,;]/)) {
    const dash = part.indexOf('-');
    if (dash < 0) {
      picked.add(Number(part));
      continue;
    }
    const start = Number(part.slice(0, dash));
    const end = part.slice(dash + 1) === '' ? total : Number(part.slice(dash + 1));
    for (let i = Math.max(start, 1); i <= Math.min(end, total); i++) picked.add(i);
  }
  return [...picked].filter((i) => Number.isInteger(i) && i >= 1 && i <= total).sort((a, b) => a - b);
}

/** The slide shown where an import could not be read. */
function placeholder(raw: RawSlide, ref: string, path: string, error: string): RawSlide {
  const lines = ['# Missing slides', '', `Slidev would import \`${ref}\` here: \`${path}\` could not be read (${error}).`];
  return { lines, line: raw.line, data: { title: `Missing: ${ref}` } };
}
