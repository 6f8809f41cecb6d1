// Generated and mutated decks through the parser and the renderer: nothing
// throws (a DeckError is a fine answer from the parser) and no rendered line
// is wider than the width, at widths 10 to 200, slides, reveal steps and notes.
//
// `npm test` runs a fixed, small number of cases from a fixed seed. `npm run
// fuzz` runs many more from a random seed. Either way a failure names its
// seed and case, and FUZZ_SEED=<seed> FUZZ_CASE=<case> npm run fuzz runs that
// case alone. FUZZ_COUNT sets the number of cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayWidth } from '../../src/render/ansi.js';
import stripAnsi from 'strip-ansi';
import { generateDeck, tableDeck } from '../../bench/deck.js';
import { DeckError, DIALECTS, parseFiles, type Deck, type Dialect } from '../../src/deck/parse.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../../src/render/markdown.js';
import { renderNotesLines, renderSlideLines } from '../../src/render/slide.js';
import { makeTheme, type ColorLevel, type Theme } from '../../src/render/theme.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const fuzzRun = process.env.npm_lifecycle_event === 'fuzz';
const COUNT = Number(process.env.FUZZ_COUNT ?? (fuzzRun ? 5000 : 300));
const SEED = Number(process.env.FUZZ_SEED ?? (fuzzRun ? Math.floor(Math.random() * 2 ** 32) : 20250101));
const ONLY = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);

/** mulberry32: a small, fast, seedable PRNG (numbers in [0, 1)). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  int(n: number): number;
  between(a: number, b: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    int,
    between: (a, b) => a + int(b - a + 1),
    pick: (xs) => xs[int(xs.length)],
    chance: (p) => next() < p,
  };
}

/** Every Markdown file under a folder (missing folders give nothing). */
function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (/\.(md|markdown)$/i.test(name)) out.push(path);
  }
  return out;
}

const SEEDS: string[] = [
  ...markdownFiles(join(ROOT, '..', 'shared', 'corpus')),
  ...markdownFiles(join(ROOT, 'slides')),
  ...markdownFiles(join(ROOT, 'test', 'fixtures')),
].map((path) => readFileSync(path, 'utf8'));
SEEDS.push(generateDeck(12));

/** Pieces that mean something to a deck or to a terminal. */
const TOKENS = [
  '\n---\n', '\n\n---\n\n', '---', '***', '___', '\n<!-- end_slide -->\n', '<!-- pause -->', '<!-- notes: ', ' -->',
  '<!--', '-->', '<!-- section: S -->', '<!-- speaker_note: |\n  a\n  b\n-->', '\nNote: ', '\nNotes:\n', '```', '```ts\n',
  '```rust +exec\n', '~~~', '~~~~\n', '\n```\n', '# ', '## ', '###### ', '\n=====\n', '\n-----\n', '- ', '* ', '+ ',
  '1. ', '999999999) ', '  - ', '    - ', '\t- ', '> ', '>>>>> ', '> - > ', '| a | b |\n|---|:-:|\n| c | d |\n', '|', '|---|',
  '[x](', '](http://e.org)', '![i](p.png)', '<https://e.org>', '**', '__', '*', '_', '~~', '`', '``', '\\', '&amp;',
  '&#x1F600;', '<b>', '</b>', '<br>', '<div>', '</div>', '\n\n', '\r\n', '\r', '\t', '    ', ' '.repeat(40),
  '---\ntitle: T\n---\n', '---\ntitle: [\n---\n', ':smile:', '::', '\u0000', '\u001b[31m', '\u001b]0;t\u0007',
  '\u001b]52;c;eA==\u0007', '\u009b2J', '\u0007', '\u007f', '\uFEFF', '\u200d', '\u200b', '\u0301', '\u0308\u0323',
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '\u{1F1F0}\u{1F1ED}', '\u{1F44D}\u{1F3FD}', '#\uFE0F\u20E3', '漢字', '한국어',
  'ស្រុកខ្មែរ', 'ﾊﾝｶｸ', '\u3000', '\u00a0', '\ud800', '\udc00', 'x'.repeat(300), 'word '.repeat(60),
];

const INTERESTING = ['\u0000', '\u001b', '\u0007', '\u009b', '\t', '\r', '\u0301', '\u200d', '漢', 'ស', '្', '\u{1F600}', '\uFEFF', '|', '`', '-', '>', '#', '*', '<', ' '];

