// `draft` and `init` as pure functions: an article (plain text, Markdown, a saved web
// page) into a draft folder deck that invents nothing, and the starter deck that
// shows the format and checks clean. The CLI around them: test/cli/scaffold.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDeck } from '../../src/check/check.js';
import { parseFiles, sortDeckFiles, type Deck } from '../../src/deck/parse.js';
import { draftDeck, SCAFFOLD_LABELS, type Draft } from '../../src/draft/draft.js';
import { decodeEntities } from '../../src/draft/html.js';
import { readSource } from '../../src/draft/source.js';
import { MAX_SECTIONS, segment, sentences } from '../../src/draft/segment.js';
import { starterDeck } from '../../src/draft/starter.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { makeTheme } from '../../src/render/theme.js';
import { SOURCE_DIR, sourceSkip } from '../helpers/corpus.js';

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

function deckOf(files: { name: string; text: string }[]): Deck {
  return parseFiles(sortDeckFiles(files.map((f) => ({ path: `draft/${f.name}`, text: f.text }))), { folder: true });
}

/** Every word on every slide (its body and title) and every section name occurs in the source. */
function assertInventsNothing(draft: Draft, sourceText: string, fileName: string): void {
  const allowed = words(`${sourceText} ${SCAFFOLD_LABELS.join(' ')} ${fileName}`);
  const deck = deckOf(draft.files);
  const shown = [...deck.slides.flatMap((s) => [s.body, s.title ?? '']), ...deck.sections.map((s) => s.title)];
  for (const text of shown) {
    for (const w of words(text)) assert.ok(allowed.has(w), `"${w}" is not in the source (in: ${text.slice(0, 80)})`);
  }
}

function allText(draft: Draft): string {
  return draft.files.map((f) => f.text).join('\n');
}

const CHROME = ['Leave a Reply', 'Name *', 'Email *', 'Website', 'Post Comment', 'commenting using', 'Connecting to', 'Log Out', 'Share this', 'Facebook'];

test('the bundled article: its seven themes, in order, each paragraph verbatim in its notes, no comment form', { skip: sourceSkip }, () => {
  const text = readFileSync(join(SOURCE_DIR, 'cambodia-us-relations.txt'), 'utf8');
  const draft = draftDeck(text, 'cambodia-us-relations.txt');
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim());
  const body = paragraphs.slice(1, paragraphs.indexOf('Leave a Reply'));
  assert.equal(body.length, 7, 'the article has seven paragraphs');
  assert.equal(draft.sections.length, 8, `seven themes and the source: ${draft.sections.join(' | ')}`);
  assert.equal(draft.sections[7], 'Source');
  const deck = deckOf(draft.files);
  assert.equal(deck.meta.title, 'Cambodia-US relations: Moving to strategic cooperation');
  assert.equal(deck.meta.author, undefined, 'no author invented');
  assert.equal(deck.meta.date, undefined, 'no date invented');
  // Theme k holds paragraph k, as written, in its notes, and only it.
  body.forEach((p, k) => {
    const section = deck.sections[k];
    const notes = deck.slides.slice(section.first, section.last + 1).map((s) => s.notes).join('\n');
    assert.ok(notes.includes(p), `theme ${k + 1} (${section.title}) has paragraph ${k + 1} verbatim`);
    body.forEach((q, j) => assert.ok(j === k || !notes.includes(q), `theme ${k + 1} has only its paragraph`));
    // Its bullets are the paragraph's leading sentences.
    const slide = deck.slides[section.last];
    assert.ok(slide.body.includes(`- ${sentences(p)[0]}`), `theme ${k + 1}'s first bullet`);
  });
  for (const c of CHROME) assert.ok(!allText(draft).includes(c), `no "${c}"`);
  assert.ok(draft.sections.includes('Development assistance'), draft.sections.join(' | '));
  assertInventsNothing(draft, text, 'cambodia-us-relations.txt');
  const last = deck.slides[deck.slides.length - 1];
  assert.match(last.body, /^- File: cambodia-us-relations\.txt$/m);
  assert.match(last.body, /^- Title: Cambodia-US relations: Moving to strategic cooperation$/m);
  assert.doesNotMatch(last.body, /Author|Date/);
});

