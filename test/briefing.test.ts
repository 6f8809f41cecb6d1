// The bundled briefing in slides/: structure, notes, fit at 80×24, faithfulness checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { parseFiles, sortDeckFiles } from '../src/deck/parse.js';
import { createMarkdownRenderer } from '../src/render/markdown.js';
import { contentWidth, renderSlideLines } from '../src/render/slide.js';
import { makeTheme } from '../src/render/theme.js';
import { layout } from '../src/render/layout.js';

const dir = new URL('../slides/', import.meta.url);
const files = sortDeckFiles(
  readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => ({ path: `slides/${n}`, text: readFileSync(new URL(n, dir), 'utf8') })),
);
const deck = parseFiles(files, { folder: true });
const THEMES = [
  'Foundations',
  'Strategic and diplomatic',
  'Shift in US emphasis',
  'Development assistance',
  'Military-to-military',
  'Exercises and ASEAN chairmanship',
  'Summary',
];

test('one file per section, numbered in the article order', () => {
  assert.equal(files.length, 9);
  files.forEach((f, i) => assert.match(f.path, new RegExp(`^slides/0${i}-`)));
});

test('front matter: title, subtitle, and a date that says the source is from 2011', () => {
  assert.match(deck.meta.title ?? '', /Cambodia.US relations/);
  assert.ok(deck.meta.subtitle);
  assert.match(deck.meta.date ?? '', /2011/);
});

test('sections: opening, the seven themes in order, closing', () => {
  const names = deck.sections.map((s) => s.title);
  assert.equal(names.length, 9);
  THEMES.forEach((t, i) => assert.ok(names[i + 1].includes(t), `section ${i + 1} is "${t}": ${names[i + 1]}`));
  const opening = deck.slides.filter((s) => s.section === 0).map((s) => s.title);
  assert.deepEqual(opening, [deck.meta.title, 'Agenda', 'Bottom line up front']);
  const closing = deck.slides.filter((s) => s.section === 8).map((s) => s.title);
  assert.equal(closing.length, 2);
  assert.match(closing[0], /^Source: .*blog post/);
  assert.equal(closing[1], 'Questions');
  assert.equal(deck.slides[0].kind, 'title');
});

test('the agenda lists every thematic section', () => {
  const agenda = deck.slides.find((s) => s.title === 'Agenda')!;
  for (const s of deck.sections.slice(1, 8)) assert.ok(agenda.body.includes(s.title), s.title);
});

test('bottom line up front: three to five key judgements', () => {
  const bluf = deck.slides.find((s) => s.title === 'Bottom line up front')!;
  const bullets = bluf.body.split('\n').filter((l) => /^- /.test(l));
  assert.ok(bullets.length >= 3 && bullets.length <= 5, `${bullets.length} judgements`);
});

test('every content slide has a title, notes, and at most 6 bullets', () => {
  for (const s of deck.slides.filter((x) => x.kind === 'content')) {
    assert.ok(s.title, `slide ${s.index + 1} has a title`);
    assert.ok(s.notes.trim().length > 40, `slide ${s.index + 1} (${s.title}) has notes`);
    const bullets = s.body.split('\n').filter((l) => /^[-*] /.test(l));
    assert.ok(bullets.length <= 6, `slide ${s.index + 1} (${s.title}) has ${bullets.length} bullets`);
  }
});

test('every slide fits an 80×24 terminal with the status line', () => {
  const { width } = contentWidth(80);
  const rows = layout(80, 24, { banner: false, notes: false }).slideRows - 1;
  for (const level of [0, 1] as const) {
    const md = createMarkdownRenderer(makeTheme(level));
    for (const s of deck.slides) {
      const lines = renderSlideLines(s, width, md);
      assert.ok(lines.length <= rows, `slide ${s.index + 1} (${s.title}): ${lines.length} lines > ${rows}`);
      for (const l of lines) assert.ok(stringWidth(l) <= width, `slide ${s.index + 1}: ${stripAnsi(l)}`);
    }
  }
});

test("no slide or note holds the blog's comment-form boilerplate", () => {
  const boiler = [/Leave a Reply/i, /Log Out/i, /Connecting to/i, /%s/, /commenting using/i, /Fill in your details/i];
  for (const s of deck.slides) {
    for (const re of boiler) {
      assert.doesNotMatch(s.body, re, `slide ${s.index + 1}`);
      assert.doesNotMatch(s.notes, re, `notes of slide ${s.index + 1}`);
    }
  }
});

test("the article's facts are there: figure, dates, names", () => {
  const all = deck.slides.map((s) => `${s.body}\n${s.notes}`).join('\n');
  for (const fact of [
    'US$35 million',
    'USAID',
    'Robert Scher',
    'late October 2011',
    'Deputy Assistant of Defense for South and Southeast Asia',
    'South China Sea',
    'Mekong River',
    'China',
    'RCAF',
    'peacekeeping',
    'demining',
    'anti-terrorism',
    'humanitarian assistance',
    'defense reform',
    'November to December',
    'software support',
    'ASEAN needs',
  ]) {
    assert.ok(all.includes(fact), fact);
  }
  // Only the article's one figure appears as money.
  const money = all.match(/(US\$|\$)\s?\d[\d,.]*\s*(million|billion)?/g) ?? [];
  assert.deepEqual([...new Set(money)], ['US$35 million']);
  // Years: only the article's.
  const years = new Set(all.match(/\b(19|20)\d\d\b/g));
  assert.deepEqual([...years], ['2011']);
});

