import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import stripAnsi from 'strip-ansi';
import { displayWidth } from '../../src/render/ansi.js';
import { parseDeck } from '../../src/deck/parse.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { renderPlainDeck } from '../../src/render/plain.js';
import { RenderCache } from '../../src/render/cache.js';
import { contentWidth, renderSlideLines } from '../../src/render/slide.js';
import { bannerLine, progressBar, statusLine } from '../../src/render/status.js';
import { makeTheme } from '../../src/render/theme.js';
import { dropFormat, truncate, wrapLine } from '../../src/render/wrap.js';

const plain = makeTheme(0);
const color = makeTheme(1);
const mdPlain = createMarkdownRenderer(plain);
const mdColor = createMarkdownRenderer(color);
const WIDTHS = [20, 40, 80, 120];
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

const KITCHEN_SINK = `## A heading with **bold** and \`code\`

- An item with **bold**, *emphasis*, \`inline code\`, ~~struck~~ and [a link](https://example.org/a/very/long/path/that/goes/on)
- Second item, long enough that it has to wrap at any narrow width at all, so the hanging indent shows
  - nested **strong** item
1. numbered **one**
2. numbered two

> A block quote with **bold** that is long enough to wrap somewhere along the way.

| Column | Another column with a long header | Third |
|---|---|---|
| **cell** | a longer cell that needs wrapping when the table is narrow | \`x:y\` |

\`\`\`ts
const answer: number = 42; // a long comment that runs past the edge of narrow slides
\`\`\`

---

A paragraph with a verylongwordthatcannotbebrokenanywhereatallbecauseithasnospacesinsideitwhatsoever.
`;

function assertFits(lines: string[], width: number, what: string) {
  for (const line of lines) {
    const w = displayWidth(line);
    assert.ok(w <= width, `${what}: line of width ${w} > ${width}: ${JSON.stringify(stripAnsi(line))}`);
  }
}

test('no rendered line is wider than the width', () => {
  for (const width of WIDTHS) {
    assertFits(mdPlain(KITCHEN_SINK, width), width, `plain@${width}`);
    assertFits(mdColor(KITCHEN_SINK, width), width, `color@${width}`);
  }
});

