// Rehearsal timings from fed times (no clock, no sleeping): accumulating per
// slide, sections against budgets, the report table, the timings file's
// round trip and what it refuses, and the recorder the session drives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDeck } from '../../src/deck/parse.js';
import { parseTimings, seconds, TimingsError, timingsText, type Timings } from '../../src/deck/timings.js';
import { readTimings, timingsPathFor, writeTimings } from '../../src/io/timings.js';
import { LoadError } from '../../src/io/load.js';
import { rehearsalReport } from '../../src/render/rehearsal.js';
import { clock } from '../../src/state/pacing.js';
import { initialState, pressKeys } from '../../src/state/reducer.js';
import {
  endRehearsal,
  matchSections,
  overBudget,
  rehearsalAt,
  sectionTimes,
  startRehearsal,
  timedSlide,
} from '../../src/state/rehearsal.js';
import { reportOf, RehearsalRecorder, timingsOf } from '../../src/ui/rehearsal.js';
import { shapeOf } from '../../src/ui/geometry.js';
import { Session, type Painter } from '../../src/ui/session.js';
import { RenderCache } from '../../src/render/cache.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { makeTheme } from '../../src/render/theme.js';
import { timingLine } from '../../src/render/status.js';

const DECK = `---
title: Timed
duration: 10
---

<!-- section: Opening, 2 min -->

## One

---

## Two

---

<!-- section: Middle -->

## Three

---

<!-- section: End, 3 min -->

## Four
`;

const deck = () => parseDeck(DECK, 'timed.md');
const S = 1000;

test('time accumulates on the slide shown, from one position change to the next; nothing in the reading view', () => {
  let r = startRehearsal(4);
  r = rehearsalAt(r, 0, 0);
  r = rehearsalAt(r, 0, 5 * S); // the same slide again (a reveal step): still timing it
  r = rehearsalAt(r, 1, 10 * S);
  r = rehearsalAt(r, null, 15 * S); // reading view
  r = rehearsalAt(r, 1, 100 * S); // back: the 85 s away do not count
  r = rehearsalAt(r, 0, 102 * S);
  r = endRehearsal(r, 110 * S);
  assert.deepEqual(r.ms, [18 * S, 7 * S, 0, 0]);
  assert.equal(r.at, null);
  // A clock that goes back adds nothing rather than taking time away.
  assert.deepEqual(endRehearsal(rehearsalAt(rehearsalAt(startRehearsal(1), 0, 50), 0, 40), 10).ms, [0]);
});

test('the slide timed is the state\'s slide in the slides and presenter views, overlays included', () => {
  const state = initialState(shapeOf(deck()));
  assert.equal(timedSlide(state), 0);
  assert.equal(timedSlide(pressKeys(state, 'll')), 2);
  assert.equal(timedSlide(pressKeys(state, 'lp')), 1);
  assert.equal(timedSlide(pressKeys(state, 'ls')), 1);
  assert.equal(timedSlide({ ...pressKeys(state, 'l'), view: 'reading' }), null);
});

test('sections: the sum of their slides, against budgets from duration and per-section minutes', () => {
  const d = deck();
  const rows = sectionTimes({ minutes: d.meta.duration, sections: d.sections }, [10 * S, 20 * S, 100 * S, 300 * S, 60 * S]);
  assert.deepEqual(
    rows.map((r) => [r.title, r.spent / S, r.budget! / S]),
    [
      ['Opening', 130, 120],
      ['Middle', 300, 300],
      ['End', 60, 180],
    ],
  );
  const unplanned = parseDeck('# A\n\n---\n\n# B\n', 'x.md');
  assert.equal(sectionTimes({ sections: unplanned.sections }, [1, 2])[0].budget, undefined);
});

test('the report: one row per section, budget, over or under, and the total', () => {
  const lines = rehearsalReport(
    '_Timed_ talk',
    [
      { title: 'Opening', spent: 130 * S, budget: 120 * S },
      { title: 'A much longer middle section', spent: 300.4 * S, budget: 300 * S },
      { title: '', spent: 60 * S, budget: 180 * S },
    ],
    clock,
  );
  assert.deepEqual(lines, [
    'Rehearsal of Timed talk: 8:10 of 10:00 planned',
    '  Section                       Time  Budget  Over/under',
    '  Opening                       2:10    2:00  0:10 over',
    '  A much longer middle section  5:00    5:00  on time',
    '  (start)                       1:00    3:00  2:00 under',
    '  Total                         8:10   10:00  1:50 under',
  ]);
  assert.deepEqual(rehearsalReport('Untimed', [{ title: 'Only', spent: 65 * S }], clock), [
    'Rehearsal of Untimed: 1:05 (no time planned)',
    '  Section  Time  Budget',
    '  Only     1:05       -',
    '  Total    1:05       -',
  ]);
});

