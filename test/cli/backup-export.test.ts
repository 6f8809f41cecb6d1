// Backup slides in what is written out: the handouts (last, under "Backup",
// numbered B1, B2…), the piped text, and the CLI's --json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeck } from '../../src/deck/parse.js';
import { exportDeck } from '../../src/render/export/index.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { renderPlainDeck } from '../../src/render/plain.js';
import { makeTheme } from '../../src/render/theme.js';
import { run } from '../helpers/cli.js';
import { presentLinesText } from '../helpers/lines.js';

const MD = [
  '---\ntitle: Backup Handout\n---',
  '# Overview\n\nmain one',
  '## Findings\n\nmain two',
  '<!-- backup -->\n\n## Extra figures\n\nspare one\n\n<!-- notes: only if asked -->',
  '## Full quote\n\nspare two',
].join('\n\n---\n\n');
const deck = parseDeck(MD, 'backup.md');

test('handouts: the backup slides come last, under a "Backup" heading, numbered B1, B2…', () => {
  const md = exportDeck(deck, 'md');
  assert.match(md, /- \[Backup\]\(#backup\)\n  - \[B1. Extra figures\]/);
  assert.match(md, /## Overview\n\n### 2\. Overview/);
  assert.match(md, /\n## Backup\n\n### B1\. Extra figures\n\nspare one/);
  assert.match(md, /### B2\. Full quote\n\nspare two/);
  assert.ok(md.indexOf('main two') < md.indexOf('## Backup'), 'backup after the main slides');
  assert.match(md, /only if asked/);
  const txt = exportDeck(deck, 'txt');
  assert.match(txt, /\nBackup\n=+\n/);
  assert.match(txt, /B1\. Extra figures/);
  assert.ok(txt.indexOf('main two') < txt.lastIndexOf('B1. Extra figures'));
  const html = exportDeck(deck, 'html');
  assert.match(html, /<h2>Backup<\/h2>/);
  assert.match(html, /<span class="num">B2\.<\/span> Full quote/);
  assert.ok(html.indexOf('main two') < html.lastIndexOf('<h2>Backup</h2>'));
});

test('piped text: the backup slides last under "Backup", each as Backup Bn/N', () => {
  const plain = makeTheme(0);
  const text = renderPlainDeck(deck, 80, createMarkdownRenderer(plain), plain);
  assert.match(text, /Slide 3\/3 — Overview/);
  assert.match(text, /\nBackup\n\n─+\nBackup B1\/2 — Backup\n/);
  assert.match(text, /Backup B2\/2 — Backup/);
  assert.doesNotMatch(text, /Slide [45]\//);
});

test('CLI: --json, check and export of a deck with backup slides', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-backup-'));
  try {
    const file = join(dir, 'deck.md');
    writeFileSync(file, MD);
    const json = JSON.parse(run(['--json', file]).stdout);
    assert.equal(json.main, 3);
    assert.deepEqual(
      json.slides.filter((s: { backup: boolean }) => s.backup).map((s: { label: string }) => s.label),
      ['B1', 'B2'],
    );
    assert.match(run(['check', file]).stdout, /5 slides \(2 backup\) checked/);
    const out = join(dir, 'handout.md');
    assert.equal(run(['export', file, '-o', out]).code, 0);
    assert.match(readFileSync(out, 'utf8'), /## Backup\n\n### B1\. Extra figures/);
    // Piped: the backup slides at the end.
    assert.match(run([file]).stdout, /Backup B2\/2/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the line presenter (TERM=dumb): Enter ends on the last main slide; b2 goes to backup slide 2', async () => {
  const { linePrompt } = await import('../../src/ui/lines.js');
  const small = parseDeck('# One\n\n---\n\n# Two\n\n---\n\n<!-- backup -->\n\n# Spare A\n\n---\n\n# Spare B\n');
  const { text, slide } = await presentLinesText(small, 'b2\np\np\n3\n\n\n');
  assert.equal(
    text,
    [
      slide(0) + linePrompt(0, 4, 2),
      slide(3) + linePrompt(3, 4, 2),
      slide(2) + linePrompt(2, 4, 2),
      '(this is the first backup slide)\n' + linePrompt(2, 4, 2),
      '(type Enter, p, q or a slide number from 1 to 2, or b1 to b2)\n' + linePrompt(2, 4, 2),
      slide(3) + linePrompt(3, 4, 2),
    ].join(''),
  );
  // Enter, Enter: the second main slide, then the end (not the backup slides).
  const { text: ended } = await presentLinesText(small, '\n\n');
  assert.equal(ended, slide(0) + linePrompt(0, 4, 2) + slide(1) + linePrompt(1, 4, 2));
  assert.match(linePrompt(1, 4, 2), /^-- slide 2\/2, the last -- Enter or q quit, p previous, number or b\+number\+Enter go to: $/);
  assert.match(linePrompt(2, 4, 2), /^-- backup 1\/2 -- /);
});
