// Mermaid pie and xychart blocks drawn as text: widths, labels, values, fall-backs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawMermaid, parseMermaid } from '../../src/render/mermaid/index.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { makeTheme } from '../../src/render/theme.js';
import { stripSgr } from '../../src/render/ansi.js';
import { displayWidth } from '../../src/render/wrap.js';

const plain = makeTheme(0);
const colour = makeTheme(3);
const WIDTHS = [40, 80, 120];

function draw(src: string, width: number, theme = plain): string[] {
  const r = drawMermaid(src, width, theme);
  assert.ok('lines' in r, `drawn at ${width}: ${'problem' in r ? r.problem.note : ''}`);
  for (const l of r.lines) assert.ok(displayWidth(stripSgr(l)) <= width, `"${stripSgr(l)}" is wider than ${width}`);
  return r.lines.map(stripSgr);
}

function problem(src: string, width = 80): string {
  const r = drawMermaid(src, width, plain);
  assert.ok('problem' in r, 'shown as source');
  return r.problem.note;
}

const PIE = `---
title: Pets adopted
---
%%{init: {"theme": "dark"}}%%
pie showData
    accTitle: Pets
    %% a comment
    "Dogs" : 386
    "Cats" : 85.5
    'Rats' : 15`;

test('pie: a bar per slice with its value and percentage, at every width', () => {
  for (const w of WIDTHS) {
    for (const theme of [plain, colour]) {
      const lines = draw(PIE, w, theme);
      assert.equal(lines[0], 'Pets adopted');
      const rows = lines.slice(1);
      assert.equal(rows.length, 3);
      const pct = rows.map((l) => Number(/([\d.]+)%$/.exec(l)![1]));
      assert.equal(Math.round(pct.reduce((a, b) => a + b) * 10), 1000, 'percentages sum to 100');
      assert.deepEqual(pct, [79.3, 17.6, 3.1]);
      for (const [label, value] of [['Dogs', '386'], ['Cats', '85.5'], ['Rats', '15']]) {
        const row = rows.find((l) => l.startsWith(label));
        assert.ok(row && row.includes(` ${value} `), `${label} ${value} at ${w}`);
      }
      // Bars are as long as their slices, to the eighth of a column.
      const bar = (l: string) => [...l].filter((c) => '█▏▎▍▌▋▊▉'.includes(c)).length;
      assert.ok(bar(rows[0]) > bar(rows[1]) && bar(rows[1]) > bar(rows[2]));
    }
  }
});

test('pie: the title on the first line, without showData no values, slices of nothing drawn', () => {
  const lines = draw('pie title Key elements\n"A" : 1\n"B" : 3\n"C" : 0', 60);
  assert.equal(lines[0], 'Key elements');
  assert.match(lines[1], /^A +█+[▏▎▍▌▋▊▉]? +25\.0%$/);
  assert.match(lines[2], /^B +█+ +75\.0%$/);
  assert.match(lines[3], /^C +▏ +0\.0%$/);
  assert.deepEqual(draw('pie\ntitle Later title\n"x" : 2', 40)[0], 'Later title');
});

test('pie: mistakes are shown as source with the line', () => {
  assert.match(problem('pie\n"Cats" 3'), /^mermaid: line 2: pie: expected "label" : value/);
  assert.match(problem('pie\n"Cats" : -3'), /line 2: pie: a slice cannot be negative/);
  assert.match(problem('pie title Nothing'), /pie: no slices/);
  assert.match(problem('pie\n\n  %% note\n"A" : 1\nbogus'), /^mermaid: line 5:/);
});

const XY = `xychart-beta
    title "Sales Revenue"
    x-axis [jan, feb, mar, apr, may, jun]
    y-axis "Revenue (in $)" 0 --> 10000
    bar [5000, 6000, 7500, 8200, 9500, 10000]`;

/** Eighths of a row filled in each column of a chart's plot. */
function columnHeights(lines: string[]): number[] {
  const levels = ' ▁▂▃▄▅▆▇█';
  const rows = lines.filter((l) => /[│┤]/.test(l)).map((l) => l.slice(l.search(/[│┤]/) + 1));
  const width = Math.max(...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, x) => rows.reduce((s, r) => s + Math.max(0, levels.indexOf(r[x] ?? ' ')), 0));
}

