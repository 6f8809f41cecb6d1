// Slide titles at twice the size (kitty's text sizing protocol, OSC 66): the
// escape sequence, the slide's lines around a doubled title (render/bigtitle.ts),
// the slides view and its painter leaving the title's lower half alone
// (ui/frame.ts), and which terminals are told to draw it (ui/textsize.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import stripAnsi from 'strip-ansi';
import { bigTitleLines, isScaledLine, scaledText } from '../../src/render/bigtitle.js';
import { parseDeck } from '../../src/deck/parse.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { RenderCache } from '../../src/render/cache.js';
import { makeTheme } from '../../src/render/theme.js';
import { paintScreen, slidesScreen } from '../../src/ui/frame.js';
import { drawsScaledText, looksLikeKitty, mayScaleText } from '../../src/ui/textsize.js';

const theme = makeTheme(1);
const md = createMarkdownRenderer(theme);

test('text at twice the size: OSC 66 with s=2, ended by BEL', () => {
  assert.equal(scaledText('Overview'), '\u001b]66;s=2;Overview\u0007');
  assert.ok(isScaledLine(`  ${scaledText('x')}`));
  assert.ok(!isScaledLine('Overview'));
});

test('a doubled title takes two rows; a level-1 rule doubles with it; a title too wide stays as it is', () => {
  const lines = md('# Overview\n\nFirst line.', 40);
  const big = bigTitleLines(lines, 'Overview', 40, false);
  assert.equal(big.length, lines.length + 1);
  assert.ok(big[0].includes(scaledText('Overview')), JSON.stringify(big[0]));
  assert.equal(stripAnsi(big[0].replace(/\u001b\]66;s=2;([^\u0007]*)\u0007/, '$1')), 'Overview');
  assert.equal(big[1], '');
  assert.equal(stripAnsi(big[2]), '━'.repeat(16));
  assert.deepEqual(big.slice(3), lines.slice(2));
  // 2 × 21 columns do not fit 40.
  const wide = md('## A title of 21 chars!!\n\nText.', 40);
  assert.deepEqual(bigTitleLines(wide, 'A title of 21 chars!!', 40, false), wide);
  assert.ok(bigTitleLines(wide, 'A title of 21 chars!!', 42, false)[0].includes('\u001b]66;s=2;'));
  // Only the slide's first line, and only when it is the title.
  assert.deepEqual(bigTitleLines(md('Text first.\n\n## Later', 40), 'Later', 40, false), md('Text first.\n\n## Later', 40));
});

test('the slides view: the title slide centred at double width, the row under a title left blank and never painted', () => {
  const deck = parseDeck('---\ntitle: Big Day\n---\n\n## Overview\n\n- one\n- two\n');
  const cache = new RenderCache(deck, md, theme);
  const screen = (index: number, bigTitles: boolean) =>
    slidesScreen({ deck, cache, theme, cols: 80, rows: 24, index, step: 0, scroll: 0, notes: false, notesScroll: 0, bigTitles })!;
  const title = screen(0, true);
  const at = title.findIndex(isScaledLine);
  assert.ok(at > 0, title.join('\n'));
  // 76 columns wide, "Big Day" doubled is 14: 31 spaces, then the margin of 2.
  assert.match(title[at], /^ {33}\S/);
  const slide = screen(1, true);
  const row = slide.findIndex(isScaledLine);
  assert.equal(slide[row + 1], '');
  assert.deepEqual([slide[row + 2], stripAnsi(slide[row + 3]).trim()], ['', '• one']);
  assert.equal(slide.length, 24);
  assert.equal(screen(1, false).findIndex(isScaledLine), -1);
  // Painting: the covered row is cleared before the title is drawn, never after.
  const out = paintScreen(slide, { previous: screen(0, true) });
  const titleAt = out.indexOf('\u001b]66;');
  const lower = `\u001b[${row + 2};1H`;
  assert.ok(out.includes(lower) && out.lastIndexOf(lower) < titleAt, JSON.stringify(out));
  assert.equal(paintScreen(slide, { previous: slide }), '');
});

test('kitty 0.40.0 and later draw scaled text; other terminals, older kitty and multiplexers do not', () => {
  for (const v of ['kitty(0.40.0)', 'kitty(0.40.1)', 'kitty(0.41.12)', 'kitty(1.0.0)']) assert.ok(drawsScaledText(v), v);
  for (const v of [undefined, '', 'kitty(0.39.1)', 'kitty(0.9.99)', 'xterm.js(5.5.0)', 'XTerm(390)', 'WezTerm 20240203', 'not kitty(0.40.1)']) {
    assert.ok(!drawsScaledText(v), String(v));
  }
  assert.ok(mayScaleText({}));
  assert.ok(!mayScaleText({ TMUX: '/tmp/tmux-1/default,1,0' }));
  assert.ok(!mayScaleText({ STY: '123.pts-0' }));
  assert.ok(looksLikeKitty({ TERM: 'xterm-kitty' }) && looksLikeKitty({ KITTY_WINDOW_ID: '1' }));
  assert.ok(!looksLikeKitty({ TERM: 'xterm-256color' }));
});
