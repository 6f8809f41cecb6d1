import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DeckError, parseDeck, parseFiles, sortDeckFiles } from '../../src/deck/parse.js';
import { deckToJson } from '../../src/deck/json.js';
import { cleanText, naturalCompare } from '../../src/deck/clean.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const titles = (md: string) => parseDeck(md).slides.map((s) => s.title);

test('--- between blank lines separates slides', () => {
  assert.deepEqual(titles('# A\n\ntext\n\n---\n\n# B\n\n---\n\n# C'), ['A', 'B', 'C']);
});

test('a --- directly under text is a setext heading, not a separator', () => {
  const deck = parseDeck('Title\n---\n\nbody\n\n---\n\nnext');
  assert.equal(deck.slides.length, 2);
  assert.equal(deck.slides[0].title, 'Title');
  assert.match(deck.slides[0].body, /^Title\n---/);
});

test('--- right after a list item or heading still separates', () => {
  assert.equal(parseDeck('- a\n---\n- b').slides.length, 2);
  assert.equal(parseDeck('## A\n---\n## B').slides.length, 2);
});

test('--- inside a fenced code block is code', () => {
  const md = '# A\n\n```yaml\n---\nkey: 1\n\n---\n```\n\n---\n\n# B';
  const deck = parseDeck(md);
  assert.deepEqual(
    deck.slides.map((s) => s.title),
    ['A', 'B'],
  );
  assert.match(deck.slides[0].body, /```yaml\n---\nkey: 1\n\n---\n```/);
  // Tilde fences and longer fences close only on a matching fence.
  assert.equal(parseDeck('~~~~\n---\n~~~\n\n---\n~~~~\n\n---\n\nafter').slides.length, 2);
});

test('<!-- end_slide --> ends slides, and then a lone --- is a rule on the slide', () => {
  const deck = parseDeck('# A\n\none\n\n---\n\ntwo\n<!-- end_slide -->\n# B');
  assert.deepEqual(
    deck.slides.map((s) => s.title),
    ['A', 'B'],
  );
  assert.match(deck.slides[0].body, /one\n\n---\n\ntwo/);
});

test('empty slides (consecutive separators) are dropped', () => {
  assert.deepEqual(titles('---\n\n# A\n\n---\n\n---\n\n# B\n\n---\n'), ['A', 'B']);
});

test('notes: notes:, speaker_note:, other comments, Note: lines; never on the slide', () => {
  const md = [
    '# One',
    '',
    'visible',
    '',
    '<!-- notes: first note -->',
    '',
    '---',
    '',
    '# Two',
    '',
    '<!-- speaker_note: from presenterm -->',
    '<!-- a plain comment -->',
    '',
    '---',
    '',
    '# Three',
    '',
    'shown',
    '',
    'Notes: after this line',
    '**everything** is notes',
    '',
    '- even lists',
  ].join('\n');
  const deck = parseDeck(md);
  assert.equal(deck.slides[0].notes, 'first note');
  assert.equal(deck.slides[1].notes, 'from presenterm\n\na plain comment');
  assert.equal(deck.slides[2].notes, 'after this line\n**everything** is notes\n\n- even lists');
  for (const s of deck.slides) {
    assert.doesNotMatch(s.body, /<!--|notes|Notes:|presenterm|comment/);
  }
});

test('multi-line notes keep their line breaks and Markdown', () => {
  const deck = parseDeck('# A\n\n<!-- notes:\nLine one\n\n- **point**\n- two\n-->');
  assert.equal(deck.slides[0].notes, 'Line one\n\n- **point**\n- two');
  const yamlBlock = parseDeck('# A\n\n<!-- speaker_note: |\n  first line\n  second line\n-->');
  assert.equal(yamlBlock.slides[0].notes, 'first line\nsecond line');
});

test('directives are neither shown nor notes', () => {
  const deck = parseDeck('# A\n\none\n\n<!-- pause -->\n\ntwo\n<!-- column_layout: [1, 1] -->\n<!-- jump_to_middle -->');
  assert.equal(deck.slides[0].notes, '');
  assert.equal(deck.slides[0].body, '# A\n\none\n\ntwo');
});