test('the timings file: written and read back the same; the report made from it', () => {
  const d = deck();
  const timings = timingsOf(d, [10 * S, 20 * S, 100 * S, 300 * S, 1234], new Date('2026-03-01T10:00:00Z'));
  assert.equal(timings.version, 1);
  assert.deepEqual(timings.deck.title, 'Timed');
  assert.match(timings.deck.fingerprint, /^[0-9a-f]{16}$/);
  assert.equal(timings.date, '2026-03-01T10:00:00.000Z');
  assert.equal(timings.seconds, 431.2);
  assert.deepEqual(timings.slides[0], { slide: 1, title: 'Timed', seconds: 10 });
  assert.deepEqual(timings.sections[0], { title: 'Opening', first: 1, last: 3, seconds: 130, budget: 120 });
  assert.deepEqual(timings.slides[4], { slide: 5, title: 'Four', seconds: 1.2 });
  assert.deepEqual(parseTimings(timingsText(timings), 'x.json'), timings);
  assert.equal(reportOf(timings)[2], '  Opening  2:10    2:00  0:10 over');
  assert.equal(seconds(1249), 1.2);
});

test('a file that is not timings: one line saying what is wrong', () => {
  const good = timingsOf(deck(), [], new Date(0));
  const cases: [string, RegExp][] = [
    ['{', /t\.json: not a brief-present timings file \(not JSON\)/],
    ['[]', /not a JSON object/],
    [JSON.stringify({ ...good, version: 2 }), /version 2, expected 1/],
    [JSON.stringify({ ...good, date: 'yesterday' }), /no "date"/],
    [JSON.stringify({ ...good, sections: [{ title: 'A', first: 1, last: 1, seconds: -1, budget: null }] }), /section 1 needs/],
    [JSON.stringify({ ...good, slides: [{ slide: 1, title: 'A', seconds: 'x' }] }), /slide 1 needs/],
    [JSON.stringify({ ...good, deck: null }), /no "deck"/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => parseTimings(text, 't.json'), (err: Error) => err instanceof TimingsError && message.test(err.message) && !err.message.includes('\n'));
  }
});

