// Handouts (`brief-present export`): every format on the bundled briefing, on every
// deck of the shared corpus and on a hostile fixture; nothing lost, in order; HTML
// that fetches and runs nothing; the CLI's output, overwrite and error rules.
// `npm test` builds dist/cli.cjs before the CLI tests run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked, type Token, type Tokens } from 'marked';
import { displayWidth } from '../../src/render/ansi.js';
import { parseFiles, type Deck } from '../../src/deck/parse.js';
import { mainCount, slideLabel } from '../../src/deck/backup.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { renderNotesLines, renderSlideText } from '../../src/render/slide.js';
import { makeTheme } from '../../src/render/theme.js';
import { exportDeck, formatFromPath, type ExportFormat } from '../../src/render/export/index.js';
import { assertOneLineError, bundledDeck, CLI, run } from '../helpers/cli.js';

import { corpusSkip } from '../helpers/corpus.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const HOSTILE = join(FIXTURES, 'export', 'hostile.md');
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

function fileDeck(path: string): Deck {
  return parseFiles([{ path, text: readFileSync(path, 'utf8') }]);
}

function corpusFiles(): string[] {
  if (corpusSkip) return [];
  const out: string[] = [];
  for (const dir of readdirSync(CORPUS).sort()) {
    const d = join(CORPUS, dir);
    if (!statSync(d).isDirectory()) continue;
    for (const f of readdirSync(d).sort()) if (f.endsWith('.md')) out.push(join(d, f));
  }
  assert.ok(out.length >= 10, `corpus decks found: ${out.length}`);
  return out;
}

const DECKS: [string, () => Deck][] = [
  ['bundled briefing', bundledDeck],
  ['hostile fixture', () => fileDeck(HOSTILE)],
  ['basic fixture', () => fileDeck(join(FIXTURES, 'basic.md'))],
  ['diagrams fixture', () => fileDeck(join(FIXTURES, 'diagrams.md'))],
  ['reference links', () => parseFiles([{ path: 'refs.md', text: REFS }])],
  ...corpusFiles().map((p): [string, () => Deck] => [p.slice(CORPUS.length), () => fileDeck(p)]),
];

// ---------------------------------------------------------------------------
// Words: what "the same content" means across formats.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? '';
  });
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const lexer = new Marked({ gfm: true });

/** The text a reader sees in Markdown, with link and image addresses: what no format may drop. */
function markdownText(markdown: string): string {
  const out: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      const any = t as Token & {
        tokens?: Token[];
        items?: Token[];
        text?: string;
        href?: string;
        header?: { tokens: Token[] }[];
        rows?: { tokens: Token[] }[][];
      };
      if (t.type === 'def') continue;
      if (t.type === 'image') {
        out.push(any.text ?? '', any.href ?? '');
        continue;
      }
      if (t.type === 'table') {
        for (const c of any.header ?? []) walk(c.tokens);
        for (const row of any.rows ?? []) for (const c of row) walk(c.tokens);
        continue;
      }
      if (any.tokens?.length) walk(any.tokens);
      else if (any.items) walk(any.items);
      else if (typeof any.text === 'string') out.push(any.text);
      if (t.type === 'link') out.push(any.href ?? '');
    }
  };
  walk(lexer.lexer(markdown));
  return decodeEntities(out.join(' '));
}

/** The text of an HTML document as a reader sees it, link addresses included. */
function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(style|title)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<a\b[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, text: string) => {
        let h = decodeEntities(href);
        try {
          h = decodeURI(h);
        } catch {
          // keep it as it is
        }
        return ` ${text} ${h.replace(/[<>&]/g, ' ')} `;
      })
      .replace(/<[^>]*>/g, ' '),
  );
}

const renderer = createMarkdownRenderer(makeTheme(0));
const SGR = /\u001b\[[0-9;]*m/g;

/** A slide as the terminal renderer draws it without colour, at a width. */
function slidePlainText(deck: Deck, i: number, width: number): { body: string; notes: string } {
  const slide = deck.slides[i];
  const body = renderSlideText(slide, width, renderer).join('\n');
  const notes = slide.notes.trim() ? renderNotesLines(slide.notes, width - 2, renderer, makeTheme(0)).join('\n') : '';
  return { body: body.replace(SGR, ''), notes: notes.replace(SGR, '') };
}

/** `expected` appears in `actual` in order (other words may come between). */
function assertInOrder(expected: string[], actual: string[], what: string): void {
  let j = 0;
  for (let i = 0; i < expected.length; i++) {
    while (j < actual.length && actual[j] !== expected[i]) j++;
    if (j >= actual.length) {
      const before = expected.slice(Math.max(0, i - 5), i).join(' ');
      assert.fail(`${what}: "${expected[i]}" (word ${i + 1} of ${expected.length}, after "${before}") is missing`);
    }
    j++;
  }
}

/**
 * Cut an export into one piece per slide, in order: each slide from where
 * its heading (or, in HTML, its element) starts to where the next one's
 * does. The first piece starts at the top when slide 1 is the title block.
 */
function slideChunks(deck: Deck, format: ExportFormat, text: string, width = 80): string[] {
  const n = deck.slides.length;
  const main = mainCount(deck);
  const starts: number[] = [];
  let from = 0;
  for (let k = 1; k <= n; k++) {
    // A backup slide's heading has its backup number: "B2. …".
    const label = slideLabel(k - 1, main);
    let re: RegExp;
    if (format === 'html') re = new RegExp(`id="slide-${k}"`, 'g');
    else if (format === 'md') re = new RegExp(`^#{2,3} (?:${label}\\.(?: |$)|Slide ${label}$)`, 'gm');
    else re = new RegExp(`(?:^|\\n)(?:-{${width}}|={${width}}\\n)\\n(?:${label}\\.(?: |\\n)|Slide ${label}\\n)`, 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) {
      const cover = k === 1 && deck.slides[0].kind === 'title';
      assert.ok(cover, `${format}: no heading for slide ${k} of ${n} after offset ${from}`);
      starts.push(0);
      continue;
    }
    starts.push(m.index);
    from = m.index + m[0].length;
  }
  return starts.map((s, i) => text.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined));
}