function mutate(text: string, r: Rng): string {
  let t = text;
  const rounds = r.between(1, 8);
  for (let i = 0; i < rounds; i++) {
    const at = r.int(t.length + 1);
    switch (r.int(10)) {
      case 0:
      case 1:
        t = t.slice(0, at) + r.pick(TOKENS) + t.slice(at);
        break;
      case 2: {
        const len = r.int(Math.min(200, t.length - at) + 1);
        t = t.slice(0, at) + t.slice(at + len);
        break;
      }
      case 3: {
        const len = r.int(Math.min(300, t.length - at) + 1);
        t = t.slice(0, at) + t.slice(at, at + len).repeat(r.between(1, 4)) + t.slice(at);
        break;
      }
      case 4: {
        const lines = t.split('\n');
        const a = r.int(lines.length);
        const b = r.int(lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        t = lines.join('\n');
        break;
      }
      case 5: {
        const other = r.pick(SEEDS);
        const from = r.int(other.length + 1);
        t = t.slice(0, at) + other.slice(from, from + r.int(600)) + t.slice(at);
        break;
      }
      case 6:
        if (t.length) t = t.slice(0, at) + r.pick(INTERESTING) + t.slice(at + 1);
        break;
      case 7:
        t = t.slice(0, Math.max(at, r.int(t.length + 1)));
        break;
      case 8: {
        const lines = t.split('\n');
        const k = r.int(lines.length);
        lines.splice(k, 0, ...Array(r.between(2, 30)).fill(lines[k] ?? ''));
        t = lines.join('\n');
        break;
      }
      default:
        t = r.chance(0.5) ? t.replace(/\n/g, '\r\n') : t.replace(/^/gm, r.pick(['  ', '> ', '- ', '\t']));
    }
  }
  return t;
}

/** A deck made up from scratch: every construct, random sizes and nesting. */
function generate(r: Rng): string {
  const word = () =>
    r.chance(0.1) ? r.pick(TOKENS) : r.pick(['alpha', 'beta', 'ASEAN', 'Mekong', 'ស្រុក', '漢字', '🇰🇭', 'x'.repeat(r.between(1, 40))]);
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const slides: string[] = [];
  for (let s = r.between(1, 8); s > 0; s--) {
    const parts: string[] = [];
    for (let b = r.between(1, 6); b > 0; b--) {
      switch (r.int(9)) {
        case 0:
          parts.push(`${'#'.repeat(r.between(1, 6))} ${words(r.between(0, 8))}`);
          break;
        case 1: {
          let depth = 0;
          const items: string[] = [];
          for (let i = r.between(1, 12); i > 0; i--) {
            depth = Math.max(0, Math.min(depth + r.between(-1, 1), 8));
            items.push(`${'  '.repeat(depth)}${r.pick(['-', '*', '1.', '2)'])} ${words(r.between(0, 12))}`);
          }
          parts.push(items.join('\n'));
          break;
        }
        case 2: {
          const cols = r.between(1, 8);
          const row = () => '|' + Array.from({ length: cols }, () => ` ${words(r.between(0, 5))} |`).join('');
          parts.push([row(), '|' + '---|'.repeat(cols), ...Array.from({ length: r.between(0, 6) }, row)].join('\n'));
          break;
        }
        case 3:
          parts.push('```' + r.pick(['', 'ts', 'python', 'bash', 'json', 'html', 'mermaid', 'rust +exec', 'yaml']) + '\n' + words(r.between(0, 30)).replace(/ /g, () => r.pick([' ', '\n', '  ', '(', ');'])) + '\n```');
          break;
        case 4:
          parts.push('> '.repeat(r.between(1, 4)) + words(r.between(1, 20)));
          break;
        case 5:
          parts.push(`<!-- ${r.pick(['notes:', 'speaker_note:', 'pause', 'section:', ''])} ${words(r.between(0, 10))} -->`);
          break;
        case 6:
          parts.push(`Note: ${words(r.between(0, 10))}`);
          break;
        default:
          parts.push(words(r.between(1, 40)));
      }
    }
    slides.push(parts.join('\n\n'));
  }
  const front = r.chance(0.4) ? `---\ntitle: ${words(r.between(1, 4))}\nclassification: ${word()}\n---\n\n` : '';
  return front + slides.join(r.pick(['\n\n---\n\n', '\n<!-- end_slide -->\n']));
}

const themes: Theme[] = ([0, 1, 3] as ColorLevel[]).map((level) => makeTheme(level));
const renderers: MarkdownRenderer[] = themes.map(createMarkdownRenderer);

/** Longest a single slide may take to render before it counts as a hang. */
const SLOW_MS = 3_000;

function timed<T>(what: string, f: () => T): T {
  const started = performance.now();
  const result = f();
  const ms = performance.now() - started;
  if (ms > SLOW_MS) throw new Error(`${what}: took ${ms.toFixed(0)} ms`);
  return result;
}

function checkLines(lines: string[], width: number, what: string) {
  for (const line of lines) {
    const w = displayWidth(line);
    if (w > width) throw new Error(`${what}: a line ${w} wide at width ${width}: ${JSON.stringify(stripAnsi(line).slice(0, 160))}`);
  }
}

function runCase(seed: number, index: number): void {
  const r = rng(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const texts: string[] = [];
  for (let f = r.chance(0.2) ? r.between(2, 3) : 1; f > 0; f--) {
    texts.push(r.chance(0.35) ? generate(r) : mutate(r.pick(SEEDS), r));
  }
  const files = texts.map((text, i) => ({ path: `fuzz/${i + 1}-part.md`, text }));
  const dialect = r.chance(0.3) ? (r.pick(DIALECTS) as Dialect) : undefined;
  let deck: Deck;
  try {
    const options = { folder: files.length > 1, pauses: r.chance(0.8), dialect };
    deck = timed('parse', () => parseFiles(files, options));
  } catch (err) {
    if (err instanceof DeckError) return;
    throw new Error(`parse threw ${err instanceof Error ? err.stack : String(err)}`);
  }
  const k = r.int(themes.length);
  const md = renderers[k];
  const slides = deck.slides.length > 30 ? deck.slides.filter(() => r.chance(30 / deck.slides.length)) : deck.slides;
  for (const slide of slides) {
    const width = r.between(10, 200);
    const what = `slide ${slide.index + 1}`;
    checkLines(timed(what, () => renderSlideLines(slide, width, md)), width, what);
    const step = r.int(slide.steps.length);
    checkLines(renderSlideLines(slide, width, md, step), width, `${what} step ${step + 1}`);
    const notesWidth = r.between(10, 200);
    const notes = timed(`notes of ${what}`, () => renderNotesLines(slide.notes, notesWidth, md, themes[k]));
    checkLines(notes, notesWidth, `notes of ${what}`);
  }
}

test(`fuzz: ${ONLY === undefined ? COUNT : 1} decks through parse and render (seed ${SEED})`, (t) => {
  t.diagnostic(`seed ${SEED}; ${SEEDS.length} seed decks`);
  assert.ok(SEEDS.length > 1);
  const cases = ONLY === undefined ? Array.from({ length: COUNT }, (_, i) => i) : [ONLY];
  for (const i of cases) {
    try {
      runCase(SEED, i);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      assert.fail(`case ${i} failed: ${msg}\nreproduce: FUZZ_SEED=${SEED} FUZZ_CASE=${i} npm run fuzz`);
    }
  }
});

/**
 * Shapes that once took minutes to hours, each parsed and its first slides
 * rendered (with notes) at a few widths. Not timed: the test's timeout bounds
 * them (speed targets are in `npm run bench`).
 */
const N = 200_000;
const SHAPES: Record<string, string> = {
  'a run of <': '<'.repeat(N),
  'a run of [': '['.repeat(N),
  'a run of _': '_'.repeat(N),
  'a run of *': '*'.repeat(N),
  'a run of `': '`'.repeat(N),
  'alternating [ and (': '[('.repeat(N / 2),
  'spaces before a line separator': `# ${' '.repeat(N)}\u2028x\n\n${' '.repeat(N)}\u2028y`,
  'nested quantifier-like text': `${'(a+)+'.repeat(N / 5)}!\n\n${'((a*)*)*b'.repeat(N / 9)}\n\n${'a'.repeat(N)}!`,
  'emphasis that never closes': '**a _b '.repeat(N / 7),
  'links that never close': '[a]('.repeat(N / 4),
  'thousands of pauses': '<!-- pause -->\n\n- item\n\n'.repeat(10_000),
  'thousands of list items': '- item\n'.repeat(20_000),
  'a 100,000-row table': tableDeck(100_000),
  'a 600 KB line of Thai with no space': 'ภาษาไทยเป็นภาษาราชการน้ำใจ'.repeat(7700),
  'a 600 KB line of Khmer with no space': 'ព្រះរាជាណាចក្រកម្ពុជា'.repeat(9600),
  'a 600 KB line of CJK with no space': '漢字かな交じり文中文汉字'.repeat(16700),
};

test('hostile shapes through parse and render, every width', { timeout: 600_000 }, () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    const deck = parseFiles([{ path: 'shape.md', text: `# Shape\n\n${shape}\n\n<!-- notes: ${shape.slice(0, 50_000)} -->\n` }], {});
    for (const slide of deck.slides.slice(0, 3)) {
      for (const width of [10, 80, 200]) {
        checkLines(renderSlideLines(slide, width, renderers[1]), width, `${name}, slide ${slide.index + 1} at ${width}`);
        checkLines(renderNotesLines(slide.notes, width, renderers[1], themes[1]), width, `${name}, notes at ${width}`);
      }
    }
  }
});
