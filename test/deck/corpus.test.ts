// The corpus of real decks written for other presenters (../shared/corpus beside the repository,
// shared material, not copied into the repository): its table of slide and note counts as a
// test, plus the dialect each deck is recognised as, nothing leaking onto a slide, and
// every slide fitting 100×30 or being reported by `check`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkDeck } from '../../src/check/check.js';
import { parseDeck } from '../../src/deck/parse.js';
import { FenceTracker } from '../../src/deck/lines.js';
import type { Deck } from '../../src/deck/types.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { contentWidth, renderSlideLines, renderSlideText } from '../../src/render/slide.js';
import { makeTheme } from '../../src/render/theme.js';
import { layout } from '../../src/render/layout.js';
import { corpusSkip } from '../helpers/corpus.js';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const md = createMarkdownRenderer(makeTheme(0));

interface Row {
  file: string;
  dialect: string;
  /** Content slides (a title slide made from front matter is not counted). */
  slides: number;
  /** Speaker notes on each content slide. */
  notes: number[];
  /** Content slides (1-based, among content slides) taller than 100×30 allows: `check` must report them. */
  overflow?: number[];
}

const zeros = (n: number) => Array.from({ length: n }, () => 0);

// The corpus README's table, pinned. Where it says "plain HTML comments" the count found is pinned.
// Decks with no marker of their dialect at all are read as brief-present's own (they read the same).
const TABLE: Row[] = [
  { file: 'presenterm/examples__demo.md', dialect: 'presenterm', slides: 10, notes: zeros(10) },
  { file: 'presenterm/examples__code.md', dialect: 'presenterm', slides: 4, notes: zeros(4) },
  { file: 'presenterm/examples__columns.md', dialect: 'presenterm', slides: 1, notes: [0] },
  { file: 'presenterm/examples__custom-intro-slides.md', dialect: 'presenterm', slides: 3, notes: zeros(3) },
  { file: 'presenterm/examples__footer.md', dialect: 'presenterm', slides: 2, notes: zeros(2) },
  { file: 'presenterm/examples__speaker-notes.md', dialect: 'presenterm', slides: 2, notes: [2, 3] },
  { file: 'slides/examples__slides.md', dialect: 'brief', slides: 7, notes: zeros(7) },
  { file: 'slides/examples__code_blocks.md', dialect: 'slides', slides: 18, notes: [2, ...zeros(17)] },
  { file: 'slides/examples__metadata.md', dialect: 'slides', slides: 2, notes: zeros(2) },
  { file: 'slides/examples__preprocess.md', dialect: 'slides', slides: 5, notes: zeros(5) },
  { file: 'slides/examples__ascii_slides.md', dialect: 'slides', slides: 4, notes: zeros(4) },
  { file: 'slides/examples__custom_theme.md', dialect: 'slides', slides: 1, notes: [0] },
  { file: 'slides/internal__model__tutorial.md', dialect: 'brief', slides: 5, notes: zeros(5) },
  { file: 'marp/docs__demo.md', dialect: 'marp', slides: 3, notes: [1, 0, 0] },
  { file: 'reveal-md/demo__a.md', dialect: 'reveal-md', slides: 4, notes: [1, 0, 0, 0] },
  { file: 'reveal-md/demo__b.md', dialect: 'brief', slides: 3, notes: zeros(3) },
  { file: 'reveal-md/demo__sub__c.md', dialect: 'reveal-md', slides: 4, notes: [1, 0, 0, 0] },
  { file: 'reveal-md/demo__sub__deep__d.md', dialect: 'reveal-md', slides: 5, notes: zeros(5) },
  { file: 'reveal-md/demo-mermaid__mermaid.md', dialect: 'reveal-md', slides: 4, notes: zeros(4) },
];

function load(file: string): Deck {
  return parseDeck(readFileSync(new URL(file, CORPUS), 'utf8'), file);
}

const contentSlides = (deck: Deck) => deck.slides.filter((s) => s.kind === 'content');

/** The Markdown with fenced code taken out: code may legitimately show `<!--` or `-->`. */
function withoutCode(markdown: string): string {
  const fence = new FenceTracker();
  return markdown
    .split('\n')
    .filter((l) => !fence.step(l))
    .join('\n');
}

/** What must never reach a slide: comments, directives, separators read as text. */
const LEAK = new RegExp(
  [
    '<!--|-->|end_slide|speaker_note|column_layout|reset_layout|jump_to_middle|incremental_lists',
    'newlines:|alignment:|backgroundColor|\\.element:|\\.slide:',
    '^\\s*(pause|stop|fit|_?class:.*)\\s*$|^\\s*Notes?:',
  ].join('|'),
);

test('every corpus deck is in the table', { skip: corpusSkip }, () => {
  const listed = new Set(TABLE.map((r) => r.file));
  const readme = readFileSync(new URL('README.md', CORPUS), 'utf8');
  const inReadme = [...readme.matchAll(/^\| ([\w-]+\/[\w.-]+\.md) \|/gm)].map((m) => m[1]);
  assert.equal(inReadme.length, TABLE.length);
  for (const f of inReadme) assert.ok(listed.has(f), f);
});

