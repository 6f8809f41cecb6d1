// Slide layout: presenterm's column commands and Slidev's two-cols read into
// blocks (deck/layout.ts), drawn side by side at 80 and 160 columns and
// stacked when too narrow (render/columns.ts), centred slides, and check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import stripAnsi from 'strip-ansi';
import { parseDeck } from '../../src/deck/parse.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { RenderCache } from '../../src/render/cache.js';
import { contentWidth, renderSlideLines } from '../../src/render/slide.js';
import { makeTheme } from '../../src/render/theme.js';
import { checkDeck, sideBySideFrom } from '../../src/check/check.js';
import { slidesScreen } from '../../src/ui/frame.js';
import { exportDeck } from '../../src/render/export/index.js';

const theme = makeTheme(0);
const md = createMarkdownRenderer(theme);

const PRESENTERM = [
  '## Two columns',
  '<!-- column_layout: [2, 1] -->',
  '<!-- column: 0 -->',
  'Left words here.',
  '<!-- pause -->',
  'More on the left.',
  '<!-- column: 1 -->',
  'Right words.',
  '<!-- reset_layout -->',
  'Across the width.',
  '<!-- end_slide -->',
  '<!-- jump_to_middle -->',
  'The end',
  '<!-- end_slide -->',
  '<!-- alignment: center -->',
  'centred',
  '<!-- newlines: 3 -->',
  'three below',
].join('\n\n');

const lines = (deck: ReturnType<typeof parseDeck>, i: number, cols: number, step?: number) =>
  renderSlideLines(deck.slides[i], contentWidth(cols).width, md, step).map((l) => stripAnsi(l));

test('presenterm columns: read as blocks for each step, the body holding them one after the other', () => {
  const deck = parseDeck(PRESENTERM);
  const slide = deck.slides[0];
  assert.equal(slide.body, '## Two columns\n\nLeft words here.\n\nMore on the left.\n\nRight words.\n\nAcross the width.');
  assert.equal(slide.steps.length, 2);
  assert.deepEqual(slide.layout?.[1], [
    { kind: 'text', markdown: '## Two columns' },
    {
      kind: 'columns',
      widths: [2, 1],
      columns: [[{ kind: 'text', markdown: 'Left words here.\n\nMore on the left.' }], [{ kind: 'text', markdown: 'Right words.' }]],
    },
    { kind: 'text', markdown: 'Across the width.' },
  ]);
  // The first step stops at the pause, inside the left column.
  assert.deepEqual(slide.layout?.[0][1], { kind: 'columns', widths: [2, 1], columns: [[{ kind: 'text', markdown: 'Left words here.' }], []] });
  assert.equal(deck.slides[1].center, true);
  assert.deepEqual(deck.slides[2].layout?.[0], [
    { kind: 'text', markdown: 'centred', align: 'center' },
    { kind: 'space', lines: 3 },
    { kind: 'text', markdown: 'three below', align: 'center' },
  ]);
});

for (const cols of [80, 160]) {
  test(`columns side by side in their proportions at ${cols} columns`, () => {
    const deck = parseDeck(PRESENTERM);
    const out = lines(deck, 0, cols);
    const row = out.find((l) => l.startsWith('Left words here.'));
    assert.ok(row, out.join('\n'));
    // Two parts of three for the left column, a gap of 3, then the right column.
    const width = contentWidth(cols).width;
    assert.equal(row.indexOf('Right words.'), Math.floor(((width - 3) * 2) / 3) + 3);
    assert.ok(out.indexOf(row) < out.findIndex((l) => l.includes('More on the left.')));
    assert.equal(out[out.length - 1], 'Across the width.');
    // The first step: the right column is not shown yet.
    assert.doesNotMatch(lines(deck, 0, cols, 0).join('\n'), /Right words|More on the left/);
    const centred = lines(deck, 2, cols);
    assert.equal(centred[0].trim(), 'centred');
    assert.ok(centred[0].indexOf('centred') > width / 2 - 8);
    assert.deepEqual(centred.slice(1, 4), ['', '', '']);
  });
}