/** Every slide's text and notes are in the export, in order, each within its own slide. */
function assertNothingLost(deck: Deck, format: ExportFormat, text: string, name: string, width = 80): void {
  const chunks = slideChunks(deck, format, text, width);
  deck.slides.forEach((slide, i) => {
    const what = `${name} (${format}) slide ${i + 1}`;
    if (format === 'txt') {
      const plain = slidePlainText(deck, i, width);
      assertInOrder([...words(plain.body), ...words(plain.notes)], words(chunks[i]), what);
      return;
    }
    const expected = [...words(markdownText(slide.body)), ...words(markdownText(slide.notes))];
    const actual = words(format === 'html' ? htmlText(chunks[i]) : markdownText(chunks[i]));
    assertInOrder(expected, actual, what);
  });
}

// ---------------------------------------------------------------------------
// Safety of the HTML: nothing runs, nothing is fetched.

const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const ALLOWED_TAGS = new Set(
  (
    'html head meta title style body main header nav section div aside h1 h2 h3 h4 h5 h6 p ul ol li a span em ' +
    'strong code pre blockquote table thead tbody tr th td hr br del input figure details summary ' +
    'svg path rect circle line polyline text tspan title'
  ).split(' '),
);

function assertSafeHtml(html: string, name: string): void {
  assert.doesNotMatch(html, /<script/i, `${name}: a script element`);
  assert.equal((html.match(/<style\b/gi) ?? []).length, 1, `${name}: one style element`);
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
  assert.doesNotMatch(css, /url\s*\(|@import|@font-face|expression\s*\(/i, `${name}: CSS that fetches`);
  for (const m of html.matchAll(TAG)) {
    const tag = m[1].toLowerCase();
    assert.ok(ALLOWED_TAGS.has(tag), `${name}: unexpected element <${tag}>`);
    for (const a of m[2].matchAll(ATTR)) {
      const attr = a[1].toLowerCase();
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      assert.ok(!/^on/.test(attr), `${name}: event handler ${attr} on <${tag}>`);
      assert.ok(!['src', 'srcset', 'style', 'background', 'poster', 'action', 'formaction', 'data'].includes(attr),
        `${name}: ${attr}= on <${tag}>`);
      if (attr === 'href') {
        assert.match(value, /^(#[\w-]+|https?:\/\/|mailto:)/i, `${name}: href="${value}"`);
      }
      if (tag === 'meta' && attr === 'http-equiv') {
        assert.equal(value.toLowerCase(), 'content-security-policy', `${name}: meta http-equiv=${value}`);
      }
    }
  }
  // Every in-page link goes somewhere.
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/href="#([^"]+)"/g)) assert.ok(ids.has(m[1]), `${name}: link to missing #${m[1]}`);
}

// ---------------------------------------------------------------------------
// Every format on every deck.

for (const [name, load] of DECKS) {
  test(`export ${name}: md, txt and html keep every slide and note, in order`, () => {
    const deck = load();
    for (const format of ['md', 'txt', 'html'] as const) {
      const text = exportDeck(deck, format);
      assert.ok(text.endsWith('\n'), `${format} ends with a newline`);
      assertNothingLost(deck, format, text, name);
    }
    const narrow = exportDeck(deck, 'txt', { width: 40 });
    assertNothingLost(deck, 'txt', narrow, name, 40);
  });

  test(`export ${name}: txt is plain and fits its width`, () => {
    const deck = load();
    for (const width of [20, 40, 80, 120]) {
      const text = exportDeck(deck, 'txt', { width });
      assert.doesNotMatch(text, /[\u001b\u009b]/, 'no escape sequences');
      for (const line of text.split('\n')) assert.ok(displayWidth(line) <= width, `${width}: ${JSON.stringify(line)}`);
    }
  });

  test(`export ${name}: html is self-contained and safe`, () => {
    const deck = load();
    const html = exportDeck(deck, 'html');
    assertSafeHtml(html, name);
    assert.match(html, /^<!DOCTYPE html>\n/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(html, /prefers-color-scheme:\s*dark/);
    assert.match(html, /@media print\{[\s\S]*\.slide\{break-before:page;page-break-before:always/);
    assert.equal((html.match(/class="[^"]*\bslide\b[^"]*" id="slide-\d+"/g) ?? []).length, deck.slides.length);
    const withNotes = deck.slides.filter((s) => s.notes.trim()).length;
    const notes = (html.match(/<aside class="notes"/g) ?? []).length;
    assert.equal(notes, withNotes, 'one notes element per slide with notes');
  });

  test(`export ${name}: md headings keep the document's structure; no comment survives`, () => {
    const deck = load();
    const md = exportDeck(deck, 'md');
    const tokens = lexer.lexer(md);
    const titled = deck.sections.filter((s) => s.title);
    const slideLevel = titled.length ? 3 : 2;
    const cover = deck.slides[0].kind === 'title' && deck.meta.title !== undefined;
    const top = tokens
      .filter((t): t is Tokens.Heading => t.type === 'heading')
      .map((t) => ({ depth: t.depth, text: t.text }));
    // Title, Contents, then only section and slide headings at or above the slide level.
    const structural = top.filter((h) => h.depth <= slideLevel);
    const expected: string[] = [];
    if (deck.meta.title) expected.push(`1:${deck.meta.title}`);
    if (deck.slides.length > (cover ? 1 : 0)) expected.push('2:Contents');
    let section = -1;
    const main = mainCount(deck);
    for (const slide of deck.slides) {
      if (cover && slide.index === 0) continue;
      // Backup slides: one part, "Backup", after the others.
      if (slide.backup ? slide.index === main : slide.section !== section) {
        section = slide.section;
        const title = slide.backup ? 'Backup' : deck.sections[section].title;
        if (title) expected.push(`2:${title}`);
      }
      expected.push(`${slideLevel}:${slideLabel(slide.index, main)}`);
    }
    const got = structural.map((h) => {
      const num = /^(B?\d+)\. |^Slide (B?\d+)$/.exec(h.text);
      const isSlide = h.depth === slideLevel && num && !(slideLevel === 2 && h.text === 'Contents');
      return isSlide ? `${h.depth}:${num[1] ?? num[2]}` : `${h.depth}:${h.text.replace(/\\(.)/g, '$1')}`;
    });
    assert.deepEqual(got, expected);
    // The deck's comments and directives are gone; any `<!--` left is text, not a comment.
    const comments: string[] = [];
    const walk = (ts: Token[]) => {
      for (const t of ts) {
        if (t.type === 'html' && /<!--/.test(t.raw)) comments.push(t.raw);
        const any = t as { tokens?: Token[]; items?: Token[] };
        if (any.tokens) walk(any.tokens);
        if (any.items) walk(any.items);
      }
    };
    walk(tokens);
    assert.deepEqual(comments, []);
    for (const directive of ['end_slide', 'speaker_note', 'column_layout', 'jump_to_middle', 'reset_layout']) {
      const inSource = deck.slides.some((s) => s.body.includes(directive) || s.notes.includes(directive));
      if (!inSource) assert.ok(!md.includes(directive), `directive ${directive} leaked`);
    }
    // The document ends as it should: the last slide cannot swallow what follows.
    if (deck.meta.classification) {
      const last = tokens.filter((t) => t.type !== 'space').at(-1)!;
      assert.equal(last.type, 'paragraph', 'the closing classification is a paragraph of its own');
    }
  });
}

// ---------------------------------------------------------------------------
// What each format contains.

test('md: title block, contents linking to GitHub-style anchors, notes as block quotes', () => {
  const deck = bundledDeck();
  const md = exportDeck(deck, 'md');
  assert.match(
    md,
    /^# Cambodia-US relations\n\nMoving to strategic cooperation\n\nSource: one unsigned blog post, late 2011\n\n## Contents\n/,
  );
  assert.match(md, /^- \[Overview\]\(#overview\)\n {2}- \[2\. Agenda\]\(#2-agenda\)$/m);
  assert.match(md, /^ {2}- \[13\. The US is investing more in "software support" for Cambodia\]\(#13-the-us-is-investing-more-in-software-support-for-cambodia\)$/m);
  assert.match(md, /^## Military-to-military relations\n\n### 9\. The US reaffirmed it would make progress on defense cooperation\n\n- The US supports/m);
  assert.match(md, /^> \*\*Notes\*\*\n>\n> In military ties, the article says/m);
  // Every link in the contents points at a heading that GitHub would give that anchor.
  const slug = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
  const headings = lexer.lexer(md).filter((t): t is Tokens.Heading => t.type === 'heading');
  const anchors = new Set(headings.map((t) => slug(t.text)));
  for (const m of md.matchAll(/\]\(#([^)]+)\)/g)) assert.ok(anchors.has(m[1]), `anchor #${m[1]}`);
});

test('md: slide headings are demoted under the slide heading, in slides and notes', () => {
  const md = exportDeck(fileDeck(HOSTILE), 'md');
  assert.match(md, /^### 3\. Headings of every level\n\n#### Level one inside\n##### Level two\n###### Level three\n/m);
  assert.match(md, /^###### Level six\n\n#### Setext heading\n/m);
  assert.match(md, /^> #### A heading in notes$/m);
  const banner = '**SECRET "quoted" \\</style\\>\\<script\\>window.pwned = 8\\</script\\>**\n';
  assert.ok(md.startsWith(banner), 'banner escaped');
  // Unclosed code fence closed, unclosed <pre> and comment shown as text.
  assert.match(md, /^```python\nprint\("still here"\)\n```$/m);
  assert.match(md, /^&lt;pre>$/m);
});

test('txt: title block, contents, sections between rules, slides under their number and title', () => {
  const txt = exportDeck(bundledDeck(), 'txt');
  const lines = txt.split('\n');
  assert.equal(lines[0].trim(), 'Cambodia-US relations');
  assert.match(txt, /\nContents\n\n {2}Overview\n {4}2\. Agenda\n {4}3\. Bottom line up front\n {2}Foundations/);
  const section = `\\n={80}\\nDevelopment assistance\\n={80}\\n\\n8\\. USAID aid focuses on economic development and poverty reduction\\n`;
  assert.match(txt, new RegExp(section));
  assert.match(txt, new RegExp(`\\n-{80}\\n3\\. Bottom line up front\\n\\n`));
  assert.match(txt, /\nNotes:\n {2}In military ties, the article says/);
  assert.match(exportDeck(fileDeck(HOSTILE), 'txt'), /^ +SECRET "quoted"/);
});

test('html: title block, contents by section, one element per slide, notes under their slide', () => {
  const deck = bundledDeck();
  const html = exportDeck(deck, 'html');
  assert.match(html, /<title>Cambodia-US relations<\/title>/);
  assert.match(html, /<header class="title-block slide title-slide" id="slide-1">\n<h1>Cambodia-US relations<\/h1>/);
  assert.match(html, /<p class="subtitle">Moving to strategic cooperation<\/p>/);
  assert.match(html, /<nav class="toc"[^>]*>\n<h2 id="contents">Contents<\/h2>/);
  assert.match(html, /<li><a href="#section-2">Foundations of the relationship<\/a>\n<ul>\n<li><a href="#slide-4">/);
  const part = '<section class="part" id="section-6">\n<h2>Military-to-military relations</h2>\n';
  assert.ok(html.includes(part + '<section class="slide" id="slide-9">'), 'a section, its heading, its first slide');
  assert.match(html, /<h3 class="slide-title"><span class="num">9\.<\/span> The US reaffirmed it would make progress on defense cooperation<\/h3>/);
  assert.match(
    html,
    /<aside class="notes" aria-label="Speaker notes">\n<p class="notes-label">Notes<\/p>\n<p>In military ties, the article/,
  );
  assert.match(html, /<table>/);
});

// Link reference definitions in one slide, uses in others, a heading that is a reference link.
const REFS = `# One

See [the site][x], [x] and [x][].

[x]: http://one.example/ "One"

---

# Two

Here [x] and [other][x] are text: this slide defines no x.

Note:
[n]: http://notes.example/

The notes link to [n]; the slide does not.

---

# Three

[X]: http://three.example/

Its own [link][x], and [n] is text.

---

# [Four][t]

[t]: <http://four.example/a b> 'Four'

> quoted [x], defined in the quote, and [multi
> line][t]
>
> [x]: http://quote.example/

| [t] | ![picture][t] |
|-----|---------------|
| \`[t]\` in code | [![icon][t]][x] |
`;

// Markdown whose definitions cannot be kept (a destination that would close a code span opened before).
const REFS_LOST = `${REFS}
---

# Five

one \` [x] two

[x]: /u\`v
`;

/** Every link and image under `tokens`, as text → address. */
function linksIn(tokens: Token[], out: string[] = []): string[] {
  for (const t of tokens) {
    const any = t as {
      tokens?: Token[];
      items?: Token[];
      header?: { tokens: Token[] }[];
      rows?: { tokens: Token[] }[][];
    };
    if (t.type === 'link' || t.type === 'image') {
      const l = t as Tokens.Link | Tokens.Image;
      const shown = l.tokens?.length ? l.tokens.map((c) => (c.type === 'image' ? `!${c.text}` : (c as Tokens.Text).text)) : [l.text];
      out.push(`${l.type} ${shown.join('')} -> ${l.href} ${l.title ?? ''}`.trim());
    }
    linksIn(any.tokens ?? [], out);
    linksIn(any.items ?? [], out);
    for (const cell of any.header ?? []) linksIn(cell.tokens, out);
    for (const row of any.rows ?? []) for (const cell of row) linksIn(cell.tokens, out);
  }
  return out;
}

test('md: each slide\'s links lead where they lead in that slide alone, whatever other slides define', () => {
  const deck = parseFiles([{ path: 'refs.md', text: REFS_LOST }]);
  const alone = deck.slides.map((s) => [...linksIn(lexer.lexer(s.body)), ...linksIn(lexer.lexer(s.notes))]);
  assert.deepEqual(alone[1], ['link n -> http://notes.example/'], 'the notes alone');
  assert.deepEqual(alone[2], ['link link -> http://three.example/']);
  // The handout read as one document, as a Markdown viewer reads it: links by the slide they are under.
  const md = exportDeck(deck, 'md');
  const got = deck.slides.map((): string[] => []);
  let slide = -1;
  for (const t of lexer.lexer(md)) {
    if (t.type === 'heading' && t.depth <= 3) slide = t.depth === 3 ? Number(/^(\d+)\. /.exec(t.text)![1]) - 1 : -1;
    if (slide >= 0) linksIn([t], got[slide]);
  }
  assert.deepEqual(got.slice(0, 4), alone.slice(0, 4));
  assert.match(md, /^### 4\. \[Four\]\(<http:\/\/four\.example\/a b> "Four"\)$/m, 'a lifted heading keeps its link');
  // Markdown this cannot follow keeps its links as written and its definition as text: nothing leads elsewhere.
  assert.deepEqual(alone[4], ['link x -> /u`v']);
  assert.deepEqual(got[4], []);
  assert.match(md, /^\[x\]\\: \/u`v$/m);
  // The text and HTML handouts give the lifted heading its link too.
  assert.match(exportDeck(deck, 'txt'), /^4\. Four \(http:\/\/four\.example\/a b\)$/m);
  const html = exportDeck(deck, 'html');
  assert.match(html, /<span class="num">4\.<\/span> <a href="http:\/\/four\.example\/a%20b" title="Four"/);
  assert.match(html, /Here \[x\] and \[other\]\[x\] are text/);
});

test('html: raw HTML from the deck is text, links only http(s)/mailto, images are alt text', () => {
  const html = exportDeck(fileDeck(HOSTILE), 'html');
  assertSafeHtml(html, 'hostile');
  assert.ok(html.includes('&lt;script&gt;window.pwned = 1&lt;/script&gt;'), 'inline script shown as text');
  assert.ok(html.includes('&lt;img src=&quot;http://example.com/x.png&quot;'), 'img shown as text');
  assert.ok(html.includes('&lt;iframe src='), 'iframe shown as text');
  assert.match(html, /a js link <span class="href">\(javascript:window\.pwned=3\)<\/span>/);
  assert.match(html, /a relative link <span class="href">\(other\.md\)<\/span>/);
  assert.match(html, /<a href="https:\/\/example\.com\/page\?q=1&amp;r=2" rel="noopener noreferrer">a web link<\/a>/);
  assert.match(html, /<a href="mailto:someone@example\.com"/);
  const image = '<span class="image">[image: a picture] <span class="href">(http://example.com/pic.png)</span></span>';
  assert.ok(html.includes(image), 'an image is its alt text and address, as text');
  assert.match(html, /<h1>Hostile &lt;b&gt;deck&lt;\/b&gt; with <em>emphasis<\/em><\/h1>/);
  assert.match(html, /<title>Hostile deck with emphasis<\/title>/);
  assert.match(html, /content:"SECRET \\22 quoted\\22  \\3c \/style\\3e /, 'classification escaped inside CSS');
  assert.match(html, /<h4>Level one inside<\/h4>\n<h5>Level two<\/h5>\n<h6>Level three<\/h6>\n<h6>Level four<\/h6>/);
  assert.match(html, /<blockquote>\n<h4>A heading in a quote<\/h4>/);
});

test('formatFromPath: the -o extension picks the format', () => {
  assert.equal(formatFromPath('x.md'), 'md');
  assert.equal(formatFromPath('x.markdown'), 'md');
  assert.equal(formatFromPath('dir.v2/x.TXT'), 'txt');
  assert.equal(formatFromPath('x.html'), 'html');
  assert.equal(formatFromPath('x.htm'), 'html');
  assert.equal(formatFromPath('x.pdf'), 'pdf');
  assert.equal(formatFromPath('x.PDF'), 'pdf');
  assert.equal(formatFromPath('x.docx'), undefined);
  assert.equal(formatFromPath('handout'), undefined);
  for (const ext of ['constructor', 'toString', '__proto__']) assert.equal(formatFromPath(`x.${ext}`), undefined, ext);
});

// ---------------------------------------------------------------------------
// The CLI.

/** A scratch folder for one test, removed after it. */
function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-export-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('cli: export prints Markdown of the bundled briefing on standard output by default', () => {
  const r = run(['export']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, exportDeck(bundledDeck(), 'md'));
  assert.match(r.stdout, /^# Cambodia-US relations\n/);
});

test('cli: --format txt and --width, no colour even when forced', () => {
  const r = run(['export', '--format', 'txt', '--width', '50'], { FORCE_COLOR: '3' });
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /\u001b/);
  for (const line of r.stdout.split('\n')) assert.ok(displayWidth(line) <= 50, line);
  const basic = run(['export', join(FIXTURES, 'basic.md'), '--format=txt']);
  assert.equal(basic.code, 0, basic.stderr);
  assert.match(basic.stdout, /Fixture Briefing/);
  assert.ok(basic.stdout.split('\n').every((l) => displayWidth(l) <= 80));
});

test('cli: -o writes the file, the format from its extension; an existing file needs --force', (t) => {
  const dir = scratch(t);
  const html = join(dir, 'handout.html');
  let r = run(['export', '-o', html]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
  assert.match(readFileSync(html, 'utf8'), /^<!DOCTYPE html>/);

  const txt = join(dir, 'handout.txt');
  assert.equal(run(['export', join(FIXTURES, 'basic.md'), '--output', txt]).code, 0);
  assert.doesNotMatch(readFileSync(txt, 'utf8'), /^#|<html/);
  const other = join(dir, 'handout.out');
  assert.equal(run(['export', '-o', other]).code, 0);
  assert.match(readFileSync(other, 'utf8'), /^# Cambodia-US relations\n/, 'unknown extension: Markdown');
  const forced = join(dir, 'forced.out');
  assert.equal(run(['export', '-o', forced, '--format', 'txt']).code, 0);
  assert.doesNotMatch(readFileSync(forced, 'utf8'), /^#|<html/, '--format for a name that names no format');

  const before = readFileSync(html, 'utf8');
  r = run(['export', '-o', html, '--format', 'html']);
  assertOneLineError(r, 2, /handout\.html: already exists \(use --force/);
  assert.ok(r.stderr.includes(html), 'names the path');
  assert.equal(readFileSync(html, 'utf8'), before, 'left as it was');
  r = run(['export', '-o', html, '--force', join(FIXTURES, 'basic.md')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(html, 'utf8'), /<!DOCTYPE[^]*Fixture Briefing/);

  assertOneLineError(run(['export', '-o', dir]), 2, /: is a folder$/m);
  const deckCopy = join(dir, 'deck.md');
  writeFileSync(deckCopy, readFileSync(join(FIXTURES, 'basic.md')));
  assertOneLineError(run(['export', deckCopy, '-o', deckCopy, '--force']), 2, /deck\.md: is a file of the deck/);
  assert.equal(readFileSync(deckCopy, 'utf8'), readFileSync(join(FIXTURES, 'basic.md'), 'utf8'));
});

test('cli: a --format the output name contradicts is refused, one line, exit 2, nothing written', (t) => {
  const dir = scratch(t);
  for (const [name, format] of [['handout.pdf', 'md'], ['handout.html', 'txt'], ['notes.txt', 'pdf'], ['h.md', 'html']]) {
    const path = join(dir, name);
    const r = run(['export', '-o', path, '--format', format]);
    assertOneLineError(r, 2, new RegExp(`${name.replace('.', '\\.')} is named as a \\.\\w+ file but --format is ${format}`));
    assert.equal(existsSync(path), false, name);
  }
  assertOneLineError(run(['export', '--format', 'pdf']), 2, /a PDF handout needs -o FILE\.pdf/);
  assertOneLineError(run(['export', '-o', '-', '--format', 'pdf']), 2, /a PDF handout needs -o FILE\.pdf/);
});

test('cli: --no-notes leaves the speaker notes out of every format', () => {
  const deck = bundledDeck();
  const note = deck.slides.find((s) => s.notes.trim())!.notes.split('\n')[0].trim().slice(0, 40);
  for (const format of ['md', 'txt', 'html']) {
    const withNotes = run(['export', '--format', format]);
    const without = run(['export', '--format', format, '--no-notes']);
    assert.equal(without.code, 0, without.stderr);
    assert.ok(withNotes.stdout.includes(note), `${format}: the notes are there by default`);
    assert.ok(!without.stdout.includes(note), `${format}: --no-notes`);
    assert.ok(without.stdout.includes(deck.slides[2].title), `${format}: the slides are still there`);
  }
  assertOneLineError(run(['--no-notes']), 2, /option --no-notes does not apply when presenting/);
});

test('cli: an unwritable path is one line, exit 2', (t) => {
  const dir = scratch(t);
  const file = join(dir, 'plain-file');
  writeFileSync(file, 'x');
  const proc = run(['export', '-o', '/proc/nope/x.html']);
  assertOneLineError(proc, 2, /^brief-present: \/proc\/nope\/x\.html: cannot write: /);
  assertOneLineError(run(['export', '-o', join(file, 'x.md')]), 2, /plain-file\/x\.md: cannot write: /);
  const missing = run(['export', '-o', join(dir, 'missing', 'x.md')]);
  assertOneLineError(missing, 2, /missing\/x\.md: cannot write: no such folder/);
});

test('cli: bad --format, --width or misplaced options are one line, exit 2', () => {
  assertOneLineError(run(['export', '--format', 'docx']), 2, /option --format takes md, txt, html, pdf, not "docx"/);
  assertOneLineError(run(['export', '--format']), 2, /option --format needs a FORMAT/);
  for (const w of ['10', '401', 'abc', '80.5', '-3', '']) {
    const r = run(['export', '--format', 'txt', `--width=${w}`]);
    assertOneLineError(r, 2, /option --width takes a whole number from 20 to 400/);
  }
  assertOneLineError(run(['export', '--format', 'html', '--width', '100']), 2, /--width applies to --format txt only/);
  assertOneLineError(run(['export', '-o', '']), 2, /--output needs a FILE/);
  assertOneLineError(run(['--format', 'md']), 2, /option --format does not apply when presenting/);
  assertOneLineError(run(['export', '--json']), 2, /option --json does not apply with export/);
  assertOneLineError(run(['export', join(FIXTURES, 'missing.md')]), 2, /missing\.md: no such file or folder/);
});

test('cli: --help shows the export command and its options', () => {
  const r = run(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /brief-present export \[DECK\] \[-o FILE\]/);
  for (const o of ['--format FORMAT', '-o, --output FILE', '--force', '--width N', '--no-notes']) {
    assert.ok(r.stdout.includes(o), o);
  }
  assert.match(r.stdout, /md, txt, html or pdf/);
});

test('cli: 5,000 nested quotes and a 5,000-deep list export in every format, as the presenter draws them', (t) => {
  const dir = scratch(t);
  const stairs = Array.from({ length: 5000 }, (_, i) => '>'.repeat(i + 1) + ` quoted ${i + 1}`).join('\n');
  const list = Array.from({ length: 5000 }, (_, i) => '  '.repeat(i) + `- level ${i + 1}`).join('\n');
  // A folder deck: the two slides are 12 and 25 MB.
  const deck = join(dir, 'deep');
  mkdirSync(deck);
  writeFileSync(join(deck, '1-quotes.md'), `# Quotes\n\n${stairs}\n\n${'>'.repeat(5000)} one line\n`);
  writeFileSync(join(deck, '2-list.md'), `# List\n\n${list}\n\nNote:\n${'> '.repeat(5000)}deep note\n`);
  for (const format of ['md', 'txt', 'html'] as const) {
    const r = run(['export', '--format', format, deck], {}, { timeout: 30_000, nodeOptions: ['--max-old-space-size=512'] });
    assert.equal(r.code, 0, `${format}: ${r.stderr.slice(0, 300)}`);
    assert.equal(r.stderr, '');
    for (const text of ['quoted 5000', 'one line', 'level 5000', 'deep note']) {
      assert.ok(r.stdout.includes(text), `${format}: ${text}`);
    }
  }
});

test('cli: Markdown that makes marked give up is exported as written, in every format', (t) => {
  const dir = scratch(t);
  const stars = '*'.repeat(10_000) + 'x' + '*'.repeat(10_000);
  const unders = '_'.repeat(10_000) + 'y' + '_'.repeat(10_000);
  const deck = join(dir, 'runs.md');
  writeFileSync(deck, `# Stars\n\n${stars}\n\nNote:\n${unders}\n\n---\n\n## ${unders}\n\nafter\n`);
  for (const format of ['md', 'txt', 'html'] as const) {
    const r = run(['export', '--format', format, deck]);
    assert.equal(r.code, 0, `${format}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    const kept = r.stdout.replace(/\s/g, '');
    assert.ok(kept.includes(stars), `${format}: the run of stars`);
    assert.ok(kept.includes(unders), `${format}: the run of underscores`);
    assert.match(r.stdout, /after/);
    if (format === 'md') assert.match(r.stdout, /^#{2,3} 1\. Stars$/m, 'the slide heading is lifted all the same');
  }
});

test('cli: -o never writes over a file the deck was read from, under any name', (t) => {
  const dir = scratch(t);
  const basic = readFileSync(join(FIXTURES, 'basic.md'), 'utf8');
  const refused = (args: string[], file: string, name: RegExp) => {
    const r = run(['export', ...args, '-o', file, '--force']);
    assertOneLineError(r, 2, /: is a file of the deck being exported; choose another output file$/m);
    assert.match(r.stderr, name);
    assert.doesNotMatch(r.stderr, /[\u0000-\u0009\u000b-\u001f\u007f]/, 'no control character in the message');
  };

  // A hard link to the deck file.
  const deck = join(dir, 'deck.md');
  writeFileSync(deck, basic);
  linkSync(deck, join(dir, 'hard.md'));
  refused([deck], join(dir, 'hard.md'), /hard\.md: /);
  // A symbolic link to it.
  symlinkSync(deck, join(dir, 'soft.md'));
  refused([deck], join(dir, 'soft.md'), /soft\.md: /);
  // A deck file whose name holds a control character (shown as a stand-in in messages).
  const odd = join(dir, 'odd\u0007name.md');
  writeFileSync(odd, basic);
  refused([odd], odd, /odd␇name\.md: /);
  // A file of a folder deck that holds no slide, named by a link from outside the folder.
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  writeFileSync(join(folder, '1-slides.md'), '# One\n\ntext\n');
  writeFileSync(join(folder, '2-nothing.md'), '<!-- pause -->\n');
  symlinkSync(join(folder, '2-nothing.md'), join(dir, 'nothing.html'));
  refused([folder], join(dir, 'nothing.html'), /nothing\.html: /);
  refused([folder], join(folder, '2-nothing.md'), /2-nothing\.md: /);

  assert.equal(readFileSync(deck, 'utf8'), basic);
  assert.equal(readFileSync(odd, 'utf8'), basic);
  assert.equal(readFileSync(join(folder, '2-nothing.md'), 'utf8'), '<!-- pause -->\n');
});

test('cli: a handout in a folder deck as .md is refused; elsewhere, or not .md, it is written', (t) => {
  const dir = scratch(t);
  const folder = join(dir, 'slides');
  mkdirSync(folder);
  writeFileSync(join(folder, '1-one.md'), '# One\n\ntext\n');
  for (const name of ['handout.md', 'Handout.MARKDOWN']) {
    const r = run(['export', folder, '-o', join(folder, name)]);
    assertOneLineError(r, 2, /: is in the folder deck, where it would be read as a slide file; write it outside/);
    assert.ok(r.stderr.includes(join(folder, name)), 'names the path');
    assert.ok(!existsSync(join(folder, name)), `${name} not written`);
  }
  // Through a link to the folder, and with the folder named through a link.
  symlinkSync(folder, join(dir, 'link'));
  assertOneLineError(run(['export', folder, '-o', join(dir, 'link', 'handout.md')]), 2, /is in the folder deck/);
  assertOneLineError(run(['export', join(dir, 'link'), '-o', join(folder, 'handout.md')]), 2, /is in the folder deck/);
  assert.deepEqual(readdirSync(folder), ['1-one.md']);
  // What the next read would not take: another extension, a sub-folder, beside the folder.
  for (const file of [join(folder, 'handout.txt'), join(folder, 'handout.html'), join(dir, 'handout.md')]) {
    const r = run(['export', folder, '-o', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(file, 'utf8'), /One/);
  }
  mkdirSync(join(folder, 'out'));
  assert.equal(run(['export', folder, '-o', join(folder, 'out', 'handout.md')]).code, 0);
  const again = run(['--json', folder]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(JSON.parse(again.stdout).slides.length, 1, 'the deck is still one slide');
});

/** The CLI under a file size limit of one block (`ulimit -f 1`): writing past it fails with EFBIG. */
function runLimited(args: string[]) {
  const r = spawnSync('sh', ['-c', 'ulimit -f 1 && exec "$0" "$@"', process.execPath, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0 };
}

const noLimits = process.platform === 'win32';

test('cli: a handout that cannot be written whole leaves the target as it was, and no temp file', { skip: noLimits }, (t) => {
  const dir = scratch(t);
  const old = 'the handout of last week\n';
  const kept = join(dir, 'kept.md');
  writeFileSync(kept, old);
  let r = runLimited(['export', '-o', kept, '--force']);
  assert.equal(readFileSync(kept, 'utf8'), old, 'the file replaced keeps its text');
  assert.deepEqual(readdirSync(dir), ['kept.md'], 'no temporary file');
  assertOneLineError(r, 2, /kept\.md: cannot write: file too large/);
  r = runLimited(['export', '-o', join(dir, 'new.md')]);
  assert.deepEqual(readdirSync(dir), ['kept.md'], 'no new file, no temporary file');
  assertOneLineError(r, 2, /new\.md: cannot write: file too large/);
  // Without the limit: written whole, the replaced file's permissions kept, no temporary file.
  chmodSync(kept, 0o640);
  r = run(['export', '-o', kept, '--force']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(kept, 'utf8'), exportDeck(bundledDeck(), 'md'));
  assert.equal(statSync(kept).mode & 0o777, 0o640);
  // A link is written through: it stays a link, to the file that now holds the handout.
  const link = join(dir, 'link.txt');
  symlinkSync(kept, link);
  assert.equal(run(['export', '-o', link, '--force']).code, 0);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.match(readFileSync(kept, 'utf8'), /^Contents$/m, 'the text handout');
  assert.deepEqual(readdirSync(dir).sort(), ['kept.md', 'link.txt']);
});

test('cli: 100,000 lines that open HTML blocks and comments never closed export in seconds', (t) => {
  const dir = scratch(t);
  const deck = join(dir, 'open.md');
  writeFileSync(deck, `# Open\n\n${'<?x <!-- <script\n'.repeat(100_000)}\nlast line\n`);
  for (const format of ['md', 'txt', 'html'] as const) {
    const r = run(['export', '--format', format, deck], {}, { timeout: 20_000 });
    assert.equal(r.code, 0, `${format}: ${r.error?.message ?? r.stderr}`);
    assert.match(r.stdout, /last line/);
  }
});