for (const row of TABLE) {
  const total = row.notes.reduce((a, b) => a + b, 0);
  test(`corpus ${row.file}: ${row.dialect}, ${row.slides} slides, ${total} notes`, { skip: corpusSkip }, () => {
    const deck = load(row.file);
    assert.equal(deck.dialect, row.dialect, 'dialect');
    const slides = contentSlides(deck);
    assert.equal(slides.length, row.slides, 'content slides');
    assert.deepEqual(
      slides.map((s) => s.noteCount ?? 0),
      row.notes,
      'notes per slide',
    );
    for (const slide of deck.slides) {
      const where = `${row.file} slide ${slide.index + 1}`;
      for (const step of [...slide.steps, slide.body]) {
        const lines = renderSlideText({ ...slide, body: withoutCode(step), steps: [withoutCode(step)] }, 96, md);
        for (const line of lines) assert.doesNotMatch(line, LEAK, `${where}: ${JSON.stringify(line)}`);
      }
      assert.doesNotMatch(slide.notes, /end_slide|column_layout|backgroundColor|\.element:|<!--[sv]-->/, where);
      assert.notEqual(slide.body.trim(), '', `${where} is empty`);
    }
  });
}

test('corpus: every slide fits 100×30, or check reports it', { skip: corpusSkip }, () => {
  const width = contentWidth(100).width;
  for (const row of TABLE) {
    const deck = load(row.file);
    const rows = layout(100, 30, { banner: !!deck.meta.classification, notes: false }).slideRows - 1;
    const content = contentSlides(deck);
    const tall = content.filter((s) => renderSlideLines(s, width, md).length > rows).map((s) => content.indexOf(s) + 1);
    assert.deepEqual(tall, row.overflow ?? [], `${row.file}: slides taller than ${rows} rows`);
    const reported = checkDeck(deck, md, { cols: 100, rows: 30 })
      .findings.filter((f) => f.code === 'overflow')
      .map((f) => content.findIndex((s) => s.index + 1 === f.slide) + 1);
    assert.deepEqual(reported, tall, `${row.file}: check reports the tall slides`);
    for (const s of deck.slides) {
      for (const line of renderSlideLines(s, width, md)) assert.ok(line.length <= width, `${row.file}: too wide`);
    }
  }
});

test('corpus traps', { skip: corpusSkip }, () => {
  // presenterm: `Title` + `---` is a setext heading; lone `---` lines are rules on the slide.
  const demo = load('presenterm/examples__demo.md');
  assert.equal(demo.slides[0].kind, 'title');
  assert.deepEqual(demo.meta, { title: 'Introducing _presenterm_', author: 'Matias' });
  assert.equal(demo.slides[1].title, 'Customizability');
  assert.equal(demo.slides[1].steps.length, 2, '<!-- pause -->');
  assert.match(demo.slides[3].body, /\n-------\n/, 'a rule drawn inside "Code highlighting"');
  assert.match(demo.slides[7].body, /\n---\n/, 'a rule drawn inside "Column layouts"');
  // presenterm hides `# ` lines of an executable Rust snippet.
  assert.doesNotMatch(demo.slides[5].body, /use std::thread::sleep/);
  assert.match(demo.slides[5].body, /fn main\(\)/);
  // The speaker_note inside a fenced block is code, not a note.
  const notes = load('presenterm/examples__speaker-notes.md');
  assert.match(notes.slides[0].body, /```markdown\n<!-- speaker_note: Your speaker note goes here. -->\n```/);
  assert.equal(
    notes.slides[0].notes,
    'This is a speaker note from slide 1.\n\n' +
      'You can use multiple speaker notes within each slide and interleave them with other markdown.',
  );
  // Columns: pauses inside columns and an incremental list are reveal steps; columns read one after the other.
  const columns = load('presenterm/examples__columns.md');
  assert.equal(columns.slides[0].steps.length, 5);
  assert.match(columns.slides[0].body, /After this pause[\s\S]*This is useful[\s\S]*Etcetera/);
  // code.md: `===` setext titles; `/// ` hidden in the executable Python snippet, kept in Rust.
  const code = load('presenterm/examples__code.md');
  assert.deepEqual(
    code.slides.map((s) => s.title),
    ['Code styling', 'Column layouts', 'Snippet execution', 'Snippet execution - stderr'],
  );
  assert.doesNotMatch(code.slides[2].body, /import time/);
  assert.match(code.slides[0].body, /\/\/\/ Greet someone\./);
  // slides: a `--- ` line inside a fence is code; `///` lines are hidden.
  const slides = load('slides/examples__slides.md');
  assert.match(slides.slides[6].body, /Some stuff\n\n--- \n\n# Slide 2/);
  const blocks = load('slides/examples__code_blocks.md');
  assert.doesNotMatch(blocks.slides[5].body, /^\/\/\//m);
  assert.match(blocks.slides[5].body, /import "fmt"\nfmt\.Println/);
  assert.equal(blocks.slides[0].notes, 'Use comments in your markdown!\n\n* `secret`');
  // slides: front matter author and date are the deck's.
  const meta = load('slides/examples__metadata.md');
  assert.deepEqual(meta.meta, { author: 'Gopher', date: 'May 22, 2022' });
  // Marp: the directive is not a note; `<!--fit-->` leaves the heading.
  const marp = load('marp/docs__demo.md');
  assert.equal(marp.slides[0].notes, 'You can also write down presenter notes in HTML comments.');
  assert.match(marp.slides[2].body, /^# +:\+1:$/);
  assert.equal(marp.slides[2].title, '👍'); // the shortcode as its emoji
  // reveal-md: `----` down in reading order; custom separators.
  assert.deepEqual(
    load('reveal-md/demo__a.md').slides.map((s) => [s.title, s.notes]),
    [
      ['Foo', 'test note'],
      ['Bar', ''],
      ['Sub Bar', ''],
      ['The End.', ''],
    ],
  );
  const c = load('reveal-md/demo__sub__c.md');
  assert.deepEqual(
    c.slides.map((s) => s.title),
    ['Foo', 'Bar', 'Sub Bar', 'The End.'],
  );
  assert.equal(c.meta.title, 'Foobar');
  assert.match(c.slides[2].body, /\* Frag 1\n\* Frag 2/);
});