test('the file beside the deck: read, written whole, and errors as LoadError', (t) => {
  assert.equal(timingsPathFor('talks/brief.md'), join('talks', 'brief.timings.json'));
  assert.equal(timingsPathFor('talks/slides/'), join('talks', 'slides.timings.json'));
  assert.equal(timingsPathFor('notes.txt'), 'notes.txt.timings.json');
  const dir = mkdtempSync(join(tmpdir(), 'bp-timings-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'brief.timings.json');
  assert.equal(readTimings(path, true), undefined);
  assert.throws(() => readTimings(path), (e: Error) => e instanceof LoadError && /brief\.timings\.json: cannot read timings: no such file/.test(e.message));
  const timings = timingsOf(deck(), [S, 2 * S], new Date(0));
  writeTimings(path, timings);
  assert.deepEqual(readTimings(path), timings);
  writeFileSync(path, 'nope');
  assert.throws(() => readTimings(path, true), (e: Error) => e instanceof LoadError && /not JSON/.test(e.message));
  assert.throws(() => writeTimings(join(dir, 'missing', 'x.json'), timings), /x\.json: cannot write timings: no such folder/);
});

test('sections found again by title in an edited deck; those over budget, by whole seconds', () => {
  assert.deepEqual(
    matchSections(['Intro', 'Part', 'New', 'Part'], [
      { title: 'Part', seconds: 10 },
      { title: 'Intro', seconds: 5 },
      { title: 'Part', seconds: 20 },
      { title: 'Gone', seconds: 99 },
    ]),
    [5000, 10000, undefined, 20000],
  );
  const d = deck();
  const plan = { minutes: d.meta.duration, sections: d.sections };
  assert.deepEqual(overBudget(plan, [120.4 * S, 301 * S, undefined]), [{ section: 1, title: 'Middle', spent: 301 * S, budget: 300 * S }]);
  assert.deepEqual(overBudget({ sections: d.sections.map((s) => ({ ...s, minutes: undefined })) }, [1e9, 1e9, 1e9]), []);
});

test('the recorder: the states it is told of, then once: the file written and the table printed', () => {
  const d = deck();
  let now = 1000;
  const written: Timings[] = [];
  let out = '';
  let err = '';
  const rec = new RehearsalRecorder(d, {
    path: 'timed.timings.json',
    now: () => now,
    write: (_path, t) => written.push(t),
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  let state = initialState(shapeOf(d));
  rec.observe(state, d, 1000);
  state = pressKeys(state, 'l');
  rec.observe(state, d, 61_000);
  state = { ...state, view: 'reading' };
  rec.observe(state, d, 70_000);
  now = 90_000;
  rec.finish();
  rec.finish();
  assert.equal(written.length, 1);
  assert.deepEqual(written[0].slides.map((s) => s.seconds), [60, 9, 0, 0, 0]);
  assert.match(out, /^Rehearsal of Timed: 1:09 of 10:00 planned\n/);
  assert.match(out, /\n {2}Opening +1:09 +2:00 +0:51 under\n/);
  assert.match(out, /\nTimings written to timed\.timings\.json\n$/);
  assert.equal(err, '');

  const failing = new RehearsalRecorder(d, {
    path: 'ro.json',
    now: () => 5,
    write: () => {
      throw new Error('ro.json: cannot write timings: read-only file system');
    },
    out: (s) => (out = s),
    err: (s) => (err = s),
  });
  failing.finish();
  assert.equal(failing.failed, true);
  assert.equal(err, 'brief-present: ro.json: cannot write timings: read-only file system\n');
  assert.match(out, /Total/);
  assert.doesNotMatch(out, /Timings written/);
});

test('the timings file written by writeTimings is the text timingsText makes', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-timings-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const timings = timingsOf(deck(), [S], new Date(0));
  writeTimings(join(dir, 'a.json'), timings);
  assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), timingsText(timings));
});

test('the session tells the recorder of every move, at its clock\'s time; quitting ends the rehearsal', async () => {
  const d = deck();
  const theme = makeTheme(0);
  let now = 0;
  const timings: Timings[] = [];
  const rec = new RehearsalRecorder(d, { path: 'x', now: () => now, write: (_p, t) => timings.push(t), out: () => {}, err: () => {} });
  const still: Painter = { paint() {}, release() {} };
  const session = new Session({
    deck: d,
    cache: new RenderCache(d, createMarkdownRenderer(theme), theme),
    theme,
    state: initialState(shapeOf(d)),
    size: () => ({ cols: 100, rows: 30 }),
    now: () => now,
    direct: still,
    ink: async () => still,
    cacheFor: (next) => new RenderCache(next, createMarkdownRenderer(theme), theme),
    observe: (state, shown, at) => rec.observe(state, shown, at),
  });
  const done = session.run();
  now = 4000;
  session.keys(['l']);
  now = 10_000;
  session.keys(['l', 'l']); // slide 2 shown for no time at all
  now = 12_500;
  session.keys(['q']);
  await done;
  rec.finish();
  assert.deepEqual(timings[0].slides.map((s) => s.seconds), [4, 6, 0, 2.5, 0]);
  assert.deepEqual(timings[0].sections.map((s) => s.seconds), [10, 2.5, 0]);
});

test('the presenter\'s timing line: the last rehearsal\'s time of the section beside its budget, when there is room', () => {
  const theme = makeTheme(0);
  const info = { elapsed: 65_000, running: true, started: true, clock: '10:00', section: { title: 'Opening', spent: 30_000, budget: 120_000, last: 135_000 } };
  assert.equal(timingLine(info, 100, theme, clock), ' 1:05 running · 10:00 · Opening: 0:30 of 2:00 (rehearsed 2:15)');
  assert.equal(timingLine(info, 50, theme, clock), ' 1:05 running · 10:00 · Opening: 0:30 of 2:00');
  const { last: _, ...first } = info.section;
  assert.equal(timingLine({ ...info, section: first }, 100, theme, clock), ' 1:05 running · 10:00 · Opening: 0:30 of 2:00');
});
