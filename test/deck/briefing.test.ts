// The bundled briefing in slides/: structure, notes, fit at 80×24, faithfulness checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { displayWidth } from '../../src/render/ansi.js';
import stripAnsi from 'strip-ansi';
import { parseFiles, sortDeckFiles } from '../../src/deck/parse.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { contentWidth, renderSlideLines } from '../../src/render/slide.js';
import { makeTheme } from '../../src/render/theme.js';
import { layout } from '../../src/render/layout.js';
import { sectionBudgets } from '../../src/state/pacing.js';
import { mainCount } from '../../src/deck/backup.js';
import { initialState, pressKeys } from '../../src/state/reducer.js';

const dir = new URL('../../slides/', import.meta.url);
const files = sortDeckFiles(
  readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => ({ path: `slides/${n}`, text: readFileSync(new URL(n, dir), 'utf8') })),
);
const deck = parseFiles(files, { folder: true });
const mainSections = deck.sections.filter((s) => !s.backup);
const THEMES = [
  'Foundations',
  'Strategic and diplomatic',
  'Shift in US emphasis',
  'Development assistance',
  'Military-to-military',
  'Exercises and ASEAN chairmanship',
  'Summary',
];

test('one file per section, numbered in the article order, then the backup slides', () => {
  assert.equal(files.length, 10);
  assert.equal(files[9].path, 'slides/09-backup.md');
  files.forEach((f, i) => assert.match(f.path, new RegExp(`^slides/0${i}-`)));
});

test('front matter: title, subtitle, and a date that says the source is from 2011', () => {
  assert.match(deck.meta.title ?? '', /Cambodia.US relations/);
  assert.ok(deck.meta.subtitle);
  assert.match(deck.meta.date ?? '', /2011/);
});

test('sections: opening, the seven themes in order, closing; then the backup section', () => {
  const names = mainSections.map((s) => s.title);
  assert.equal(names.length, 9);
  assert.deepEqual(deck.sections.slice(9).map((s) => [s.title, s.backup]), [['Backup', true]]);
  THEMES.forEach((t, i) => assert.ok(names[i + 1].includes(t), `section ${i + 1} is "${t}": ${names[i + 1]}`));
  const opening = deck.slides.filter((s) => s.section === 0).map((s) => s.title);
  assert.deepEqual(opening, [deck.meta.title, 'Agenda', 'Bottom line up front']);
  const closing = deck.slides.filter((s) => s.section === 8).map((s) => s.title);
  assert.equal(closing.length, 2);
  assert.match(closing[0], /^Source: .*blog post/);
  assert.equal(closing[1], 'Questions');
  assert.equal(deck.slides[0].kind, 'title');
});

test('the agenda lists every thematic section', () => {
  const agenda = deck.slides.find((s) => s.title === 'Agenda')!;
  for (const s of deck.sections.slice(1, 8)) assert.ok(agenda.body.includes(s.title), s.title);
});

test('bottom line up front: three to five key judgements', () => {
  const bluf = deck.slides.find((s) => s.title === 'Bottom line up front')!;
  const bullets = bluf.body.split('\n').filter((l) => /^- /.test(l));
  assert.ok(bullets.length >= 3 && bullets.length <= 5, `${bullets.length} judgements`);
});

test('every content slide has a title, notes, and at most 6 bullets', () => {
  for (const s of deck.slides.filter((x) => x.kind === 'content')) {
    assert.ok(s.title, `slide ${s.index + 1} has a title`);
    assert.ok(s.notes.trim().length > 40, `slide ${s.index + 1} (${s.title}) has notes`);
    const bullets = s.body.split('\n').filter((l) => /^[-*] /.test(l));
    assert.ok(bullets.length <= 6, `slide ${s.index + 1} (${s.title}) has ${bullets.length} bullets`);
  }
});

test('every slide fits an 80×24 terminal with the status line', () => {
  const { width } = contentWidth(80);
  const rows = layout(80, 24, { banner: false, notes: false }).slideRows - 1;
  for (const level of [0, 1] as const) {
    const md = createMarkdownRenderer(makeTheme(level));
    for (const s of deck.slides) {
      const lines = renderSlideLines(s, width, md);
      assert.ok(lines.length <= rows, `slide ${s.index + 1} (${s.title}): ${lines.length} lines > ${rows}`);
      for (const l of lines) assert.ok(displayWidth(l) <= width, `slide ${s.index + 1}: ${stripAnsi(l)}`);
    }
  }
});