test('a comment inside a code fence or code span is code, not a note', () => {
  const deck = parseDeck('# A\n\n```html\n<!-- notes: not a note -->\n```\n\nuse `<!-- x -->` here');
  assert.equal(deck.slides[0].notes, '');
  assert.match(deck.slides[0].body, /<!-- notes: not a note -->/);
  assert.match(deck.slides[0].body, /`<!-- x -->`/);
});

test('a Note: line inside a code fence is code', () => {
  const deck = parseDeck('# A\n\n```\nNote: code\n```');
  assert.equal(deck.slides[0].notes, '');
});

test('front matter: title slide, meta fields, unknown keys ignored', () => {
  const deck = parseDeck('---\ntitle: My *Deck*\nsubtitle: Sub\nauthor: Ann\ndate: 2011\nwhatever: [1, 2]\n---\n\n## Slide');
  assert.deepEqual(deck.meta, { title: 'My *Deck*', subtitle: 'Sub', author: 'Ann', date: '2011' });
  assert.equal(deck.slides.length, 2);
  assert.equal(deck.slides[0].kind, 'title');
  assert.match(deck.slides[0].body, /# My \*Deck\*/);
  assert.equal(deck.slides[1].title, 'Slide');
});

test('front matter without a title makes no title slide', () => {
  const deck = parseDeck('---\nauthor: Ann\n---\n\n## Only');
  assert.equal(deck.slides.length, 1);
  assert.equal(deck.slides[0].kind, 'content');
});

test('malformed front matter is an error that names the line', () => {
  assert.throws(
    () => parseDeck('---\ntitle: ok\nbad: [unclosed\n---\n\n# A', 'deck.md'),
    (err: unknown) => err instanceof DeckError && err.path === 'deck.md' && err.line === 3 && /YAML/.test(err.message),
  );
});

test('a leading --- that opens no YAML mapping is a separator, not front matter', () => {
  assert.deepEqual(titles('---\n# Title\n---\n\n# Next'), ['Title', 'Next']);
});

test('CRLF and a BOM read as if they were not there', () => {
  const lf = '---\ntitle: T\n---\n\n# A\n\n- x\n\n<!-- notes: n -->\n\n---\n\n# B\n';
  const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
  assert.deepEqual(parseDeck(crlf), parseDeck(lf));
});

test('control characters become visible stand-ins everywhere', () => {
  const deck = parseDeck('---\ntitle: "T\\e]0;x\\a"\n---\n\n# A\u001b[31m\n\n<!-- notes: \u0007bell \u009b -->');
  const json = JSON.stringify(deckToJson(deck));
  assert.doesNotMatch(json, /\\u001b|\\u0007|\u009b/);
  assert.match(deck.slides[1].title, /A␛\[31m/);
  assert.equal(cleanText('a\u0000b\u007fc'), 'a␀b␡c');
});

test('one-file sections: # headings and <!-- section: --> directives, untitled first', () => {
  const deck = parseDeck('## Intro\n\n---\n\n# Part one\n\n---\n\n## More\n\n---\n\n<!-- section: Named -->\n\n## X');
  assert.deepEqual(
    deck.sections.map((s) => [s.title, s.first, s.last]),
    [
      ['', 0, 0],
      ['Part one', 1, 2],
      ['Named', 3, 3],
    ],
  );
});

test('a slide that opens a section with `# Section` then `## Title` is titled by the `##` heading', () => {
  const deck = parseDeck('## Intro\n\n---\n\n# Part one\n\n## Why it matters\n\ntext\n\n---\n\n# Alone\n\n---\n\n## More');
  assert.deepEqual(
    deck.sections.map((s) => s.title),
    ['', 'Part one', 'Alone'],
  );
  assert.deepEqual(
    deck.slides.map((s) => s.title),
    ['Intro', 'Why it matters', 'Alone', 'More'],
  );
  // A folder deck: the file's first `#` heading names its section, the `##` one its first slide.
  const folder = parseFiles(
    [
      { path: 'd/1.md', text: '# Start\n\n## Opening words\n\n---\n\n# Other' },
      { path: 'd/2.md', text: '## Plain' },
    ],
    { folder: true },
  );
  assert.deepEqual(folder.slides.map((s) => s.title), ['Opening words', 'Other', 'Plain']);
});

test('emoji shortcodes in titles become the emoji; unknown ones stay as written', () => {
  const deck = parseDeck('---\ntitle: "Ship it :rocket: :+1:"\n---\n\n## Done :tada: at 10:30:45 :notanemoji:');
  assert.equal(deck.slides[0].title, 'Ship it 🚀 👍');
  assert.equal(deck.slides[1].title, 'Done 🎉 at 10:30:45 :notanemoji:');
});

test('the fixture deck: title slide, sections, notes', () => {
  const deck = parseDeck(fixture('basic.md'), 'basic.md');
  assert.equal(deck.meta.classification, 'UNCLASSIFIED');
  assert.deepEqual(
    deck.sections.map((s) => s.title),
    ['Opening', 'Middle section', 'Closing'],
  );
  assert.deepEqual(
    deck.slides.map((s) => s.title),
    ['Fixture Briefing', 'Opening', 'Second slide', 'Third slide', 'Fourth slide', 'Fifth slide'],
  );
  assert.deepEqual(
    deck.slides.map((s) => s.notes),
    ['', 'Say hello to the room.', 'Notes start here\nand go on.', '', 'a plain comment is a note too', ''],
  );
  assert.equal(deck.slides[2].source.line, 18);
});

test('folder decks: natural order, a section per file, deck meta from the first file', () => {
  const files = sortDeckFiles([
    { path: 'd/10-tenth.md', text: fixture('folder/10-tenth.md') },
    { path: 'd/2-second.md', text: fixture('folder/2-second.md') },
    { path: 'd/1-first.md', text: fixture('folder/1-first.md') },
  ]);
  assert.deepEqual(
    files.map((f) => f.path),
    ['d/1-first.md', 'd/2-second.md', 'd/10-tenth.md'],
  );
  const deck = parseFiles(files, { folder: true });
  assert.equal(deck.meta.title, 'Folder Deck');
  assert.deepEqual(
    deck.sections.map((s) => [s.title, s.first, s.last]),
    [
      ['First', 0, 2],
      ['Second file', 3, 3],
      ['Tenth file heading', 4, 4],
    ],
  );
  assert.equal(deck.slides[3].notes, 'two');
});

test('natural compare', () => {
  const names = ['10-x.md', '2-x.md', '1-x.md', 'B.md', 'a.md'];
  assert.deepEqual(names.sort(naturalCompare), ['1-x.md', '2-x.md', '10-x.md', 'a.md', 'B.md']);
  // Names beyond ASCII go to the collator.
  assert.deepEqual(['b.md', 'é.md', 'a.md', 'ä2.md', 'ä10.md'].sort(naturalCompare), ['a.md', 'ä2.md', 'ä10.md', 'b.md', 'é.md']);
});

test('natural compare of ASCII names orders as the collator does, without one', () => {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const sign = (n: number) => Math.sign(n);
  // Every pair of printable ASCII characters.
  for (let x = 0x20; x < 0x7f; x++) {
    for (let y = 0x20; y < 0x7f; y++) {
      const a = String.fromCharCode(x);
      const b = String.fromCharCode(y);
      assert.equal(sign(naturalCompare(a, b)), sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  }
  // File-name-like strings: digit runs (with leading zeros), both cases, punctuation.
  const parts = ['0', '00', '1', '01', '2', '9', '10', '010', '99', '100', 'a', 'A', 'b', 'Z', 'x', '-', '_', '.', ' ', 'md', '/', '~', '(', '$'];
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const name = () => Array.from({ length: 1 + rand(6) }, () => parts[rand(parts.length)]).join('');
  for (let i = 0; i < 20000; i++) {
    const a = name();
    const b = name();
    assert.equal(sign(naturalCompare(a, b)), sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
});

test('a deck with no slides is an error', () => {
  assert.throws(() => parseDeck(''), /empty/);
  assert.throws(() => parseDeck('---\n\n---\n\n---\n'), /no slides/);
  assert.throws(() => parseDeck('<!-- pause -->'), /no slides/);
});

test('--json data: slide numbers are 1-based and sections list their slides', () => {
  const json = deckToJson(parseDeck(fixture('basic.md')));
  assert.equal(json.title, 'Fixture Briefing');
  assert.deepEqual(json.sections[1], { title: 'Middle section', first: 4, last: 4, slides: [4] });
  assert.equal(json.slides[1].number, 2);
  assert.equal(json.slides[1].section, 'Opening');
});

test('<!-- pause --> splits a slide into reveal steps; --no-pauses shows it whole', () => {
  const md = '# A\n\nintro\n\n<!-- pause -->\n\n- one\n<!-- pause -->\n- two\n\n```\n<!-- pause -->\n```';
  const deck = parseDeck(md);
  assert.deepEqual(deck.slides[0].steps, ['# A\n\nintro', '# A\n\nintro\n\n- one', deck.slides[0].body]);
  assert.equal(deck.slides[0].body, '# A\n\nintro\n\n- one\n- two\n\n```\n<!-- pause -->\n```');
  assert.deepEqual(parseFiles([{ path: 'a.md', text: md }], { pauses: false }).slides[0].steps, [deck.slides[0].body]);
  // A pause at the very start or end adds no empty or repeated step.
  assert.equal(parseDeck('<!-- pause -->\n# A\n\ntext\n\n<!-- pause -->').slides[0].steps.length, 1);
});

test('an unclosed comment keeps the rest of its slide visible, not lost', () => {
  const deck = parseDeck('# A\n\nbefore\n\n<!-- never closed\n\nafter text\n\n---\n\n# B\n');
  assert.equal(deck.slides.length, 2);
  assert.match(deck.slides[0].body, /before[\s\S]*never closed[\s\S]*after text/);
  assert.equal(deck.slides[0].notes, '');
});

test('planned minutes: duration: for the deck, per file in a folder, or in a section comment', () => {
  const one = parseDeck('---\ntitle: T\nduration: 20\n---\n\n<!-- section: Intro, 5 min -->\n\n# A\n\n---\n\n<!-- section: Body -->\n\n# B');
  assert.equal(one.meta.duration, 20);
  assert.deepEqual(
    one.sections.map((s) => [s.title, s.minutes]),
    [
      ['Intro', 5],
      ['Body', undefined],
    ],
  );
  const folder = parseFiles(
    [
      { path: 'd/1.md', text: '---\ntitle: T\nduration: 30\nsection: One\n---\n\n# A' },
      { path: 'd/2.md', text: '---\nsection: Two\nduration: 10 min\n---\n\n# B' },
    ],
    { folder: true },
  );
  assert.equal(folder.meta.duration, 30);
  assert.deepEqual(
    folder.sections.map((s) => [s.title, s.minutes]),
    [
      ['One', undefined],
      ['Two', 10],
    ],
  );
});

test('file names cannot carry control sequences into section names, sources or messages', () => {
  const deck = parseFiles([{ path: 'd/01-\u001b]0;pwned\u0007.md', text: 'Just text' }], { folder: true });
  assert.equal(deck.sections[0].title, '␛]0;pwned␇');
  assert.doesNotMatch(JSON.stringify(deckToJson(deck)), /\\u001b|\\u0007/);
});

test('front matter edges: empty block, no body, ... as the closing line, line numbers', async () => {
  const { splitFrontMatter } = await import('../../src/deck/frontmatter.js');
  assert.deepEqual(splitFrontMatter('---\n---\nbody', 'a.md'), { data: {}, body: 'body', bodyLine: 3 });
  assert.deepEqual(splitFrontMatter('---\ntitle: x\n---', 'a.md'), { data: { title: 'x' }, body: '', bodyLine: 4 });
  assert.deepEqual(splitFrontMatter('---\ntitle: x\n...\n\nbody', 'a.md'), { data: { title: 'x' }, body: '\nbody', bodyLine: 4, closedWithDots: true });
  assert.deepEqual(splitFrontMatter('---\ntitle: x\nno close', 'a.md'), { data: {}, body: '---\ntitle: x\nno close', bodyLine: 1 });
});