test('columns too narrow to read are stacked, and check says from which width they are side by side', () => {
  const deck = parseDeck(PRESENTERM);
  const out = lines(deck, 0, 44);
  assert.ok(out.includes('Left words here.') && out.includes('Right words.'));
  const from = sideBySideFrom([2, 1]);
  assert.ok(from > 44 && from <= 80, String(from));
  assert.ok(lines(deck, 0, from).some((l) => /Left words here\. +Right words\./.test(l)));
  assert.ok(!lines(deck, 0, from - 1).some((l) => /Left words here\. +Right words\./.test(l)));
  const narrow = checkDeck(deck, md, { cols: from - 1, rows: 24 }).findings.filter((f) => f.code === 'stacked-columns');
  assert.equal(narrow.length, 1);
  assert.match(narrow[0].message, new RegExp(`^slide 1: its columns are stacked .* at ${from - 1} columns \\(side by side from ${from} columns\\)`));
  assert.equal(checkDeck(deck, md, { cols: from, rows: 24 }).findings.filter((f) => f.code === 'stacked-columns').length, 0);
  // Handouts hold the columns one after the other.
  assert.match(exportDeck(deck, 'md'), /Left words here\.\n\nMore on the left\.\n\nRight words\./);
});

test('Slidev two-cols and two-cols-header: ::right:: and ::left:: slots side by side', () => {
  const deck = parseDeck(
    [
      '---\ntheme: default\n---\n\n# Hello',
      '---\nlayout: two-cols\n---\n\n# Left side\n\nleft text\n\n::right::\n\n# Right side\n\nright text',
      '---\nlayout: two-cols-header\n---\n\n## Header across\n\n::left::\n\nL words\n\n::right::\n\nR words',
      '---\nlayout: center\n---\n\n# Middle',
    ].join('\n\n'),
  );
  assert.equal(deck.dialect, 'slidev');
  for (const cols of [80, 160]) {
    const two = lines(deck, 1, cols);
    assert.match(two[0], /^Left side +Right side$/);
    assert.ok(two.some((l) => /^left text +right text$/.test(l)));
    const header = lines(deck, 2, cols);
    assert.equal(header[0], 'Header across');
    assert.ok(header.some((l) => /^L words +R words$/.test(l)));
  }
  assert.equal(deck.slides[3].center, true);
});

test('centring: title and section slides by default, front matter center for the deck or one Slidev slide', () => {
  const plain = parseDeck('# Part one\n\n---\n\n## A slide\n\ntext\n\n---\n\n# Part two\n\nwith text');
  assert.deepEqual(plain.slides.map((s) => s.center === true), [true, false, false]);
  const all = parseDeck('---\ncenter: true\n---\n\n## A\n\ntext\n\n---\n\n## B');
  assert.ok(all.slides.every((s) => s.center));
  const slidev = parseDeck('---\ntheme: default\ncenter: true\n---\n\n## A\n\n---\ncenter: false\n---\n\n## B');
  assert.deepEqual(slidev.slides.map((s) => s.center === true), [true, false]);
});

for (const cols of [80, 160]) {
  test(`a centred slide sits in the middle of the screen at ${cols} columns; others start at the top`, () => {
    const deck = parseDeck('## Short\n\none line\n\n---\n\n## Top\n\none line', 'd.md');
    const centred = parseDeck('---\ncenter: true\n---\n\n## Short\n\none line', 'd.md');
    const screen = (d: typeof deck) =>
      slidesScreen({ deck: d, cache: new RenderCache(d, md, theme), theme, cols, rows: 24, index: 0, step: 0, scroll: 0, notes: false, notesScroll: 0 })!.map((l) => stripAnsi(l));
    const top = screen(deck);
    assert.equal(top.length, 24);
    assert.match(top[1], /Short/);
    const mid = screen(centred);
    const row = mid.findIndex((l) => /Short/.test(l));
    assert.ok(row >= 9 && row <= 12, String(row));
    // Centred across too: as a block, in the middle of the width.
    const at = mid[row].indexOf('Short');
    assert.ok(Math.abs(at - cols / 2) < 10, String(at));
    assert.match(mid[23], /slide 1 \/ 1/);
  });
}