const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Rivers &amp; roads | The Example Blog</title>
<meta name="author" content="Ana Lima">
<meta property="article:published_time" content="2024-03-05T09:00:00+00:00">
<style>body { font-family: serif } .hidden { display: none }</style>
<script>window.tracker = "analytics pageview";</script>
</head><body>
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header class="site-header"><p class="site-title">The Example Blog</p>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav></header>
<main id="content"><article class="post">
<header class="entry-header"><h1 class="entry-title">Rivers &amp; roads</h1>
<p class="posted-on"><time datetime="2024-03-05">March 5, 2024</time></p></header>
<div class="entry-content">
<p>Trade in the delta depends on rivers. Barges carry rice downstream to the port.</p>
<h2>Rivers</h2>
<p>The river network carries most freight. Seasonal floods raise the water and open channels &mdash; then close them again.</p>
<p>Dredging keeps the channels deep enough for barges.</p>
<h2>Roads</h2>
<p>Roads reach villages the barges cannot. New bridges cut travel times in half.</p>
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="#">Click to share on Twitter</a></li><li><a href="#">Facebook</a></li></ul></div>
</div></article>
<div id="comments" class="comments-area"><div id="respond"><h3>Leave a Reply</h3>
<form><p><label>Name *</label><input name="author"></p><p><label>Email *</label><input name="email"></p>
<p><label>Website</label><input name="url"></p><textarea>Comment</textarea><p><input type="submit" value="Post Comment"></p></form></div></div>
</main>
<footer class="site-footer"><p>Copyright 2024 The Example Blog. Proudly powered by software.</p></footer>
<script>document.write("late script text")</script>
</body></html>`;

test('a saved web page: the article, its headings as sections, author and date from the page, no page furniture', () => {
  const draft = draftDeck(PAGE, 'rivers.html');
  assert.deepEqual(draft.sections.slice(1), ['Rivers', 'Roads', 'Source']);
  const deck = deckOf(draft.files);
  assert.equal(deck.meta.title, 'Rivers & roads');
  assert.equal(deck.meta.author, 'Ana Lima');
  assert.equal(deck.meta.date, '2024-03-05');
  const text = allText(draft);
  for (const c of [...CHROME, 'Skip to content', 'About us', 'analytics', 'font-family', 'late script', 'Proudly', 'Click to share', 'The Example Blog']) {
    assert.ok(!text.includes(c), `no "${c}"`);
  }
  const rivers = deck.sections[1];
  const notes = deck.slides.slice(rivers.first, rivers.last + 1).map((s) => s.notes).join('\n');
  assert.ok(notes.includes('The river network carries most freight. Seasonal floods raise the water and open channels — then close them again.'));
  assert.ok(notes.includes('Dredging keeps the channels deep enough for barges.'));
  assert.match(deck.slides[rivers.first].body, /^- The river network carries most freight\.$/m);
  assertInventsNothing(draft, decodeEntities(PAGE), 'rivers.html');
});

const MARKDOWN = `---
title: Water for the city
author: J. Doe
date: 2023-11-02
---

The city gets its water from three sources, and each is under strain.

## Reservoirs

Reservoirs hold *two thirds* of the supply. Their levels fell in each of the last three summers.

### Upkeep

The oldest dam needs repairs before 2030.

## Groundwater

- Wells supply the eastern districts.
- Pumping has lowered the water table.

\`\`\`
level_m = 12.5
\`\`\`

## Recycling

Recycled water now serves parks and industry. Treated water costs less than new supply.
`;

test('a Markdown article: sections from its headings, front matter for the title page, Markdown kept', () => {
  const draft = draftDeck(MARKDOWN, 'water.md');
  assert.deepEqual(draft.sections.slice(1), ['Reservoirs', 'Groundwater', 'Recycling', 'Source']);
  const deck = deckOf(draft.files);
  assert.equal(deck.meta.title, 'Water for the city');
  assert.equal(deck.meta.author, 'J. Doe');
  assert.equal(deck.meta.date, '2023-11-02');
  const section = (name: string) => deck.sections.find((s) => s.title === name)!;
  const slidesOf = (name: string) => deck.slides.slice(section(name).first, section(name).last + 1);
  const reservoirs = slidesOf('Reservoirs').map((s) => s.notes).join('\n');
  assert.ok(reservoirs.includes('Reservoirs hold *two thirds* of the supply.'), 'Markdown kept in the notes');
  assert.ok(reservoirs.includes('Upkeep') && reservoirs.includes('The oldest dam needs repairs before 2030.'), 'a subsection goes with its section');
  const ground = slidesOf('Groundwater');
  assert.match(ground[0].body, /^- Wells supply the eastern districts\.$/m);
  assert.ok(ground[0].notes.includes('level_m = 12.5'));
  assert.ok(deck.sections[0].title !== 'Reservoirs', 'the text before the first heading is a section of its own');
  assertInventsNothing(draft, MARKDOWN, 'water.md');
});

