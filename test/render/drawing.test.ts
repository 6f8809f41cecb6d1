import { test } from 'node:test';
import assert from 'node:assert/strict';
import stripAnsi from 'strip-ansi';
import { displayWidth } from '../../src/render/ansi.js';
import { parseDeck } from '../../src/deck/parse.js';
import { exportText } from '../../src/render/export/text.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { renderPlainDeck } from '../../src/render/plain.js';
import { RenderCache } from '../../src/render/cache.js';
import { contentWidth, renderSlideLines } from '../../src/render/slide.js';
import { slidesScreen } from '../../src/ui/frame.js';
import { statusLine } from '../../src/render/status.js';
import { makeTheme } from '../../src/render/theme.js';
import { cliTable, grid, renderTable } from '../../src/render/table.js';

const plain = makeTheme(0);
const color = makeTheme(1);
const mdPlain = createMarkdownRenderer(plain);
const mdColor = createMarkdownRenderer(color);
const WIDTHS = [40, 80, 120];
/** Both renderers at each width, as text without styles. */
const each = (source: string, check: (lines: string[], width: number) => void) => {
  for (const width of WIDTHS) {
    for (const md of [mdPlain, mdColor]) {
      const lines = md(source, width);
      for (const l of lines) assert.ok(displayWidth(l) <= width, `fits ${width}: ${JSON.stringify(stripAnsi(l))}`);
      check(lines.map(stripAnsi), width);
    }
  }
};

test('an ordered list counts its own items, not those of a nested list', () => {
  each('1. a\n2. b\n   - x\n   - y\n3. c', (lines) => {
    assert.deepEqual(lines, ['  1. a', '  2. b', '     • x', '     • y', '  3. c']);
  });
  each('1. a\n2. b\n   1. x\n   2. y\n3. c', (lines) => {
    assert.deepEqual(lines, ['  1. a', '  2. b', '     1. x', '     2. y', '  3. c']);
  });
  each('1. a\n2. b\n   - x\n3. c', (lines) => assert.equal(lines.at(-1), '  3. c'));
  each('7. seven\n8. eight', (lines) => assert.deepEqual(lines, ['  7. seven', '  8. eight']));
});

test('a task item shows one checkbox', () => {
  each('- [ ] open task\n- [x] done task\n- plain item', (lines) => {
    assert.deepEqual(lines, ['  [ ] open task', '  [x] done task', '  • plain item']);
  });
  each('- [ ] loose one\n\n- [x] loose two', (lines) => {
    assert.deepEqual(lines.filter(Boolean), ['  [ ] loose one', '  [x] loose two']);
  });
  // A long task wraps under its text.
  const lines = mdPlain('- [ ] one two three four five six seven eight nine ten', 24);
  assert.deepEqual(lines, ['  [ ] one two three four', '      five six seven', '      eight nine ten']);
});

test('table columns are aligned as the delimiter row asks', () => {
  const source = '| Left | Centre | Right |\n|:--|:-:|--:|\n| a | b | c |\n| longer | longer | longer |';
  each(source, (lines) => {
    assert.deepEqual(lines.slice(1, 5), [
      '│ Left   │ Centre │  Right │',
      '├────────┼────────┼────────┤',
      '│ a      │   b    │      c │',
      '│ longer │ longer │ longer │',
    ]);
  });
  // Cells that wrap keep their column's alignment.
  const narrow = mdPlain('| Name | Amount |\n|:--|--:|\n| widget | 1 234 567 890 |', 22);
  assert.deepEqual(narrow.slice(3, 5), ['│ widget │ 1 234 567 │', '│        │       890 │']);
});

test('heading levels are told apart without colour, and a subtitle from its title', () => {
  const source = '# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six';
  each(source, (lines) => {
    assert.deepEqual(lines.filter(Boolean), ['One', '━━━', 'Two', '▸ Three', '▹ Four', '▹ Five', '▹ Six']);
  });
  // With colour, each level of 4 to 6 is styled its own way.
  const styled = mdColor(source, 80).filter((l) => l.includes('▹'));
  assert.equal(new Set(styled.map((l) => l.replace(/Four|Five|Six/, ''))).size, 3);
  // The title's rule takes the place of the blank line after it.
  each('# Title\n\n## Subtitle\n\nText', (lines) => assert.deepEqual(lines, ['Title', '━━━━━', 'Subtitle', '', 'Text']));
  // A long title wraps; its rule spans no more than the width.
  each(`# ${'word '.repeat(30)}`, (lines, width) => {
    assert.equal(lines.at(-1), '━'.repeat(width));
  });
});