test('xychart: bars of eighth blocks on a scale, categories under the axis, at every width', () => {
  for (const w of WIDTHS) {
    const lines = draw(XY, w);
    assert.equal(lines[0], 'Sales Revenue');
    assert.ok(lines.includes('Revenue (in $)'));
    assert.ok(lines.some((l) => /^10000┤/.test(l)), 'the top of the scale');
    assert.ok(lines.some((l) => /^ +0┤/.test(l)), 'the bottom of the scale');
    const cats = lines.find((l) => l.includes('jan'))!;
    for (const c of ['jan', 'feb', 'mar', 'apr', 'may', 'jun']) assert.ok(cats.includes(c), `${c} at ${w}`);
    // Each bar's height (in eighths of a row) is its value on the scale: 10 rows for 10000.
    const heights = [...new Set(columnHeights(lines).filter((h) => h > 0))];
    assert.deepEqual(heights, [40, 48, 60, 66, 76, 80], `heights at ${w}`);
    if (w >= 80) for (const v of ['5000', '8200', '9500']) assert.ok(lines.some((l) => l.includes(v)), `value ${v}`);
  }
});

test('xychart: a line in braille over the bars, a legend for several series, a range for the x axis', () => {
  const src = 'xychart-beta\nx-axis "Year" 2020 --> 2023\ny-axis 0 --> 100\nbar "Sold" [10, 40, 70, 100]\nline "Target" [20, 40, 60, 80]';
  for (const w of WIDTHS) {
    const lines = draw(src, w);
    assert.ok(lines[0].includes('█ Sold') && lines[0].includes('⣀ Target'), lines[0]);
    assert.ok(lines.join('\n').match(/[\u2801-\u28ff]/), 'braille dots');
    const cats = lines.find((l) => l.includes('2020'))!;
    for (const y of ['2020', '2021', '2022', '2023']) assert.ok(cats.includes(y), y);
    assert.ok(lines.at(-1)!.trim() === 'Year');
  }
});

test('xychart: horizontal charts (and charts too narrow for columns) draw a row per category', () => {
  const src = 'xychart-beta horizontal\nx-axis [alpha, beta, gamma]\nbar [3, 5, 2.5]';
  for (const w of WIDTHS) {
    const lines = draw(src, w);
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^alpha │█+[▏▎▍▌▋▊▉]? +3$/);
    assert.match(lines[1], /^beta +│█+ +5$/);
    assert.match(lines[2], /^gamma │█+[▏▎▍▌▋▊▉]? +2\.5$/);
  }
  const many = `xychart-beta\nx-axis [${Array.from({ length: 30 }, (_, i) => `c${i}`).join(', ')}]\nbar [${Array.from({ length: 30 }, (_, i) => i).join(', ')}]`;
  const rows = draw(many, 40);
  assert.equal(rows.filter((l) => /^c\d+ /.test(l)).length, 30);
});

test('xychart: mistakes are shown as source with the line', () => {
  assert.match(problem('xychart-beta\nbar [1, x]'), /line 2: xychart: not a number: x/);
  assert.match(problem('xychart-beta\nx-axis [a, b]'), /no bar or line data/);
  assert.match(problem('xychart-beta\nscatter [1]'), /line 2: xychart: unexpected "scatter \[1\]"/);
  assert.match(problem('xychart-beta\ny-axis [a]\nbar [1]'), /y-axis takes min --> max/);
});

test('other diagram kinds and empty blocks are shown as source with a one-line note', () => {
  assert.equal(problem('sequenceDiagram\n  Alice->>Bob: hi'), 'mermaid: sequenceDiagram is shown as source');
  assert.equal(problem('%% only a comment\n'), 'mermaid: empty diagram; shown as source');
  assert.equal(problem('gantt\ntitle A'), 'mermaid: gantt is shown as source');
  const p = parseMermaid('---\ntitle: x\n---\nclassDiagram\nA <|-- B');
  assert.ok('problem' in p && p.problem.line === 3);
});

test('on a slide: a mermaid block becomes its drawing at the slide width; others keep their source under a note', () => {
  const md = createMarkdownRenderer(plain);
  for (const w of WIDTHS) {
    const lines = md('# Pets\n\n```mermaid\npie\n"Dogs" : 3\n"Cats" : 1\n```\n\n```mermaid\njourney\ntitle Day\n```', w);
    for (const l of lines) assert.ok(displayWidth(l) <= w);
    assert.ok(lines.some((l) => /^Dogs +█+ +75\.0%$/.test(l)), lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('"Dogs" : 3')), 'not the source');
    const note = lines.indexOf('mermaid: journey is shown as source');
    assert.ok(note > 0);
    assert.deepEqual(lines.slice(note + 1, note + 3), ['  journey', '  title Day']);
  }
});

test('a chart in a list item or a quote is drawn narrower, so its rows stay whole', () => {
  const md = createMarkdownRenderer(plain);
  const lines = md('- item\n\n  ```mermaid\n  pie\n  "Alpha" : 3\n  "Beta" : 1\n  ```\n\n> ```mermaid\n> pie\n> "Gamma" : 1\n> ```', 40);
  for (const l of lines) assert.ok(displayWidth(l) <= 40, l);
  assert.ok(lines.some((l) => /^ +Alpha +█+ +75\.0%$/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /^│ Gamma +█+ +100\.0%$/.test(l)), lines.join('\n'));
});
