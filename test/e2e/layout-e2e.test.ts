// Where things are on the emulated screen: the status line on the last row
// (nothing scrolled), in the slides view and in the views Ink draws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm, type Term } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function deckFile(t: { after(fn: () => void): void }, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-layout-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'deck.md');
  writeFileSync(path, text);
  return path;
}

const last = (term: Term, from = 1) => term.lines()[term.rows - from] ?? '';

for (const cols of [80, 160]) {
  test(`the status line is on the last row at ${cols} columns, in every view, and nothing scrolls`, async (t) => {
    const rows = 24;
    const path = deckFile(t, '---\ntitle: "Status _at_ the bottom :+1:"\n---\n\n## First\n\ntext\n\n---\n\n## Second\n\nmore\n');
    const term = spawnTerm(process.execPath, [CLI, path], { cols, rows });
    t.after(() => term.dispose());
    const atBottom = (re: RegExp) => term.waitFor(() => re.test(last(term)));

    await atBottom(/^ Status at the bottom 👍 .*slide 1 \/ 3\s*$/);
    // The title slide is centred: its first row is blank, the deck title below it.
    assert.equal(term.lines()[0], '');
    term.write('l');
    await atBottom(/slide 2 \/ 3\s*$/);
    // The slide starts under one blank row: the screen did not scroll up by one.
    assert.equal(term.lines()[0], '');
    assert.match(term.lines()[1], /First/);

    term.write('s'); // the section menu, drawn by Ink
    await term.waitFor(/Sections/);
    await atBottom(/slide 2 \/ 3\s*$/);
    term.write('\u001b');
    await term.waitFor((s) => !/Sections/.test(s) && /First/.test(term.lines()[1] ?? ''));
    await atBottom(/slide 2 \/ 3\s*$/);

    term.write('?'); // help, drawn by Ink
    await term.waitFor(/Keys[\s\S]*Esc close/);
    await atBottom(/slide 2 \/ 3\s*$/);
    term.write('q');
    await term.waitForExit();
  });
}

test('a classification banner takes the last row, the status line the one above it', async (t) => {
  const term = spawnTerm(process.execPath, [CLI, fixture('basic.md')], { cols: 80, rows: 24 });
  t.after(() => term.dispose());
  await term.waitFor(() => /slide 1 \/ 6\s*$/.test(last(term, 2)));
  assert.match(term.lines()[0], /UNCLASSIFIED/);
  assert.match(last(term), /UNCLASSIFIED/);
  term.write('p'); // the presenter view, drawn by Ink
  await term.waitFor(() => /Next/.test(term.screen()) && /slide 1 \/ 6\s*$/.test(last(term, 2)));
  assert.match(term.lines()[0], /UNCLASSIFIED/);
  assert.match(last(term), /UNCLASSIFIED/);
  term.write('q');
  await term.waitForExit();
});

test('presenterm columns side by side on a wide terminal, stacked on a narrow one; a centred slide in the middle', async (t) => {
  const path = deckFile(
    t,
    [
      '## Columns',
      '<!-- column_layout: [2, 1] -->',
      '<!-- column: 0 -->',
      'Left column text.',
      '<!-- column: 1 -->',
      'Right column text.',
      '<!-- reset_layout -->',
      'Under both.',
      '<!-- end_slide -->',
      '<!-- jump_to_middle -->',
      'In the middle',
    ].join('\n\n'),
  );
  const term = spawnTerm(process.execPath, [CLI, path], { cols: 160, rows: 24 });
  t.after(() => term.dispose());
  await term.waitFor(/Left column text\. +Right column text\./);
  term.write('p'); // the presenter view (Ink): side by side in its slide pane too
  await term.waitFor((s) => /Next/.test(s) && /Left column text\. +Right column text\./.test(s));
  term.write('p');
  await term.waitFor((s) => !/Next/.test(s) && /Left column text\. +Right column text\./.test(s));
  term.resize(50, 24);
  await term.waitFor((s) => /Right column text\./.test(s) && !/Left column text\. +Right/.test(s));
  const lines = term.lines();
  assert.ok(lines.findIndex((l) => /Left column/.test(l)) < lines.findIndex((l) => /Right column/.test(l)));
  term.write('l');
  await term.waitFor(/slide 2 \/ 2/);
  const row = term.lines().findIndex((l) => /In the middle/.test(l));
  assert.ok(row >= 9 && row <= 12, `row ${row}`);
  term.write('q');
  await term.waitForExit();
});