test('paragraphs without headings: the most similar neighbours are joined, never two topics', () => {
  const topics = [
    ['harbour', 'ships', 'cranes', 'containers', 'docks', 'cargo'],
    ['orchard', 'apples', 'blossom', 'pickers', 'harvest', 'cider'],
    ['library', 'books', 'readers', 'shelves', 'catalogue', 'loans'],
  ];
  const paras = topics.flatMap((t, k) =>
    [0, 1, 2, 3].map((i) => `Paragraph ${k}${i} says the ${t[i]} and the ${t[i + 1]} and the ${t[(i + 2) % 6]} matter, with ${t[0]} and ${t[5]} always near, as every reader of this long example text knows well.`),
  );
  const text = `Three topics\n\n${paras.join('\n\n')}\n`;
  const source = readSource(text, 'topics.txt');
  assert.equal(source.title, 'Three topics');
  const parts = segment(source.blocks);
  assert.equal(parts.length, MAX_SECTIONS);
  for (const part of parts) {
    const which = new Set(part.paragraphs.map((p) => topics.findIndex((t) => p.text.includes(` ${t[0]} `))));
    assert.equal(which.size, 1, `one topic per section: ${part.paragraphs.map((p) => p.text.slice(0, 12)).join(' / ')}`);
  }
  // Deterministic, and a short paragraph joins a neighbour.
  assert.deepEqual(segment(readSource(text, 'topics.txt').blocks), parts);
  const short = segment(readSource(`T\n\n${paras[0]}\n\nSee above.\n\n${paras[4]}\n`, 'x.txt').blocks);
  assert.equal(short.length, 2);
  assert.ok(short.some((s) => s.paragraphs.some((p) => p.text === 'See above.')));
});

test('sentences: split at sentence ends, not after Mr. or initials', () => {
  assert.deepEqual(sentences('Mr. Robert Scher visited. He said “yes.” Then J. Smith left! Done'), [
    'Mr. Robert Scher visited.',
    'He said “yes.”',
    'Then J. Smith left!',
    'Done',
  ]);
});

test('init: the starter deck shows the format and checks clean', () => {
  const files = starterDeck();
  const deck = deckOf(files);
  assert.ok(deck.meta.title);
  assert.ok(deck.meta.duration);
  assert.ok(deck.sections.length >= 4, 'sections');
  assert.ok(deck.slides.some((s) => s.steps.length > 1), 'a slide with pauses');
  assert.ok(deck.slides.some((s) => /^\|.*\|$/m.test(s.body)), 'a table');
  assert.ok(deck.slides.filter((s) => s.kind !== 'title').every((s) => s.notes.trim()), 'notes on every slide');
  assert.ok(files.some((f) => /^backup: true$/m.test(f.text)), 'a backup section');
  const result = checkDeck(deck, createMarkdownRenderer(makeTheme(0)));
  assert.deepEqual(result.findings, [], 'check finds nothing');
});

test('plain text with headings, a byline and a date: sections from the headings, author and date cited', () => {
  const text = 'Harbour report\n\nBy Sam Lee\n\nMarch 3, 2021\n\nThe port grew last year.\n\nShips\n\nMore ships called than ever before. Queues formed at the gate.\n\nCranes\n\nTwo new cranes arrived in June. They doubled the lift rate.\n';
  const draft = draftDeck(text, 'report.txt');
  assert.deepEqual(draft.sections.slice(1), ['Ships', 'Cranes', 'Source']);
  const deck = deckOf(draft.files);
  assert.equal(deck.meta.title, 'Harbour report');
  assert.equal(deck.meta.author, 'Sam Lee');
  assert.equal(deck.meta.date, 'March 3, 2021');
  const last = deck.slides[deck.slides.length - 1].body;
  assert.match(last, /^- Author: Sam Lee$/m);
  assert.match(last, /^- Date: March 3, 2021$/m);
  assertInventsNothing(draft, text, 'report.txt');
});