test("no slide or note holds the blog's comment-form boilerplate", () => {
  const boiler = [/Leave a Reply/i, /Log Out/i, /Connecting to/i, /%s/, /commenting using/i, /Fill in your details/i];
  for (const s of deck.slides) {
    for (const re of boiler) {
      assert.doesNotMatch(s.body, re, `slide ${s.index + 1}`);
      assert.doesNotMatch(s.notes, re, `notes of slide ${s.index + 1}`);
    }
  }
});

test("the article's facts are there: figure, dates, names", () => {
  const all = deck.slides.map((s) => `${s.body}\n${s.notes}`).join('\n');
  for (const fact of [
    'US$35 million',
    'USAID',
    'Robert Scher',
    'late October 2011',
    'Deputy Assistant of Defense for South and Southeast Asia',
    'South China Sea',
    'Mekong River',
    'China',
    'RCAF',
    'peacekeeping',
    'demining',
    'anti-terrorism',
    'humanitarian assistance',
    'defense reform',
    'November to December',
    'software support',
    'ASEAN needs',
  ]) {
    assert.ok(all.includes(fact), fact);
  }
  // Only the article's one figure appears as money.
  const money = all.match(/(US\$|\$)\s?\d[\d,.]*\s*(million|billion)?/g) ?? [];
  assert.deepEqual([...new Set(money)], ['US$35 million']);
  // Years: only the article's.
  const years = new Set(all.match(/\b(19|20)\d\d\b/g));
  assert.deepEqual([...years], ['2011']);
});

const bulletsOf = (body: string) =>
  body
    .split('\n')
    .filter((l) => /^\s*[-*+] /.test(l))
    .map((l) => l.replace(/^\s*[-*+] /, ''));
const bluf = () => deck.slides.find((s) => s.title === 'Bottom line up front')!;

test('the bottom line leads with the thesis and its ASEAN and China context', () => {
  const bullets = bulletsOf(bluf().body);
  assert.match(bullets[0], /moving to strategic cooperation/i, 'the first judgement is the thesis');
  const context = bullets.find((b) => /ASEAN/.test(b));
  assert.ok(context, 'a judgement gives the ASEAN context');
  for (const w of ['South China Sea', 'Mekong', 'China']) assert.ok(context.includes(w), w);
  // The shift is one of emphasis ("talks more"), and the US still raises rights.
  const shift = bullets.find((b) => /democracy/.test(b));
  assert.ok(shift, 'a judgement on the change in US emphasis');
  assert.match(shift, /more/);
  assert.match(shift, /still raises rights/);
  assert.doesNotMatch(bluf().body, /moved from|towards security|toward security/i);
});

test('the source is named as an unsigned 2011 blog post in the first three slides', () => {
  const first = deck.slides.slice(0, 3).map((s) => `${s.body}\n${s.notes}`).join('\n');
  assert.match(first, /blog post/i);
  assert.match(first, /\b2011\b/);
  assert.match(first, /unsigned/i);
  assert.match(deck.slides[0].body, /blog post/i, 'on the title slide');
  assert.match(bluf().notes, /blog post/i, "in the bottom line's notes");
  assert.match(bluf().notes, /author's reading/, '"the US understands/views" are the author\'s readings');
  const qa = deck.slides.find((s) => s.title === 'Questions')!;
  assert.match(qa.notes, /apart from what happened later/);
  assert.doesNotMatch(deck.slides.map((s) => `${s.body}\n${s.notes}`).join('\n'), /commentary/i);
});

test('duration: the deck and every section are budgeted, the budgets sum to the deck, the notes fit', () => {
  assert.ok(deck.meta.duration, 'duration: in the front matter');
  mainSections.slice(1).forEach((s) => assert.ok(s.minutes, `${s.title} has its minutes`));
  // The backup slides are not budgeted: they take time only when asked for.
  const budgets = sectionBudgets({ minutes: deck.meta.duration, sections: mainSections })!;
  assert.ok(budgets.every((b) => b > 0), 'every section, the opening included, has time');
  assert.deepEqual(sectionBudgets({ minutes: deck.meta.duration, sections: deck.sections })!.slice(0, 9), budgets);
  const planned = deck.sections.reduce((a, s) => a + (s.minutes ?? 0), 0);
  assert.ok(planned < deck.meta.duration!, 'the opening keeps what the sections leave');
  assert.equal(budgets.reduce((a, b) => a + b, 0), deck.meta.duration! * 60_000);
  // Read aloud at about 130 words a minute, each section's notes fit its time.
  mainSections.forEach((sec, i) => {
    const words = deck.slides
      .filter((s) => s.section === i)
      .map((s) => s.notes.split(/\s+/).filter(Boolean).length)
      .reduce((a, b) => a + b, 0);
    assert.ok(words <= (130 * budgets[i]) / 60_000, `${sec.title || 'opening'}: ${words} words`);
  });
});