test('a code line too long for the slide goes on in rows marked ↪', () => {
  const long = 'const total = ' + Array.from({ length: 40 }, (_, i) => `part${i}`).join(' + ') + ';';
  each('```js\nfunction sum() {\n    ' + long + '\n}\n```', (lines, width) => {
    assert.equal(lines[0], '  function sum() {');
    assert.equal(lines.at(-1), '  }');
    const rows = lines.slice(1, -1);
    assert.ok(rows.length > 1, `wraps at ${width}`);
    assert.ok(rows[0].startsWith('      const total'), rows[0]);
    for (const row of rows.slice(1)) assert.match(row, /^ {6}↪ \S/, `continued at ${width}`);
    const text = rows.map((r) => r.trim().replace(/^↪ /, '')).join(' ');
    assert.equal(text, long);
  });
  // A line that fits is left alone.
  each('```\nshort();\n```', (lines) => assert.deepEqual(lines, ['  short();']));
});

test('a block quote is readable text behind a bar, never dim or grey', () => {
  const source = '> A quote with **bold** that is long enough to wrap somewhere along the way at forty columns.\n>\n> > And a nested quote that is long enough to wrap at forty columns as well.';
  each(source, (lines, width) => {
    for (const l of lines) assert.match(l, /^│( |$)/, `bar on every row at ${width}: ${l}`);
    assert.ok(lines.some((l) => l.startsWith('│ │ And')), 'the nested quote has two bars');
    for (const l of lines.filter((l) => l.startsWith('│ │'))) assert.match(l, /^│ │ \S/);
  });
  for (const width of WIDTHS) {
    for (const l of mdColor(source, width)) {
      const text = l.slice(l.indexOf('│') + 1);
      assert.doesNotMatch(text, /\u001b\[(2|90|37)m/, `quote text is neither dim nor grey: ${JSON.stringify(l)}`);
    }
    assert.match(mdColor(source, width)[0], /\u001b\[3m/, 'italic');
  }
});

test('struck text stays visible as ~~text~~ without colour: piped text and the .txt handout', () => {
  const source = '# Causes\n\nIncluding ~~deforestation~~ agricultural conversion.';
  for (const width of WIDTHS) {
    assert.equal(mdPlain(source, width).slice(2).join(' '), 'Including ~~deforestation~~ agricultural conversion.');
    const styled = mdColor(source, width).slice(2).join(' ');
    assert.equal(stripAnsi(styled), 'Including deforestation agricultural conversion.');
    assert.match(styled, /\u001b\[9mdeforestation/);
    const deck = parseDeck(source);
    assert.match(renderPlainDeck(deck, width, mdPlain, plain), /Including ~~deforestation~~\s+agricultural/);
    assert.match(exportText(deck, width), /Including ~~deforestation~~\s+agricultural/);
  }
});

test('the status line shows the deck title as plain text', () => {
  for (const cols of WIDTHS) {
    for (const theme of [plain, color]) {
      const line = stripAnsi(
        statusLine({ deckTitle: 'Introducing _presenterm_ and **[more](https://x.org)** :+1:', section: 'Intro', index: 0, count: 3 }, cols, theme),
      );
      assert.equal(displayWidth(line), cols);
      if (cols >= 80) assert.match(line, /^ Introducing presenterm and more 👍 · Intro /);
      assert.doesNotMatch(line, /[_*[\]]/);
    }
  }
});

test('a table too wide for the text width takes the terminal width before it falls back to a list', () => {
  // Ten columns that need 111 columns as a grid: one more than the text width's cap.
  const head = Array.from({ length: 10 }, (_, i) => `Column${i}`);
  const row = head.map((_, i) => `value${i}`);
  const source = `| ${head.join(' | ')} |\n|${'---|'.repeat(10)}\n| ${row.join(' | ')} |`;
  for (const cols of [80, 120, 200]) {
    const { width, tableWidth } = contentWidth(cols);
    const deck = parseDeck(`# T\n\n${source}`);
    const lines = renderSlideLines(deck.slides[0], width, mdPlain, undefined, tableWidth);
    const grid = lines.some((l) => l.startsWith('│ Column0'));
    if (cols >= 120) {
      assert.ok(grid, `a grid at ${cols} columns:\n${lines.join('\n')}`);
      for (const l of lines) assert.ok(displayWidth(l) <= tableWidth && contentWidth(cols).margin + displayWidth(l) <= cols);
      const cache = new RenderCache(deck, mdColor, color);
      const screen = slidesScreen({ deck, cache, theme: color, cols, rows: 30, index: 0, step: 0, scroll: 0, notes: false, notesScroll: 0 });
      assert.ok(screen!.some((l) => stripAnsi(l).includes('│ Column0')), `the grid on screen at ${cols}`);
      for (const l of screen!) assert.ok(displayWidth(l) <= cols, `screen row fits ${cols}`);
    } else {
      assert.ok(!grid, `a list at ${cols} columns`);
      assert.ok(lines.some((l) => l.startsWith('Column0: value0')));
    }
    // Text keeps its width.
    for (const l of mdPlain(`${'word '.repeat(60)}\n\n${source}`, width, tableWidth)) {
      if (!l.includes('│') && !l.includes('─')) assert.ok(displayWidth(l) <= width);
    }
  }
});

test('a table of thousands of rows is drawn in pieces that join into one grid', () => {
  const theme = makeTheme(2);
  const head = ['n', 'value', 'notes'];
  const row = (i: number) => [String(i % 1000).padStart(3, '0'), 'v'.repeat(i % 13), i % 5 ? 'some words that wrap in the cell' : ''];
  const align = ['right', null, 'center'] as const;
  const whole = renderTable(head, Array.from({ length: 1300 }, (_, i) => row(i)), 50, theme, [...align]).split('\n');
  // The first 100 rows, drawn in one piece, are how the big table begins.
  const small = renderTable(head, Array.from({ length: 100 }, (_, i) => row(i)), 50, theme, [...align]).split('\n');
  assert.deepEqual(whole.slice(0, small.length - 1), small.slice(0, -1));
  const plain = whole.map((l) => stripAnsi(l));
  assert.match(plain[0], /^┌─+┬─+┬─+┐$/);
  assert.match(plain.at(-1)!, /^└─+┴─+┴─+┘$/);
  assert.equal(plain.filter((l) => /^[┌├└]/.test(l)).length, 3, 'one top, one rule under the head, one bottom');
  for (const l of whole) assert.equal(displayWidth(l), displayWidth(whole[0]));
  const numbers = plain.flatMap((l) => /^│ +(\d+) │/.exec(l)?.[1] ?? []);
  assert.deepEqual(numbers, Array.from({ length: 1300 }, (_, i) => String(i % 1000).padStart(3, '0')));
});

test('a table whose cells fit is drawn directly, exactly as cli-table3 draws it', () => {
  const theme = makeTheme(2);
  let seed = 11;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const words = ['', 'a', 'word', '**x**', 'Phnom Penh', '\u001b[1mbold\u001b[22m', '漢字', 'é', '—'];
  const aligns = ['left', 'center', 'right', null] as const;
  for (let k = 0; k < 200; k++) {
    const cols = 1 + rand(5);
    const cell = () => words[rand(words.length)] + (rand(2) ? ' ' + words[rand(words.length)] : '');
    const head = Array.from({ length: cols }, cell);
    const rows = Array.from({ length: rand(6) }, () => Array.from({ length: 1 + rand(cols) }, cell));
    const align = Array.from({ length: cols }, () => aligns[rand(4)]);
    const widths = Array.from({ length: cols }, (_, c) =>
      Math.max(1, ...[head[c], ...rows.map((r) => r[c] ?? '')].map((s) => displayWidth(s))) + 2 + rand(3));
    const strong = head.map((h) => theme.strong(h));
    assert.equal(grid(strong, rows, widths, align), cliTable(head, rows, widths, theme, align), `case ${k}`);
  }
});
