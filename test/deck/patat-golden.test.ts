// patat's own golden tests as an oracle: for each input deck copied from patat's
// tests/golden/, the slide count that patat's `--dump` output gives ("k / N" in its
// footers), and what else those dumps show: speaker notes, reveal steps, no title slide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseFiles } from '../../src/deck/parse.js';

const DIR = new URL('../fixtures/patat-golden/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8')) as Record<
  string,
  { slides: number; dump: string }
>;
const read = (name: string) =>
  parseFiles([{ path: name, text: readFileSync(new URL(name, DIR), 'utf8') }], { dialect: 'patat' });

test('every golden input has its expected count, and every count its input', () => {
  const inputs = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');
  assert.deepEqual(inputs.sort(), Object.keys(expected).sort());
});

for (const [name, { slides, dump }] of Object.entries(expected)) {
  test(`patat golden ${name}: ${slides} slides, as in ${dump}`, () => {
    const deck = read(name);
    assert.equal(deck.slides.length, slides);
    assert.ok(deck.slides.every((s) => s.kind === 'content'), 'patat makes no title slide from front matter');
  });
}

test('patat golden: the inputs are recognised as patat decks, all but the one with no marker', () => {
  const auto = Object.keys(expected).filter(
    (name) => parseFiles([{ path: name, text: readFileSync(new URL(name, DIR), 'utf8') }]).dialect !== 'patat',
  );
  // lists.md is one list: nothing in it says patat, and it reads the same as brief-present's own.
  assert.deepEqual(auto, ['lists.md']);
});

test('patat golden: headings above the slide level are title slides of their own', () => {
  assert.deepEqual(
    read('headers.md').slides.map((s) => s.body),
    [
      '# This could be a title',
      '## This is nested\n\nHere is some content',
      '## This is also nested\n\nHere is more content',
      '# Another topic',
      '## What is going on?\n\nI think we can display slides?',
    ],
  );
  assert.deepEqual(
    read('slidelevel3.md').slides.map((s) => s.title),
    ['This is a title', 'This is a subtitle', 'This is a slide', 'This is another title', 'This is another subtitle', 'This is another slide'],
  );
});

test('patat golden: comments are speaker notes; only `<!--config:` is configuration', () => {
  // tests/golden/outputs/comments.md.dump: {speakerNotes: …} before each slide.
  assert.deepEqual(
    read('comments.md').slides.map((s) => s.notes),
    ["This is a comment so please don't include it.", '- Differently-formatted comment\n\nDifferently-formatted\ncomment'],
  );
  // tests/golden/dump.out/slide-config.md.dump: `<!-- config:` (with a space) is a note.
  const config = read('slide-config.md');
  assert.deepEqual(
    config.slides.map((s) => s.notes),
    ['', 'config:\nThis is not a config, but a speaker comment.  The whitespace matters...', ''],
  );
  for (const s of config.slides) assert.doesNotMatch(s.body, /<!--|-->|slideNumber|margins:|vividYellow/);
});

test('patat golden: `. . .` ends a reveal step; a table border is not a rule', () => {
  // tests/golden/dump.out/fragments02.md.dump: slide 1 shows in three steps.
  assert.deepEqual(read('fragments02.md').slides[0].steps, [
    '# Slide 1\n\nHello',
    '# Slide 1\n\nHello\n\nWorld',
    '# Slide 1\n\nHello\n\nWorld\n\nWhat is up!!!!',
  ]);
  const tables = read('tables.md');
  assert.deepEqual(tables.slides.map((s) => s.title), ['Normal simple table', 'Headerless table', 'Multiline', 'Headerless multiline']);
  assert.match(tables.slides[3].body, /^----------- ------- -+ -+\n {3}First/m);
  // Recognised as patat's on its own: headings make slides, the dashes are tables.
  assert.equal(parseFiles([{ path: 'tables.md', text: readFileSync(new URL('tables.md', DIR), 'utf8') }]).dialect, 'patat');
});