test('one complete point per bullet: none begins with an ellipsis, none is repeated on another slide', () => {
  const seen = new Map<string, number>();
  for (const s of deck.slides) {
    for (const b of bulletsOf(s.body)) {
      assert.doesNotMatch(b, /^(\.\.\.|…)/, `slide ${s.index + 1}: ${b}`);
      const key = b.replace(/[*_"`]/g, '').replace(/\W+/g, ' ').trim().toLowerCase();
      const other = seen.get(key);
      assert.ok(other === undefined, `slide ${s.index + 1} repeats a bullet of slide ${(other ?? 0) + 1}: ${b}`);
      seen.set(key, s.index);
    }
  }
});

test("the agenda numbers the sections as the section menu does", () => {
  const agenda = deck.slides.find((s) => s.title === 'Agenda')!;
  const rows = agenda.body
    .split('\n')
    .map((l) => /^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ n: Number(m[1]), name: m[2] }));
  assert.deepEqual(
    rows.map((r) => r.name),
    mainSections.map((s) => s.title),
    'every section, opening and closing too (the backup slides are listed apart)',
  );
  // In the section menu, typing a section's number goes to that section.
  const state = initialState({ count: deck.slides.length, main: mainCount(deck), sections: deck.sections }, { index: 0 });
  for (const { n, name } of rows) {
    const index = pressKeys(state, `s${n}`).index;
    assert.equal(deck.sections[deck.slides[index].section].title, name, `menu ${n}`);
  }
});

test('one spelling standard (US), RCAF spelled out first, one phrase for the chair year', () => {
  const all = deck.slides.map((s) => `${s.body}\n${s.notes}`).join('\n');
  assert.doesNotMatch(all, /\b(emphasis(e|es|ed|ing)|recognis|organis|summaris|prioritis|centre|defence|favour|programme|towards|whilst)\w*/i);
  const firstRcaf = all.search(/\bRCAF\b/);
  assert.equal(all.slice(firstRcaf - 'Royal Cambodian Armed Forces ('.length, firstRcaf), 'Royal Cambodian Armed Forces (');
  assert.doesNotMatch(all, /chair year|chairs ASEAN|ASEAN chair\b/);
  const chair = all.match(/Cambodia's ASEAN chairmanship[^.,;"\n]*/g) ?? [];
  assert.ok(chair.length >= 2);
  for (const c of chair.filter((c) => /year/.test(c))) assert.equal(c, "Cambodia's ASEAN chairmanship the following year");
});

test('[sic] sits right after the word it marks, and the notes explain it', () => {
  const all = deck.slides.map((s) => s.body).join('\n');
  assert.ok(all.includes('"Deputy Assistant [sic] of Defense for South and Southeast Asia"'));
  const notes = deck.slides.find((s) => s.body.includes('[sic]'))!.notes;
  assert.match(notes, /\[sic\] after "Assistant"/);
});

test('backup slides: the five areas and the two passages in full, word for word from the article', () => {
  const article = readFileSync(new URL('../../../shared/source/cambodia-us-relations.txt', import.meta.url), 'utf8')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ');
  const backup = deck.slides.filter((s) => s.backup);
  assert.ok(backup.length >= 2 && backup.length <= 3, `${backup.length} backup slides`);
  assert.equal(mainCount(deck), deck.slides.length - backup.length, 'after every main slide');
  const areas = backup[0].body.split('\n').filter((l) => /^\d\. /.test(l)).map((l) => l.slice(3).toLowerCase());
  assert.deepEqual(areas, ['peacekeeping', 'demining', 'anti-terrorism', 'humanitarian assistance', 'defense reform']);
  assert.ok(article.includes(`in the areas of ${areas.slice(0, 4).join(', ')} and ${areas[4]}`));
  // Every quotation on a backup slide or in its notes is the article's text.
  for (const s of backup) {
    const quoted = `${s.body}\n${s.notes}`.replace(/\s+/g, ' ').match(/"[^"]{12,}"/g) ?? [];
    assert.ok(quoted.length, `slide ${s.index + 1} quotes the article`);
    for (const q of quoted) assert.ok(article.includes(q.slice(1, -1).replace(/\.$/, '')), `not in the article: ${q}`);
  }
  const quote = backup.find((s) => s.title.includes("official's words"))!;
  assert.ok(quote.body.includes("I'd like to stress that the department is committed"));
  assert.ok(quote.body.includes('respect for human rights"'));
});
