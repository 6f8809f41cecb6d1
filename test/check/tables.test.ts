// Tables on a slide: the grid width a table needs (render/table.ts), drawn as
// a grid when the terminal gives it that room and as a list when not, and
// check's `table-as-list` warning naming the width from which it is a grid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDeck, formatFindings, tablesAsGridFrom } from '../../src/check/check.js';
import { parseDeck } from '../../src/deck/parse.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { contentWidth, renderSlideLines } from '../../src/render/slide.js';
import { gridWidth } from '../../src/render/table.js';
import { makeTheme } from '../../src/render/theme.js';
import { run } from '../helpers/cli.js';

const md = createMarkdownRenderer(makeTheme(0));
// Ten columns that need 111 columns as a grid: one more than the text width's cap.
const head = Array.from({ length: 10 }, (_, i) => `Heading${i}`);
const row = head.map((_, i) => `value${i}`);
const TABLE = `| ${head.join(' | ')} |\n|${'---|'.repeat(10)}\n| ${row.join(' | ')} |`;
const DECK = `# Intro\n\nNo table here.\n\n---\n\n## Numbers\n\n${TABLE}\n\n---\n\n## Small\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`;
const tables = (cols: number) => checkDeck(parseDeck(DECK, 'deck.md'), md, { cols, rows: 24 }).findings.filter((f) => f.code === 'table-as-list');

test('a ten-column table needs 111 columns: a grid at 120 and 160 columns, a list and a warning at 80', () => {
  assert.equal(gridWidth(head, [row]), 111);
  const slide = parseDeck(DECK).slides[1];
  const from = tablesAsGridFrom(slide, md, 111);
  assert.ok(contentWidth(from).tableWidth >= 111 && contentWidth(from - 1).tableWidth < 111, String(from));
  for (const cols of [80, 120, 160, from - 1, from]) {
    const { width, tableWidth } = contentWidth(cols);
    const lines = renderSlideLines(slide, width, md, undefined, tableWidth);
    const grid = lines.some((l) => l.startsWith('│ Heading0'));
    assert.equal(grid, cols >= from, `${cols} columns:\n${lines.join('\n')}`);
    assert.equal(lines.some((l) => l.startsWith('Heading0: value0')), !grid);
    const found = tables(cols);
    assert.equal(found.length, grid ? 0 : 1, `${cols}: ${JSON.stringify(found)}`);
    if (!grid) {
      assert.equal(found[0].slide, 2);
      assert.equal(found[0].severity, 'warning');
      assert.equal(found[0].line, 7);
      assert.equal(found[0].message, `slide 2: a table is shown as a list, one block per row, at ${cols} columns (a grid from ${from} columns)`);
    }
  }
});

test('a table in a backup slide is named B1; a table that never fits a grid says so', () => {
  const wide = Array.from({ length: 60 }, (_, i) => `Heading${i}`);
  const source = `# A\n\ntext\n\n---\n\n<!-- backup -->\n\n## More\n\n| ${wide.join(' | ')} |\n|${'---|'.repeat(60)}\n| ${wide.join(' | ')} |\n`;
  const deck = parseDeck(source, 'deck.md');
  const found = checkDeck(deck, md).findings.filter((f) => f.code === 'table-as-list');
  assert.equal(found.length, 1, JSON.stringify(checkDeck(deck, md).findings));
  assert.match(found[0].message, /^backup slide B1: a table is shown as a list, .* at 80 columns \(a grid from \d+ columns\)$/);
  const inList = parseDeck(`# A\n\n- item\n\n  ${TABLE.replace(/\n/g, '\n  ')}\n`, 'deck.md');
  const listed = checkDeck(inList, md, { cols: 200, rows: 40 }).findings.filter((f) => f.code === 'table-as-list');
  assert.equal(listed.length, 1);
  assert.match(listed[0].message, /at 200 columns \(too wide for a grid\)$/);
});

test('CLI: check reports a table drawn as a list at the checked size, not at a wide one', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-tables-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deck = join(dir, 'deck.md');
  writeFileSync(deck, DECK);
  const narrow = run(['check', deck]);
  assert.equal(narrow.code, 0, narrow.stderr);
  assert.match(narrow.stdout, /deck\.md:7: warning: slide 2: a table is shown as a list, one block per row, at 80 columns \(a grid from \d+ columns\)/);
  assert.match(narrow.stdout, /0 errors, 1 warning$/m);
  const wide = run(['check', '--json', '--size', '160x40', deck]);
  assert.deepEqual(JSON.parse(wide.stdout).findings, []);
  assert.deepEqual(formatFindings(checkDeck(parseDeck(DECK, 'deck.md'), md, { cols: 160, rows: 40 })).length, 1);
});
