import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseDeck, parseFiles, sortDeckFiles } from '../../src/deck/parse.js';
import { mainCount, slideLabel } from '../../src/deck/backup.js';

const shape = (deck: ReturnType<typeof parseDeck>) => deck.slides.map((s) => `${s.title}${s.backup ? ' (backup)' : ''}`);

test('<!-- backup --> on its own line: every slide after it is a backup slide, in a section of its own', () => {
  const deck = parseDeck('# Intro\n\none\n\n---\n\n## Two\n\n---\n\n<!-- backup -->\n\n## Spare\n\n---\n\n## Spare two\n');
  assert.deepEqual(shape(deck), ['Intro', 'Two', 'Spare (backup)', 'Spare two (backup)']);
  assert.equal(mainCount(deck), 2);
  assert.deepEqual(
    deck.sections.map((s) => [s.title, s.first, s.last, s.backup ?? false]),
    [
      ['Intro', 0, 1, false],
      ['Backup', 2, 3, true],
    ],
  );
  // The marker is not shown.
  assert.doesNotMatch(deck.slides[2].body, /backup/);
});

test('a marker alone on a slide, or after a slide\'s text, starts the backup slides at the next slide', () => {
  const alone = parseDeck('## A\n\n---\n\n<!-- backup -->\n\n---\n\n## B\n');
  assert.deepEqual(shape(alone), ['A', 'B (backup)']);
  const after = parseDeck('## A\n\ntext\n\n<!-- backup -->\n\n---\n\n## B\n');
  assert.deepEqual(shape(after), ['A', 'B (backup)']);
});

test('the marker inside fenced code, inline or inside another comment is not a marker', () => {
  const code = parseDeck('## A\n\n```markdown\n<!-- backup -->\n```\n\n---\n\n## B\n');
  assert.deepEqual(shape(code), ['A', 'B']);
  assert.match(code.slides[0].body, /<!-- backup -->/);
  assert.deepEqual(shape(parseDeck('## A\n\ntext <!-- backup --> more\n\n---\n\n## B\n')), ['A', 'B']);
  assert.equal(mainCount(parseDeck('## A\n\n---\n\n## B\n')), 2);
});

test('headings after the marker open backup sections; a deck of backup slides only has no backup', () => {
  const deck = parseDeck('# Main\n\nx\n\n---\n\n<!-- backup -->\n\n# Extra one\n\ny\n\n---\n\n# Extra two\n\nz\n');
  assert.deepEqual(
    deck.sections.map((s) => [s.title, s.backup ?? false]),
    [
      ['Main', false],
      ['Extra one', true],
      ['Extra two', true],
    ],
  );
  const only = parseDeck('<!-- backup -->\n\n## A\n');
  assert.equal(mainCount(only), 1);
  assert.equal(only.slides[0].backup, undefined);
});

test('folder decks: a file whose front matter says backup: true is a backup section, moved after the others', () => {
  const deck = parseFiles([
    { path: 'deck/1-intro.md', text: '---\ntitle: Folder\n---\n\n# Intro\n\nx\n' },
    { path: 'deck/2-spare.md', text: '---\nsection: Spare\nbackup: true\n---\n\n## S1\n\n---\n\n## S2\n' },
    { path: 'deck/3-close.md', text: '# Close\n\nz\n' },
  ]);
  assert.deepEqual(shape(deck), ['Folder', 'Intro', 'Close', 'S1 (backup)', 'S2 (backup)']);
  assert.deepEqual(
    deck.sections.map((s) => [s.title, s.first, s.last, s.backup ?? false]),
    [
      ['Intro', 0, 1, false],
      ['Close', 2, 2, false],
      ['Spare', 3, 4, true],
    ],
  );
  deck.slides.forEach((s, i) => {
    assert.equal(s.index, i);
    assert.ok(i >= deck.sections[s.section].first && i <= deck.sections[s.section].last);
  });
  assert.equal(deck.slides[3].source.path, 'deck/2-spare.md');
});

test('the folder fixture with a backup file', () => {
  const dir = new URL('../fixtures/folder-backup/', import.meta.url);
  const files = sortDeckFiles(readdirSync(dir).map((name) => ({ path: name, text: readFileSync(new URL(name, dir), 'utf8') })));
  const deck = parseFiles(files, { folder: true });
  const main = mainCount(deck);
  assert.deepEqual(
    deck.slides.map((s) => slideLabel(s.index, main)),
    deck.slides.map((_, i) => (i < main ? String(i + 1) : `B${i - main + 1}`)),
  );
  assert.deepEqual(deck.sections.filter((s) => s.backup).map((s) => s.title), ['Reserve']);
  assert.equal(deck.slides[deck.slides.length - 1].title, 'Reserve two');
});

test('--json and check know the backup slides', async () => {
  const { deckToJson } = await import('../../src/deck/json.js');
  const { checkDeck, formatFindings } = await import('../../src/check/check.js');
  const { createMarkdownRenderer } = await import('../../src/render/markdown.js');
  const { makeTheme } = await import('../../src/render/theme.js');
  const deck = parseDeck('## A\n\n<!-- notes: n -->\n\n---\n\n## B\n\n---\n\n<!-- backup -->\n\n## C\n\n---\n\n## D\n\n<!-- notes: n -->\n\n---\n\n## E\n');
  const json = deckToJson(deck);
  assert.equal(json.main, 2);
  assert.deepEqual(
    json.slides.map((s) => [s.number, s.label, s.backup]),
    [
      [1, '1', false],
      [2, '2', false],
      [3, 'B1', true],
      [4, 'B2', true],
      [5, 'B3', true],
    ],
  );
  assert.equal(json.sections[1].backup, true);
  const result = checkDeck(deck, createMarkdownRenderer(makeTheme(0)));
  assert.equal(result.backup, 3);
  const lines = formatFindings(result);
  assert.match(lines[0], /slides 2, B1, B3 have no speaker notes/);
  assert.equal(lines[lines.length - 1], '5 slides (3 backup) checked at 80x24 (brief deck): 0 errors, 1 warning');
});
