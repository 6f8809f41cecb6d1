// Reading decks written for other presenters: recognising the dialect, and each
// dialect's rules and traps, on small decks made for the purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIALECTS, parseDeck, parseFiles, type Deck, type Dialect } from '../../src/deck/parse.js';
import { deckToJson } from '../../src/deck/json.js';
import { setFlagsFromString } from 'node:v8';
import { separatorFromPattern } from '../../src/deck/dialects/reveal-md.js';
import { pickRange } from '../../src/deck/imports.js';
import { importReader, loadDeck } from '../../src/io/load.js';
import { corpusSkip } from '../helpers/corpus.js';

// As the launcher does (src/launch.ts): separator patterns run on V8's linear-time engine.
setFlagsFromString('--enable-experimental-regexp-engine');

const FIXTURES = new URL('../fixtures/dialects/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const read = (md: string, dialect?: Dialect, pauses?: boolean): Deck =>
  parseFiles([{ path: 'deck.md', text: md }], { dialect, pauses });
const titles = (deck: Deck) => deck.slides.map((s) => s.title);
const notes = (deck: Deck) => deck.slides.map((s) => s.notes);
const lines = (...l: string[]) => l.join('\n');

test('the dialect is recognised from the deck itself', () => {
  const cases: [string, Dialect][] = [
    ['---\nmarp: true\n---\n\n# A\n\n---\n\n# B', 'marp'],
    ['# A\n\n<!-- _class: lead -->\n\n---\n\n# B', 'marp'],
    ['# A\n\n<!-- paginate: true -->', 'marp'],
    ['# A\n\n<!-- end_slide -->\n\n# B', 'presenterm'],
    ['# A\n\n<!-- column_layout: [1, 1] -->\n\n<!-- column: 0 -->\n\nx', 'presenterm'],
    ['---\ntitle: T\nsub_title: S\n---\n\n# A', 'presenterm'],
    ['---\ntheme:\n  name: dark\n---\n\n# A', 'presenterm'],
    ['---\nseparator: <!--s-->\n---\n\nA\n\n<!--s-->\n\nB', 'reveal-md'],
    ['A\n\n---\n\nB\n\n----\n\nC', 'reveal-md'],
    ['# A\n\n- x <!-- .element: class="fragment" -->', 'reveal-md'],
    ['---\ntheme: seriph\nlayout: cover\n---\n\n# A', 'slidev'],
    ['# A\n\n---\nlayout: center\n---\n\n# B', 'slidev'],
    ['# A\n\n::right::\n\nx', 'slidev'],
    ['---\ntitle: T\npatat:\n  wrap: true\n...\n\n# A\n\nx', 'patat'],
    ['% Title\n% Author\n\n# A\n\nx', 'patat'],
    ['---\ntitle: T\n...\n\n# A\n\nx\n\n---\n\n# B\n\ny', 'patat'],
    ['# A\n\none\n\n. . .\n\ntwo', 'patat'],
    ['# A\n\nx\n\n# B\n\ny', 'patat'],
    ['---\ntitle: T\nstyles:\n  margin: 1\n---\n\n# A', 'lookatme'],
    ['# A\n\none\n\n<!-- stop -->\n\ntwo', 'lookatme'],
    ['---\npaging: Page %d of %d\n---\n\n# A', 'slides'],
    ['---\ntheme: dracula\n---\n\n# A', 'slides'],
    ['---\ntheme: ./my-theme.json\n---\n\n# A', 'slides'],
    ['# A\n\n```go\n///package main\nfmt.Println(1)\n```', 'slides'],
    ['# A\n\n~~~graph-easy --as=boxart\n[ A ] -> [ B ]\n~~~', 'slides'],
    ['# A\n\ntext\n\n---\n\n# B', 'brief'],
    ['# Only one heading\n\ntext', 'brief'],
    ['just text', 'brief'],
  ];
  for (const [md, dialect] of cases) assert.equal(read(md).dialect, dialect, JSON.stringify(md));
});

test('--dialect overrides detection, and every name is accepted', () => {
  const names = ['brief', 'presenterm', 'marp', 'slidev', 'reveal-md', 'slides', 'patat', 'lookatme'];
  assert.deepEqual([...DIALECTS], names);
  const md = '# A\n\nx\n\n# B\n\ny';
  assert.equal(read(md).dialect, 'patat');
  assert.equal(read(md, 'brief').dialect, 'brief');
  assert.equal(read(md, 'brief').slides.length, 1);
  assert.equal(read(md, 'patat').slides.length, 2);
});

test('--json carries the dialect', () => {
  assert.equal(deckToJson(read('# A\n\n<!-- end_slide -->\n\n# B')).dialect, 'presenterm');
  assert.equal(deckToJson(read('# A')).dialect, 'brief');
});

test('a folder deck is recognised from all its files but never split at headings', () => {
  const deck = parseFiles(
    [
      { path: 'd/1.md', text: '# One\n\nx\n\n## Sub\n\ny' },
      { path: 'd/2.md', text: '# Two\n\n<!-- speaker_note: hi -->' },
    ],
    { folder: true },
  );
  assert.equal(deck.dialect, 'presenterm');
  assert.equal(deck.slides.length, 2);
  const one = parseFiles([{ path: 'd/1.md', text: '# One\n\nx\n\n# Two\n\ny' }], { folder: true });
  assert.equal(one.dialect, 'brief');
  assert.equal(one.slides.length, 1);
  assert.equal(
    parseFiles(
      [
        { path: 'd/1.md', text: '# One\n\nx\n\n# Two\n\ny' },
        { path: 'd/2.md', text: '# Three' },
      ],
      { folder: true },
    ).dialect,
    'brief',
  );
});

test('presenterm: end_slide only, --- is a rule, setext titles, layout comments understood', () => {
  const deck = read(fixture('presenterm.md'));
  assert.equal(deck.dialect, 'presenterm');
  assert.deepEqual(deck.meta, { title: 'Talk', subtitle: 'A subtitle', author: 'Ann, Bob', date: '2024-05-01' });
  assert.equal(deck.slides[0].kind, 'title');
  assert.match(deck.slides[0].body, /## A subtitle\n\nAnn, Bob · 2024-05-01/);
  assert.deepEqual(titles(deck), ['Talk', 'First', 'Columns', 'Last']);
  const first = deck.slides[1];
  assert.match(first.body, /^First\n---\n\none\n\n---\n\ntwo$/);
  assert.equal(first.notes, 'line one\nline two');
  const columns = deck.slides[2];
  assert.equal(columns.notes, '');
  assert.equal(columns.body, 'Columns\n===\n\nleft\n\nright\n\nafter');
  assert.equal(columns.steps.length, 2);
  // Executable snippets hide `# ` lines in Rust and `/// ` lines elsewhere; other code is untouched.
  const last = deck.slides[3].body;
  assert.doesNotMatch(last, /hidden use|import hidden/);
  assert.match(last, /```rust \+exec\nfn main\(\) \{\}\n```/);
  assert.match(last, /```python \+exec\nprint\(1\)\n```/);
  assert.match(last, /```rust\n\/\/\/ Docs stay\.\n# not hidden without \+exec\n```/);
});

test('presenterm: options.end_slide_shorthand makes --- split too', () => {
  const md = '---\noptions:\n  end_slide_shorthand: true\n---\n\n# A\n\n---\n\n# B\n\n<!-- end_slide -->\n\n# C';
  assert.deepEqual(titles(read(md)), ['A', 'B', 'C']);
  assert.deepEqual(titles(read(md.replace('true', 'false'))), ['A', 'C']);
});

test('presenterm: <!-- incremental_lists: true --> reveals the following list item by item', () => {
  const before = ['# A', '', '- a', '- b', ''];
  const deck = read(lines(...before, '<!-- incremental_lists: true -->', '', '- one', '- two', '  - nested', '- three'));
  assert.deepEqual(deck.slides[0].steps, [
    '# A\n\n- a\n- b\n\n- one',
    '# A\n\n- a\n- b\n\n- one\n- two\n  - nested',
    deck.slides[0].body,
  ]);
  assert.equal(deck.dialect, 'presenterm');
  assert.equal(read('# A\n\n<!-- incremental_lists: false -->\n\n- one\n- two').slides[0].steps.length, 1);
});

test('Marp: --- (and *** / ___) split; directives are not notes, other comments are', () => {
  const deck = read(fixture('marp.md'));
  assert.equal(deck.dialect, 'marp');
  assert.deepEqual(titles(deck), ['Hello', 'Second', 'Third', 'Big']);
  assert.equal(deck.slides[0].kind, 'content', 'no title slide from front matter');
  assert.equal(deck.meta.title, 'Marp deck');
  assert.deepEqual(notes(deck), ['A presenter note.', '', 'Two notes:\n\nfirst point\n\nsecond point', '']);
  for (const s of deck.slides) assert.doesNotMatch(s.body, /<!--|class|paginate|backgroundColor|color:/);
  assert.match(deck.slides[3].body, /^# +Big$/);
});

test('Marp: headingDivider splits before headings', () => {
  const md = '---\nmarp: true\nheadingDivider: 2\n---\n\n# A\n\nx\n\n## B\n\ny\n\n### C\n\nz';
  assert.deepEqual(titles(read(md)), ['A', 'B']);
  const comment = '---\nmarp: true\n---\n\n<!-- headingDivider: 1 -->\n\n# A\n\nx\n\n## B\n\n# C';
  assert.deepEqual(titles(read(comment)), ['A', 'C']);
});

test("Marpit's own tests: headingDivider levels, and which comments are presenter notes", () => {
  // marp-team/marpit test/markdown/heading_divider.js: `# 1st\n## 2nd\n### 3rd\n#### 4th`.
  const headings = '# 1st\n## 2nd\n### 3rd\n#### 4th';
  const divided = (front: string) => read(`---\nmarp: true\n${front}\n---\n\n${headings}`).slides.length;
  assert.equal(divided('headingDivider: 3'), 3, 'before h2 and h3');
  assert.equal(divided('headingDivider: [3]'), 2, 'before h3 only');
  assert.equal(divided('headingDivider: [2, 4]'), 3, 'before h2 and h4');
  assert.equal(divided('headingDivider: 4'), 4);
  assert.equal(divided('headingDivider: false'), 1);
  assert.equal(divided('headingDivider: invalid'), 1);
  assert.equal(read(`---\nmarp: true\n---\n\n${headings}\n<!-- headingDivider: [2,4] -->`).slides.length, 3);
  // marp-team/marpit test/markdown/collect_comment.js: comments that are not directives are notes;
  // a YAML comment with any real directive is not, one with only unknown keys is.
  const text = lines(
    ...['---', 'marp: true', '---', '', '# First page', '', '<!-- This is comment -->', '<!--', 'multiline', 'comment', '-->', ''],
    ...['---', '', '# Second page', '', '<!-- theme: default -->', '<!--', 'color: white'],
    ...['note: Comment would not collect if yaml has included correct directive.', '-->', '<!--'],
    ...['note: "Comment would collect if yaml has only invalid directive."', '-->', '', '---', '', '# Third page', ''],
    ...['<!-- theme: is-invalid-theme-but-not-collect-because-theme-iss-correct-directive -->', '', '---', ''],
    '# Fourth <!-- inline comment --> page',
  );
  const notesOf = read(text).slides.map((s) => s.notes.split('\n\n').filter(Boolean));
  assert.deepEqual(notesOf[0], ['This is comment', 'multiline\ncomment']);
  assert.equal(notesOf[1].length, 1);
  assert.match(notesOf[1][0], /Comment would collect if yaml has only invalid directive/);
  assert.deepEqual(notesOf.slice(2), [[], ['inline comment']]);
});

test('a Marp directive in a deck read as brief-present\'s own is a note, and check is told', () => {
  const deck = read('# A\n\n<!-- backgroundColor: red -->', 'brief');
  assert.equal(deck.slides[0].notes, 'backgroundColor: red');
  assert.equal(deck.diagnostics?.[0].code, 'unknown-directive');
  assert.match(deck.diagnostics![0].message, /backgroundColor.*--dialect marp/);
});

test('Slidev: per-slide front matter is not a slide; the last comment is the note', () => {
  const deck = read(fixture('slidev.md'));
  assert.equal(deck.dialect, 'slidev');
  assert.equal(deck.meta.title, 'Slidev deck');
  assert.deepEqual(titles(deck), ['Welcome', 'Centred', 'Menu title', 'Two columns']);
  assert.deepEqual(notes(deck), ['The note for the first slide.', '', 'last comment wins', '']);
  for (const s of deck.slides) assert.doesNotMatch(s.body, /layout|class:|hide|::right::|<!--/);
  assert.equal(deck.slides[1].source.line, 22, 'the slide starts after its front matter');
  assert.match(deck.slides[3].body, /left side\n\nright side/);
});

test('Slidev: a comment is the note only when nothing follows it on the slide', () => {
  // Slidev's parseSlide (packages/parser/src/core.ts) takes the last comment and keeps it
  // as the note only if it ends the slide's content; otherwise it stays in the slide, unseen.
  const deck = read(
    lines(
      ...['# A', '', '<!-- hidden: text follows -->', '', 'text', '', '---', ''],
      ...['# B', '', 'text <!-- same line, last: the note -->', '', '---', ''],
      ...['# C', '', '<!-- hidden: a slot marker follows -->', '', '::right::', '', 'right', '', '---', ''],
      ...['# D', '', '<!-- hidden: code follows -->', '', '```js', 'x', '```', '', '---', ''],
      ...['# E', '', '<!-- first -->', '<!-- second, last -->', '', ''],
    ),
    'slidev',
  );
  assert.deepEqual(notes(deck), ['', 'same line, last: the note', '', '', 'second, last']);
  for (const s of deck.slides) assert.doesNotMatch(s.body, /<!--|hidden/);
  // The same slides read as brief-present's own: every comment is a note.
  assert.equal(read('# A\n\n<!-- one -->\n\ntext', 'brief').slides[0].notes, 'one');
});

test('patat: only a comment that opens exactly `<!--config:` is configuration', () => {
  // patat's fromPandocBlock (lib/Patat/Presentation/Syntax.hs) strips the prefix "<!--config:";
  // its golden test slide-config.md shows `<!-- config:` (with a space) as a speaker note.
  const md = lines('# A', '', '<!--config: margins: {top: 2} -->', '', 'x', '', '# B', '', 'y', '', '<!-- config:', 'not a config', '-->');
  const deck = read(md, 'patat');
  assert.deepEqual(notes(deck), ['', 'config:\nnot a config']);
  for (const s of deck.slides) assert.doesNotMatch(s.body, /config/);
});

/** A deck read as the CLI reads it, Slidev imports included. */
const load = (path: string) => {
  const file = fileURLToPath(new URL(path, import.meta.url));
  const loaded = loadDeck(file);
  return parseFiles(loaded.files, { folder: loaded.folder, readImport: importReader(file, loaded.folder) });
};
const where = (deck: Deck) => deck.slides.map((s) => `${s.source.path.replace(/^.*slidev-import\//, '')}:${s.source.line}`);

test('Slidev: `src:` imports the slides of another file in its place', () => {
  const deck = load('../fixtures/slidev-import/slides.md');
  assert.equal(deck.dialect, 'slidev');
  assert.deepEqual(titles(deck), [
    'Welcome',
    'Contents', // the importing block's title names the first imported slide
    'Table of Contents, again', // a hidden slide of the imported file stays hidden
    'Page 4',
    'Table of Contents, again', // `#3`: the third slide of the file only
    'The cover', // `/pages/…`: from the deck's folder; the imported file's front matter is its first slide's
    'Missing: ./pages/missing.md',
    'Loop', // the import of itself is left out; `hide: true` on an import imports nothing
  ]);
  assert.deepEqual(where(deck).slice(0, 3), ['slides.md:6', 'pages/toc.md:1', 'pages/toc.md:13']);
  assert.equal(deck.slides[2].notes, 'the note of part 2');
  assert.doesNotMatch(deck.slides[1].body, /ignored/, "the importing slide's own content is not shown");
  const missing = deck.slides[6];
  assert.match(missing.body, /^# Missing slides\n\nSlidev would import `\.\/pages\/missing\.md` here: `.*pages\/missing\.md` could not be read \(no such file or folder\)\.$/);
  assert.deepEqual(
    deck.diagnostics!.map((d) => [d.path.replace(/^.*slidev-import\//, ''), d.line, d.code, d.severity ?? 'warning']),
    [
      ['slides.md', 35, 'missing-import', 'error'],
      ['pages/loop.md', 4, 'bad-import', 'warning'],
    ],
  );
  // Without a reader (a deck given as text), an import is reported, never silently dropped.
  const text = read('# A\n\n---\nsrc: ./b.md\n---\n');
  assert.deepEqual(titles(text), ['A', 'Missing: ./b.md']);
  assert.equal(text.diagnostics![0].code, 'missing-import');
});

test("Slidev's own parser fixtures: imports, nested and root-relative, loops, ranges, escapes", () => {
  // slidevjs/slidev test/fixtures/markdown: multi-entries.md imports from its headmatter on.
  const multi = load('../fixtures/slidev-import/slidev-parser/multi-entries.md');
  assert.deepEqual(titles(multi), [
    ...['Page 1', 'Page 2', 'Page 3', 'Page 4'],
    ...['Page 1', 'Page 2', 'Page 3', 'Page 4'],
    'Inline Page',
  ]);
  assert.deepEqual(multi.diagnostics, []);
  const circular = load('../fixtures/slidev-import/slidev-parser/circular/a.md');
  assert.deepEqual(titles(circular), ['A']);
  assert.deepEqual(circular.diagnostics!.map((d) => d.code), ['bad-import']);
  const range = load('../fixtures/slidev-import/slidev-parser/out-of-range/entry.md');
  assert.deepEqual(titles(range), ['Entry']);
  assert.match(range.diagnostics![0].message, /#0 picks none of its 2 slides/);
  const escaping = load('../fixtures/slidev-import/slidev-parser/escaping/root/entry.md');
  assert.equal(escaping.slides.length, 2);
  assert.match(escaping.diagnostics![0].message, /outside the deck's folder/);
  assert.equal(escaping.diagnostics![0].severity, 'error');
  // packages/parser/src/utils.ts parseRangeString: `1,3-5,8`, open ends, all / none.
  assert.deepEqual(pickRange(10, '1,3-5,8'), [1, 3, 4, 5, 8]);
  assert.deepEqual(pickRange(5, '4-'), [4, 5]);
  assert.deepEqual(pickRange(3, 'all'), [1, 2, 3]);
  assert.deepEqual(pickRange(3, 'none'), []);
  assert.deepEqual(pickRange(3, '2;2,9'), [2]);
});

test("Slidev's own parser tests: any line starting with --- splits, even under text", () => {
  // slidevjs/slidev test/parser.test.ts, 'parse' and 'parse section matter'.
  const plain = '\na\n\n---\n\nb\n\n---\nlayout: z\n---\nc\n----\nd\n----\ne\n\n---\n\nf\n\n';
  const sections = '\na\n\n---\n\nb\n\n---section2\nlayout: z\n---\nc\n----   section 3\nd\n---- section-4\ne\n\n---\n\nf\n\n';
  for (const md of [plain, sections]) {
    const deck = read(md, 'slidev');
    assert.deepEqual(deck.slides.map((s) => s.body), ['a', 'b', 'c', 'd', 'e', 'f']);
  }
  assert.equal(read(plain).dialect, 'slidev');
});

test('reveal-md: --- across, ---- down, both slides in reading order; Note: starts the notes', () => {
  const deck = read('A\n\nNote: about A\n\n---\n\nB\n\n----\n\nB down\n\n---\n\nC\n---\n\ntext');
  assert.equal(deck.dialect, 'reveal-md');
  assert.deepEqual(titles(deck), ['A', 'B', 'B down', 'C']);
  assert.equal(deck.slides[0].notes, 'about A');
  assert.equal(deck.slides[3].body, 'C\n---\n\ntext', 'a --- under text is a setext heading');
  assert.equal(deck.slides[0].kind, 'content');
  assert.equal(read('A\n\n  note: lower case too\n\n----\n\nB').slides[0].notes, 'lower case too');
  // Longer dash lines are rules.
  assert.equal(read('A\n\n----\n\nB\n\n-----\n\nstill B').slides.length, 2);
});

test('reveal-md: front matter separators replace the defaults (literal or regex), outside code', () => {
  const deck = read(fixture('reveal-custom.md'));
  assert.equal(deck.dialect, 'reveal-md');
  assert.deepEqual(titles(deck), ['One', 'Two', 'Two down', 'Three']);
  assert.deepEqual(notes(deck), ['first note', '', '', '']);
  assert.match(deck.slides[1].body, /---\n\nstill two/, 'the default --- is a rule now');
  assert.match(deck.slides[3].body, /```\n<!--s-->\n```/, 'a separator inside code is code');
  for (const s of deck.slides) assert.doesNotMatch(s.body.replace(/```[\s\S]*?```/g, ''), /<!--|\.element/);

  const front = lines('---', 'separator: ^\\r?\\n===\\r?\\n$', 'verticalSeparator: "^\\\\+\\\\+\\\\+$"', '---');
  const regex = read(front + '\n\nA\n\n===\n\nB\n\n+++\n\nC');
  assert.deepEqual(titles(regex), ['A', 'B', 'C']);
});

test('reveal-md: odd separators never crash and never hang', () => {
  for (const sep of ['(', '', '.*', '^$', '(a+)+$', '[', '\\', '^\\n$', 123, null, '<!--s-->']) {
    const front = `---\nseparator: ${JSON.stringify(sep)}\nverticalSeparator: ${JSON.stringify(sep)}\n---`;
    const text = `${front}\n\nA\n\n<!--s-->\n\n${'a'.repeat(40)}b\n\n---\n\nB`;
    const deck = read(text);
    assert.equal(deck.dialect, 'reveal-md');
    assert.ok(deck.slides.length >= 1);
  }
  assert.equal(separatorFromPattern(''), null);
  assert.equal(separatorFromPattern('^\\r?\\n$'), null);
  // What the linear-time engine cannot run (a back-reference) is taken literally.
  const literal = separatorFromPattern('(a)\\1')!;
  assert.equal(literal('aa'), null);
  assert.deepEqual(literal('x (a)\\1 y'), { before: 'x ', after: ' y' });
  assert.deepEqual(separatorFromPattern('x'.repeat(300))!('x'.repeat(300)), { before: '', after: '' });
});

test('reveal-md: separator patterns that backtrack run in linear time', () => {
  // Nested quantifiers, alternation under a quantifier, stacked quantifiers:
  // each takes seconds to hours on V8's backtracking engine with these lines.
  const patterns = ['(a+)+$', '^(a|a)*b$', '(a*)*b', 'a*a*a*a*a*a*a*b', '^(\\w+\\s?)+#$', '(.*a){12}x', '^((a|aa)+)+c'];
  const started = performance.now();
  for (const p of patterns) {
    const sep = separatorFromPattern(p)!;
    assert.ok(sep, p);
    for (const line of ['a'.repeat(999) + '!', 'a'.repeat(500) + ' ' + 'a'.repeat(498) + '!']) assert.equal(sep(line), null, p);
    const front = `---\nseparator: ${JSON.stringify(p)}\n---`;
    const deck = read(`${front}\n\nA\n\n${('a'.repeat(999) + '!\n').repeat(200)}\nB`);
    assert.equal(deck.dialect, 'reveal-md');
  }
  // Generous: the backtracking engine takes minutes on the first pattern alone.
  assert.ok(performance.now() - started < 10_000, `${Math.round(performance.now() - started)} ms`);
  assert.deepEqual(separatorFromPattern('(a+)+$')!('aaaa'), { before: '', after: '' });
});

test('patat: no rules → slides at the Pandoc slide level, higher headings are title slides', () => {
  const deck = read(fixture('patat.md'));
  assert.equal(deck.dialect, 'patat');
  assert.deepEqual(deck.meta, { title: 'A patat talk', author: 'Jane Doe', date: '2024' });
  // patat shows the front matter title in its header line: it makes no slide of it.
  assert.deepEqual(titles(deck), ['Chapter 1', 'First slide', 'Second slide', 'Chapter 2', 'Third slide']);
  assert.ok(deck.slides.every((s) => s.kind === 'content'));
  assert.equal(deck.slides[0].body, '# Chapter 1');
  assert.match(deck.slides[2].body, /### A sub-heading stays on the slide/);
  assert.equal(deck.slides[1].notes, 'A note for the first slide.');
  assert.deepEqual(deck.slides[1].steps, [
    '## First slide\n\nLegen',
    '## First slide\n\nLegen\n\nwait for it',
    deck.slides[1].body,
  ]);
  assert.doesNotMatch(deck.slides[2].body, /config|slideNumber/);
  assert.equal(deck.slides[2].notes, '');
  assert.deepEqual(
    deck.sections.map((s) => s.title),
    ['Chapter 1', 'Chapter 2'],
  );
  // A heading above the slide level stands alone, even with content under it (Pandoc's title slide).
  const alone = read('---\npatat:\n  slideLevel: 2\n...\n\n# Part\n\nintro\n\n## Slide\n\nx');
  assert.deepEqual(alone.slides.map((s) => s.body), ['# Part', 'intro', '## Slide\n\nx']);
});

test('patat: slideLevel, % title blocks, rules when there are any, incrementalLists', () => {
  const md = '---\npatat:\n  slideLevel: 1\n...\n\n# A\n\n## nested\n\nx\n\n# B\n\ny';
  assert.deepEqual(titles(read(md)), ['A', 'B']);
  const block = read('% The title\n% The author\n% 2020\n\n# A\n\nx\n\n# B\n\ny');
  assert.deepEqual(block.meta, { title: 'The title', author: 'The author', date: '2020' });
  assert.deepEqual(titles(block), ['A', 'B']);
  const rules = read('# A\n\nx\n\n. . .\n\ny\n\n***\n\n# B\n\n## C\n\nz', 'patat');
  assert.deepEqual(titles(rules), ['A', 'B']);
  assert.equal(rules.slides[0].steps.length, 2);
  const inc = read('---\npatat:\n  incrementalLists: true\n...\n\n# A\n\n- one\n- two\n- three');
  assert.equal(inc.slides[0].steps.length, 3);
  // In other dialects `. . .` is text.
  assert.equal(read('# A\n\none\n\n. . .\n\ntwo', 'brief').slides[0].steps.length, 1);
});

test('lookatme: <!-- stop --> ends a step; smart splitting at headings', () => {
  const deck = read('# The talk\n\n## One\n\nfirst\n\n<!-- stop -->\n\nmore\n\n## Two\n\nsecond\n\n<!-- a note -->');
  assert.equal(deck.dialect, 'lookatme');
  assert.equal(deck.meta.title, 'The talk', 'a lone top heading is the title');
  assert.deepEqual(titles(deck), ['The talk', 'One', 'Two']);
  assert.equal(deck.slides[0].kind, 'title');
  assert.deepEqual(deck.slides[1].steps, ['## One\n\nfirst', '## One\n\nfirst\n\nmore']);
  assert.equal(deck.slides[2].notes, 'a note');
  const many = read('---\ntitle: T\nstyles: {}\n---\n\n# A\n\nx\n\n## A.1\n\ny\n\n# B\n\nz');
  assert.deepEqual(titles(many), ['T', 'A', 'B']);
});

test('slides: front matter author, date and paging; `///` code lines are hidden', () => {
  const front = '---\nauthor: Gopher\ndate: May 22, 2022\npaging: Page %d of %d\n---';
  const deck = read(`${front}\n\n# A\n\n\`\`\`go\n///package main\n///\nfmt.Println(1)\n\`\`\``);
  assert.equal(deck.dialect, 'slides');
  assert.deepEqual(deck.meta, { author: 'Gopher', date: 'May 22, 2022' });
  assert.equal(deck.slides[0].body, '# A\n\n```go\nfmt.Println(1)\n```');
  assert.match(read('# A\n\n```go\n///x\n```', 'brief').slides[0].body, /\/\/\/x/);
});

test('front matter incremental_lists: true makes every top-level list item a step; --no-pauses shows all', () => {
  const md = lines(
    ...['---', 'incremental_lists: true', '---', '', '# A', '', 'intro', '', '- one', '- two', '    - nested', ''],
    ...['  continued', '- three', '', 'after', '', '1. x', '2. y'],
  );
  const deck = read(md);
  assert.deepEqual(deck.slides[0].steps, [
    '# A\n\nintro\n\n- one',
    '# A\n\nintro\n\n- one\n- two\n    - nested\n\n  continued',
    '# A\n\nintro\n\n- one\n- two\n    - nested\n\n  continued\n- three\n\nafter\n\n1. x',
    deck.slides[0].body,
  ]);
  assert.deepEqual(read(md, undefined, false).slides[0].steps, [deck.slides[0].body]);
  const options = read('---\noptions:\n  incremental_lists: true\n---\n\n# A\n\n- a\n- b\n\n<!-- end_slide -->\n\n# B');
  assert.equal(options.slides[0].steps.length, 2);
});

test('pauses: <!-- pause -->, <!-- stop -->, and . . . (patat) end steps; never inside code', () => {
  assert.equal(read('# A\n\n1\n\n<!-- pause -->\n\n2\n\n<!-- stop -->\n\n3').slides[0].steps.length, 3);
  const patat = read('# A\n\n1\n\n. . .\n\n2\n\n```\n. . .\n```', 'patat');
  assert.equal(patat.slides[0].steps.length, 2);
  assert.match(patat.slides[0].body, /```\n\. \. \.\n```/);
  assert.equal(read('# A\n\n1\n\n. . .\n\n2', 'patat', false).slides[0].steps.length, 1);
});

test('unknown or odd input never crashes, in any dialect', () => {
  const odd = [
    '---\n---\n\n# A',
    '<!-- unclosed\n\n# A\n\ntext',
    '# A\n\n```\nnever closed\n\n---\n\n# B',
    '---\nlayout: [unclosed\n---\n\n# A\n\n---\nlayout: x\n---',
    '---\nseparator: "("\n---\n\nx',
    '# A\n\n---\nkey: value\n---\n',
    '-->\n\n<!--\n\n-->\n\nx',
    '. . .\n\n***\n\n___\n\n- - -\n\nx',
    '%\n%\n%\n\nx',
    '# A\n<!--fit--><!-- _class: x --><!--s--><!--v-->\nNote:',
    '\u0000\u001b[2J# A\r\n\r\n----\r\n\r\nB',
    '====\n\n## \n\n#\n\ntext',
    'x\n'.repeat(2000),
  ];
  for (const md of odd) {
    for (const dialect of [undefined, ...DIALECTS]) {
      try {
        const deck = read(md, dialect);
        assert.ok(deck.slides.length > 0);
        for (const s of deck.slides) assert.ok(s.steps.length >= 1 && s.steps[s.steps.length - 1] === s.body);
      } catch (err) {
        assert.ok(err instanceof Error && err.name === 'DeckError', `${dialect}: ${JSON.stringify(md)}: ${err}`);
      }
    }
  }
});

test('every corpus deck and fixture reads in every dialect without crashing', { skip: corpusSkip }, () => {
  const corpus = new URL('../../../shared/corpus/', import.meta.url);
  const files: string[] = [];
  for (const dir of readdirSync(corpus, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(new URL(`${dir.name}/`, corpus))) {
      files.push(readFileSync(new URL(`${dir.name}/${f}`, corpus), 'utf8'));
    }
  }
  for (const f of readdirSync(FIXTURES)) if (f.endsWith('.md')) files.push(fixture(f));
  for (const text of files) {
    for (const dialect of DIALECTS) {
      const deck = parseDeck(text, 'x.md');
      const forced = read(text, dialect);
      assert.ok(deck.slides.length > 0 && forced.slides.length > 0);
      assert.equal(forced.dialect, dialect);
    }
  }
});

test('front matter duration: planned minutes for pacing', () => {
  assert.equal(read('---\nduration: 10\n---\n\n# A').meta.duration, 10);
  assert.equal(read('---\nduration: 7.5 min\n---\n\n# A').meta.duration, 7.5);
  for (const bad of ['soon', '-3', '0', '[1]']) assert.equal(read(`---\nduration: ${bad}\n---\n\n# A`).meta.duration, undefined);
});