test('inline formatting inside list items is rendered, not left as Markdown', () => {
  for (const width of WIDTHS) {
    const text = stripAnsi(mdColor(KITCHEN_SINK, width).join('\n'));
    assert.doesNotMatch(text, /\*\*/, `no literal ** at ${width}`);
    assert.doesNotMatch(text, /`/, `no literal backticks at ${width}`);
    assert.doesNotMatch(text, /\]\(/, `no literal [text](url) at ${width}`);
    assert.doesNotMatch(text, /~~/, `no literal ~~ at ${width}`);
  }
  const lines = mdColor('- An item with **bold** text', 80);
  assert.equal(lines.length, 1);
  assert.ok(lines[0].includes('\u001b[1mbold\u001b[22m'), `bold is styled: ${JSON.stringify(lines[0])}`);
  assert.equal(stripAnsi(lines[0]), '  • An item with bold text');
  const code = mdColor('- run `npm test` now', 80)[0];
  assert.equal(stripAnsi(code), '  • run npm test now');
  assert.notEqual(code, stripAnsi(code));
});

test('list items wrap with a hanging indent under the text', () => {
  const lines = mdPlain('- one two three four five six seven eight nine ten eleven twelve', 30);
  assert.deepEqual(lines, ['  • one two three four five', '    six seven eight nine ten', '    eleven twelve']);
});

test('nested lists stay on their own lines', () => {
  const lines = mdPlain('- parent\n  - child **bold**\n- sibling', 40);
  assert.deepEqual(lines, ['  • parent', '    • child bold', '  • sibling']);
});

test('links show their text and address; images their alt text; HTML tags are dropped', () => {
  assert.deepEqual(mdPlain('See [the site](https://e.org) now', 80), ['See the site (https://e.org) now']);
  assert.deepEqual(mdPlain('<https://e.org>', 80), ['https://e.org']);
  assert.deepEqual(mdPlain('![a map](map.png)', 80), ['[image: a map (map.png)]']);
  assert.deepEqual(mdPlain('a <b>bold</b> word<br>next', 80), ['a bold word', 'next']);
});

test('no terminal control sequence from the deck reaches the output', () => {
  const hostile =
    '# Title \u001b]0;pwned\u0007\n\n- item \u001b[2J \u009b31m\n- osc52 \u001b]52;c;aGVsbG8=\u0007\n\n[x](http://a\u001b]8;;http://evil\u0007)\n\n```\ncode \u001b[31m\n```';
  const deck = parseDeck(hostile);
  for (const width of WIDTHS) {
    for (const md of [mdPlain, mdColor]) {
      const out = renderSlideLines(deck.slides[0], width, md).join('\n');
      // Only SGR sequences (our own styling) may remain.
      const withoutSgr = out.replace(/\u001b\[[0-9;]*m/g, '');
      assert.doesNotMatch(withoutSgr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      assert.match(stripAnsi(out), /␛/);
    }
  }
});

test('tables fit the width, wrapping cells, or fall back to one block per row', () => {
  const table = '| Name | Description |\n|---|---|\n| alpha | the first letter of the Greek alphabet, used a lot |';
  for (const width of [20, 30, 40, 80]) assertFits(mdPlain(table, width), width, `table@${width}`);
  assert.match(mdPlain(table, 80)[0], /^┌/);
  const narrow = mdPlain('| A | B | C | D | E | F |\n|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 |', 20);
  assert.deepEqual(narrow, ['A: 1', 'B: 2', 'C: 3', 'D: 4', 'E: 5', 'F: 6']);
  // Wrapping never drops text.
  const text = mdPlain(table, 30).join(' ');
  for (const word of ['alpha', 'Greek', 'alphabet,', 'used', 'lot']) assert.ok(text.includes(word), word);
});

test('rules span the width', () => {
  assert.deepEqual(mdPlain('a\n\n***\n\nb', 10), ['a', '', '──────────', '', 'b']);
});

test('the title slide is centred', () => {
  const deck = parseDeck('---\ntitle: Hello\nsubtitle: World wide\n---\n\n# A');
  const lines = renderSlideLines(deck.slides[0], 40, mdPlain);
  assert.deepEqual(lines, [' '.repeat(17) + 'Hello', ' '.repeat(17) + '━━━━━', ' '.repeat(15) + 'World wide']);
});

test('wrapLine breaks words longer than the width and keeps wide characters whole', () => {
  for (const l of wrapLine('x'.repeat(100), 30)) assert.ok(displayWidth(l) <= 30);
  const cjk = wrapLine('漢字漢字漢字漢字漢字漢字', 7);
  for (const l of cjk) assert.ok(displayWidth(l) <= 7, l);
  assert.equal(cjk.join(''), '漢字漢字漢字漢字漢字漢字');
});

test('contentWidth leaves a margin and caps very wide terminals', () => {
  assert.deepEqual(contentWidth(80), { width: 76, margin: 2, tableWidth: 76 });
  assert.deepEqual(contentWidth(40), { width: 38, margin: 1, tableWidth: 38 });
  // A table may reach the right margin of a wide terminal.
  assert.deepEqual(contentWidth(200), { width: 110, margin: 45, tableWidth: 153 });
});

test('the render cache renders each slide once per width', () => {
  const deck = parseDeck(fixture('basic.md'));
  let calls = 0;
  const counting = (md: string, w: number) => {
    calls++;
    return mdPlain(md, w);
  };
  const cache = new RenderCache(deck, counting, plain);
  cache.slide(1, 60);
  cache.slide(1, 60);
  cache.slide(2, 60);
  assert.equal(calls, 2);
  cache.slide(1, 70);
  assert.equal(calls, 3);
  assert.deepEqual(cache.notesOf(3, 60), ['(no notes for this slide)']);
});

test('status line: exactly the terminal width, title, section, counter', () => {
  for (const cols of [40, 80, 120]) {
    const line = statusLine({ deckTitle: 'Deck', section: 'Part two', index: 2, count: 10 }, cols, color);
    assert.equal(displayWidth(line), cols);
    const text = stripAnsi(line);
    assert.match(text, /^ Deck · Part two +.*slide 3 \/ 10 $/);
  }
  const long = statusLine({ deckTitle: 'A very long deck title '.repeat(5), section: 'S', index: 0, count: 2 }, 40, plain);
  assert.equal(displayWidth(long), 40);
  assert.match(long, /…/);
  assert.equal(progressBar(4, 10, 10), '━━━━━─────');
  assert.equal(displayWidth(bannerLine('UNCLASSIFIED', 50, color)), 50);
});

test('plain deck output: headers, notes marked, no ANSI without colour', () => {
  const deck = parseDeck(fixture('basic.md'));
  const text = renderPlainDeck(deck, 80, mdPlain, plain);
  assert.doesNotMatch(text, /\u001b/);
  // The title slide is the title block: printed once, as slide 1, centred as presented.
  assert.match(text, /^UNCLASSIFIED\n\n─+\nSlide 1\/6 — Opening\n\n +Fixture Briefing\n +━{16}\n +A deck for tests\n\n +Test Author · 2024-01-01\n/);
  assert.equal(text.split('Fixture Briefing').length, 2, 'the title once');
  assert.match(text, /Slide 2\/6 — Opening\n\nOpening\n━{7}\n  • First point with bold text/);
  assert.match(text, /Notes:\n  Say hello to the room\./);
  assert.match(text, /Slide 5\/6 — Closing/);
  const order = ['Slide 1/6', 'Slide 2/6', 'Say hello', 'Slide 3/6', 'Notes start here', 'Slide 6/6'];
  let at = -1;
  for (const s of order) {
    const i = text.indexOf(s);
    assert.ok(i > at, `${s} in order`);
    at = i;
  }
});

test('plain deck output: no line ends in a space, with or without colour', () => {
  for (const name of ['basic.md', 'tall.md', 'pauses.md']) {
    for (const [theme, md] of [[plain, mdPlain], [color, mdColor]] as const) {
      const deck = parseDeck(fixture(name));
      // Notes with blank lines between paragraphs, a code block with trailing spaces.
      deck.slides[1].notes = 'First paragraph.\n\nSecond paragraph.\n\n```\ncode   \n```';
      const lines = renderPlainDeck(deck, 80, md, theme).split('\n');
      lines.forEach((l, i) => assert.doesNotMatch(stripAnsi(l), /\s$/, `${name} line ${i + 1}: ${JSON.stringify(l)}`));
    }
  }
});

test('plain deck output: a title without a title slide is printed once, at the top', () => {
  // A Marp deck has no title slide: its front matter's title is the header.
  const deck = parseDeck('---\nmarp: true\ntitle: Only Title\n---\n\n# One\n\n---\n\n# Two');
  assert.ok(deck.slides.every((s) => s.kind === 'content'));
  const text = renderPlainDeck(deck, 80, mdPlain, plain);
  assert.match(text, /^Only Title\n\n─+\nSlide 1\/2/);
  assert.equal(text.split('Only Title').length, 2);
});

test('format characters are left out of what is drawn; joiners inside a cluster stay', () => {
  assert.equal(dropFormat('a\u200bb\u00adc\u2060d\ufeffe\u202ef\u202cg\u2066h\u2069'), 'abcdefgh');
  assert.equal(dropFormat('\u200dlead, spaced \u200dout, a\u200b\u200dz'), 'lead, spaced out, az');
  for (const kept of ['\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '\u0915\u094D\u200D\u0937', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}']) {
    assert.equal(dropFormat(kept), kept);
  }
  const md = createMarkdownRenderer(makeTheme(0));
  assert.deepEqual(md('zero\u200b\u200bwidth \u202eRTL\u202c text', 40), ['zerowidth RTL text']);
  assert.equal(truncate('title\u00ad\u00ad\u00ad end', 20), 'title end');
});
