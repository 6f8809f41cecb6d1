// Mermaid blocks in a deck: what check says about them, and the three handouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkDeck } from '../../src/check/check.js';
import { parseDeck } from '../../src/deck/parse.js';
import { exportDeck } from '../../src/render/export/index.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { makeTheme } from '../../src/render/theme.js';
import { mermaidBlocks } from '../../src/render/mermaid/blocks.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/diagrams.md', import.meta.url));
const text = readFileSync(FIXTURE, 'utf8');
const deck = parseDeck(text, 'diagrams.md');
const md = createMarkdownRenderer(makeTheme(0));
const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test('check: a diagram shown as source is a warning at its deck line, a drawn one is nothing', () => {
  const found = checkDeck(deck, md).findings.filter((f) => f.code === 'mermaid');
  assert.deepEqual(
    found.map((f) => [f.path, f.line, f.severity, f.message]),
    [
      ['diagrams.md', lineOf('sequenceDiagram'), 'warning', 'slide 5: mermaid: sequenceDiagram is shown as source'],
      [
        'diagrams.md',
        lineOf('"Cats" 3'),
        'warning',
        'slide 6: mermaid: line 2: pie: expected "label" : value, found "Cats" 3; shown as source',
      ],
    ],
  );
  assert.deepEqual(checkDeck(deck, md).findings.filter((f) => f.code === 'overflow'), [], 'the drawn slides fit 80x24');
});

test('check: a diagram shown as source on a backup slide names it as the presenter does', () => {
  const src = '# Main\n\ntext\n\n---\n\n<!-- backup -->\n\n# Spare\n\n```mermaid\nsequenceDiagram\n    A->>B: hi\n```\n';
  const found = checkDeck(parseDeck(src, 'spare.md'), md).findings.filter((f) => f.code === 'mermaid');
  assert.deepEqual(
    found.map((f) => f.message),
    ['backup slide B1: mermaid: sequenceDiagram is shown as source'],
  );
});

test('check: a flowchart too wide for the screen is reported', () => {
  const wide = Array.from({ length: 8 }, (_, i) => `  N${i}[Node number ${i}] --> N${i + 1}[Node number ${i + 1}]`);
  const src = `# Wide\n\nSome text.\n\n\`\`\`mermaid\nflowchart LR\n${wide.join('\n')}\n\`\`\`\n`;
  const found = checkDeck(parseDeck(src, 'wide.md'), md).findings.filter((f) => f.code === 'mermaid');
  assert.equal(found.length, 1);
  assert.equal(found[0].line, 6, 'the diagram line');
  assert.match(found[0].message, /^slide 1: mermaid: flowchart needs \d+ columns, 76 fit; shown as source$/);
});

test('mermaid blocks of a slide: their text and first line, other fences skipped', () => {
  assert.deepEqual(mermaidBlocks('a\n```js\nx\n```\n~~~mermaid\npie\n"a" : 1\n~~~\n```mermaid\n```'), [
    { text: 'pie\n"a" : 1', line: 5 },
    { text: '', line: 9 },
  ]);
});

test('handouts: text carries the drawings, Markdown keeps the blocks, HTML has pictures and the drawing', () => {
  const txt = exportDeck(deck, 'txt', { width: 80 });
  assert.match(txt, /\nStaff +█+ +412 +64\.8%\n/);
  assert.match(txt, /│ Request ├──►┤ Valid\? ├/);
  assert.match(txt, /\nmermaid: sequenceDiagram is shown as source\n  sequenceDiagram\n/);
  for (const l of txt.split('\n')) assert.ok(l.length <= 80);
  const narrow = exportDeck(deck, 'txt', { width: 40 });
  assert.match(narrow, /\nStaff +█+ +412 +64\.8%\n/);
  const mdOut = exportDeck(deck, 'md');
  for (const kind of ['pie showData', 'xychart-beta', 'flowchart LR', 'sequenceDiagram']) {
    assert.ok(mdOut.includes('```mermaid\n') && mdOut.includes(kind), kind);
  }
  assert.ok(!mdOut.includes('█'), 'no drawing in the Markdown handout');
  const html = exportDeck(deck, 'html');
  assert.equal(html.match(/<svg class="chart"/g)?.length, 2);
  assert.match(html, /<pre class="diagram"[^>]*>[^<]*│ Request ├/);
  assert.match(html, /<p class="diagram-note">mermaid: sequenceDiagram is shown as source<\/p>/);
  assert.ok(!/(src|href)="http/.test(html.slice(html.indexOf('<main>'))), 'nothing to fetch');
});
