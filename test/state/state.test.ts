import { test } from 'node:test';
import assert from 'node:assert/strict';
import { helpRows, helpText, hintLine } from '../../src/state/keyhelp.js';
import { BINDINGS, parseKeyString } from '../../src/state/keys.js';
import { bindingsFor, commandFor, PRESET_SPECS, PRESETS, type Preset } from '../../src/state/keymap.js';
import { elapsed, indexRows, initialState, pressKeys, reducer, type ReadingDoc, type State } from '../../src/state/reducer.js';

// 12 slides in three sections: 0–3, 4–7, 8–11.
const SECTIONS = [
  { first: 0, last: 3 },
  { first: 4, last: 7 },
  { first: 8, last: 11 },
];
const start = (index = 0): State => initialState({ count: 12, sections: SECTIONS }, { index });
const at = (keys: string, from = 0) => pressKeys(start(from), keys).index;

test('next and previous with every key in the table', () => {
  for (const k of ['l', 'j', '<right>', '<down>', ' ', '<pagedown>', '<enter>']) assert.equal(at(k), 1, k);
  for (const k of ['h', 'k', '<left>', '<up>', '<pageup>', '<backspace>']) assert.equal(at(k, 5), 4, k);
});

test('movement stops at the ends', () => {
  assert.equal(at('hhh'), 0);
  assert.equal(at('llll', 10), 11);
});

test('"llgg": forward twice then back to the first slide', () => {
  assert.equal(at('ll'), 2);
  assert.equal(at('llgg'), 0);
  assert.equal(at('<home>', 7), 0);
});

test('G and End go to the last slide; a number before G goes to that slide', () => {
  assert.equal(at('G'), 11);
  assert.equal(at('<end>'), 11);
  assert.equal(at('12G', 3), 11);
  assert.equal(at('5G'), 4);
  assert.equal(at('99G'), 11);
});

test('digits then Enter go to that slide; Esc cancels the number', () => {
  assert.equal(at('3<enter>'), 2);
  assert.equal(at('10<enter>'), 9);
  assert.equal(at('3<esc>l'), 1);
  assert.equal(pressKeys(start(), '12').digits, '12');
  assert.equal(pressKeys(start(), '12x').digits, '');
});

test('a count before a move moves that many slides', () => {
  assert.equal(at('3l'), 3);
  assert.equal(at('2h', 5), 3);
});

test('"]][": section jumps', () => {
  assert.equal(at(']'), 4);
  assert.equal(at(']]'), 8);
  assert.equal(at(']]]'), 8);
  assert.equal(at(']]['), 4);
  // From inside a section, [ goes to its start first, then to the previous section.
  assert.equal(at('[', 6), 4);
  assert.equal(at('[[', 6), 0);
});

test('a "g" that does not become "gg" is dropped', () => {
  const s = pressKeys(start(3), 'g');
  assert.equal(s.pending, 'g');
  assert.equal(pressKeys(s, 'x').pending, '');
  assert.equal(pressKeys(start(3), 'gl').index, 4);
});

test('section menu and help open, close with Esc, and swallow navigation keys', () => {
  let s = pressKeys(start(), 's');
  assert.equal(s.overlay, 'menu');
  assert.equal(pressKeys(s, 'lll').index, 0);
  assert.equal(pressKeys(s, '<esc>').overlay, 'none');
  assert.equal(pressKeys(s, '<tab>').overlay, 'none');
  s = pressKeys(start(), '?');
  assert.equal(s.overlay, 'help');
  assert.equal(pressKeys(s, '?').overlay, 'none');
  assert.equal(pressKeys(s, '<esc>').overlay, 'none');
  assert.equal(pressKeys(start(), '<tab>').overlay, 'menu');
});

test('choosing a section jumps to its first slide and closes the menu', () => {
  const s = pressKeys(start(), 'sjj<enter>');
  assert.equal(s.index, 8);
  assert.equal(s.overlay, 'none');
});

test('o toggles the notes pane', () => {
  assert.equal(pressKeys(start(), 'o').notes, true);
  assert.equal(pressKeys(start(), 'oo').notes, false);
});

test('q and Ctrl-C quit, also from an overlay', () => {
  assert.equal(pressKeys(start(), 'q').quit, true);
  assert.equal(pressKeys(start(), '<ctrl+c>').quit, true);
  assert.equal(pressKeys(start(), 's<ctrl+c>').quit, true);
  assert.equal(pressKeys(start(), '?q').quit, true);
});

test('a tall slide scrolls before next advances, and back before previous', () => {
  const vp = { maxScroll: 10, page: 4 };
  const tall = () => ({ slide: vp, notes: { maxScroll: 0, page: 1 } });
  let s = pressKeys(start(), 'l', tall);
  assert.deepEqual([s.index, s.scroll], [0, 4]);
  s = pressKeys(s, 'll', tall);
  assert.deepEqual([s.index, s.scroll], [0, 10]);
  s = pressKeys(s, 'h', tall);
  assert.deepEqual([s.index, s.scroll], [0, 6]);
  s = pressKeys(s, 'll', tall);
  assert.deepEqual([s.index, s.scroll], [1, 0]);
  // Jumps do not scroll.
  assert.equal(pressKeys(start(), 'G', tall).index, 11);
});

test('keys in one burst each act on the screen the key before them left (no phantom scroll)', () => {
  // Slide 0 is tall (scrolls 10 lines); the others fit. The fit is measured after every key.
  const measure = (s: State) => ({
    slide: { maxScroll: s.index === 0 ? 10 : 0, page: 10 },
    notes: { maxScroll: 0, page: 1 },
  });
  let s = pressKeys(start(), 'l', measure);
  assert.deepEqual([s.index, s.scroll], [0, 10], 'scrolled to the end of the tall slide');
  s = pressKeys(s, 'll', measure);
  assert.deepEqual([s.index, s.scroll], [2, 0], 'two presses together: two slides on');
  s = pressKeys(s, 'h', measure);
  assert.deepEqual([s.index, s.scroll], [1, 0]);
});

test('the key table: every key bound once per view, and the help is generated from it', () => {
  for (const mode of ['slides', 'reading'] as const) {
    const seen = new Map<string, string>();
    for (const b of BINDINGS) {
      if (b.modes && !b.modes.includes(mode)) continue;
      for (const k of b.keys) {
        assert.ok(!seen.has(k), `${mode}: ${k} bound twice (${seen.get(k)} and ${b.command})`);
        seen.set(k, b.command);
        assert.equal(commandFor(k, mode), b.command);
      }
    }
    const help = helpText('  ', mode).join('\n');
    for (const b of BINDINGS) {
      if (b.modes && !b.modes.includes(mode)) continue;
      assert.ok(help.includes(b.help) || BINDINGS.some((p) => p.pairHelp && help.includes(p.pairHelp) && (p === b || BINDINGS[BINDINGS.indexOf(p) + 1] === b)), b.help);
    }
  }
  const help = helpText().join('\n');
  assert.match(help, /→ l j ↓ Space PgDn Enter/);
  assert.match(help, /<n>G/);
  assert.match(help, /\] \/ \[ +next \/ previous section/);
  const slidesBindings = BINDINGS.filter((b) => !b.modes || b.modes.includes('slides'));
  const pairs = slidesBindings.filter((b) => b.pairHelp).length;
  // Two rows more than bindings: typed numbers with G or Enter, and with B.
  assert.equal(helpRows('slides').length, slidesBindings.length - pairs + 2);
  assert.match(help, /<n>B +go to backup slide n\n/);
});

test('parseKeyString', () => {
  assert.deepEqual(parseKeyString('l<enter>12G<esc> '), ['l', 'enter', '1', '2', 'G', 'escape', 'space']);
});

test('pauses: next reveals the following step before moving on; previous hides it again', () => {
  // Slide 1 has three steps, slide 2 two.
  const s0 = initialState({ count: 4, sections: [{ first: 0, last: 3 }], steps: [1, 3, 2, 1] });
  const walk = (keys: string, from = s0) => {
    const s = pressKeys(from, keys);
    return [s.index, s.step];
  };
  assert.deepEqual(walk('l'), [1, 0]);
  assert.deepEqual(walk('ll'), [1, 1]);
  assert.deepEqual(walk('lll'), [1, 2]);
  assert.deepEqual(walk('llll'), [2, 0]);
  assert.deepEqual(walk('llllh'), [1, 2], 'back onto a slide shows it whole');
  assert.deepEqual(walk('llllhh'), [1, 1], 'previous hides the last step again');
  assert.deepEqual(walk('lllhhh'), [0, 0]);
  assert.deepEqual(walk('2G'), [1, 0], 'a jump lands on the first step');
  assert.deepEqual(walk('G'), [3, 0]);
  assert.deepEqual(walk('3l'), [3, 0], 'a counted move skips steps');
});

// A reading document of 12 slides, 10 lines each, 8 lines to a page; "apple" on lines 15 and 95.
const DOC: ReadingDoc = {
  lines: 120,
  page: 8,
  slideStarts: Array.from({ length: 12 }, (_, i) => i * 10),
  find: (q) => (q === 'apple' ? [15, 95] : []),
};
const rd = () => ({ slide: { maxScroll: 0, page: 1 }, notes: { maxScroll: 0, page: 1 }, doc: () => DOC });

test('r enters the reading view at the current slide and leaves it at the slide being read', () => {
  let s = pressKeys(start(3), 'r', rd);
  assert.equal(s.view, 'reading');
  assert.equal(s.readTop, 30);
  s = pressKeys(s, 'jjj', rd);
  assert.equal(s.readTop, 33);
  s = pressKeys(s, ' ', rd);
  assert.equal(s.readTop, 40);
  s = pressKeys(s, 'r', rd);
  assert.deepEqual([s.view, s.index], ['slides', 4]);
  // Top, bottom, sections and slide numbers in the reading view.
  assert.equal(pressKeys(start(), 'rG', rd).readTop, 112);
  assert.equal(pressKeys(start(), 'rGg', rd).readTop, 0);
  assert.equal(pressKeys(start(), 'rGgg', rd).readTop, 0);
  assert.equal(pressKeys(start(), 'r]', rd).readTop, 40);
  assert.equal(pressKeys(start(), 'r7G', rd).readTop, 60);
  assert.equal(pressKeys(start(5), 'r[', rd).readTop, 40);
});

test('the reading view is closed by q and Esc, at the slide being read, as a pager is; Ctrl-C quits', () => {
  for (const key of ['q', '<esc>']) {
    const s = pressKeys(start(3), `rjjjjjjjjjjjj${key}`, rd);
    assert.deepEqual([s.view, s.index, s.quit], ['slides', 4, false], key);
  }
  assert.equal(pressKeys(start(3), 'r<c-c>', rd).quit, true);
  assert.deepEqual(pressKeys(start(3), 'r12<esc>', rd).view, 'reading', 'Esc first clears a number being typed');
});

test('the reading view keeps its place when the document is laid out anew (a resize)', () => {
  // The same deck at a narrower width: every slide takes 20 lines instead of 10.
  const narrow: ReadingDoc = { ...DOC, lines: 240, page: 8, slideStarts: DOC.slideStarts.map((l) => l * 2) };
  const wide = () => ({ slide: { maxScroll: 0, page: 1 }, notes: { maxScroll: 0, page: 1 }, doc: () => DOC });
  let s = pressKeys(start(3), 'rjjjjj', wide);
  assert.equal(s.readTop, 35, 'half-way into slide 4');
  s = reducer(s, { type: 'fit', fit: { ...wide(), doc: () => narrow } });
  assert.equal(s.readTop, 70, 'half-way into slide 4 at the new width');
});

test('search: / then text and Enter jumps to the first match; n and N cycle; no match says so', () => {
  const texts = Array.from({ length: 12 }, (_, i) => ({ body: `slide ${i}`, notes: i === 9 ? 'Apple pie' : '' }));
  texts[4].body = 'an apple a day';
  const s0 = initialState({ count: 12, sections: SECTIONS, texts });
  let s = pressKeys(s0, '/apple<enter>');
  assert.deepEqual([s.index, s.overlay, s.search.active], [4, 'none', 'apple']);
  assert.match(s.search.message, /match 1 of 2/);
  s = pressKeys(s, 'n');
  assert.equal(s.index, 9);
  assert.equal(s.notes, true, 'a match in the notes opens the notes pane');
  assert.equal(pressKeys(s, 'n').index, 4, 'wraps around');
  assert.equal(pressKeys(s, 'N').index, 4);
  // Smart case: a capital makes it case-sensitive.
  assert.equal(pressKeys(s0, '/Apple<enter>').index, 9);
  const none = pressKeys(s0, '/pear<enter>');
  assert.equal(none.index, 0);
  assert.match(none.search.message, /no match for "pear"/);
  assert.equal(pressKeys(s0, '/app<esc>').search.active, '');
  assert.equal(pressKeys(s0, '/apx<bs>p<enter>').index, 4);
  // Keys typed into the prompt are text, not commands.
  assert.equal(pressKeys(s0, '/qG').quit, false);
});

test('search in the reading view moves between matching lines', () => {
  let s = pressKeys(start(), 'r/apple<enter>', rd);
  assert.equal(s.readTop, 15);
  s = pressKeys(s, 'n', rd);
  assert.equal(s.readTop, 95);
  assert.equal(pressKeys(s, 'n', rd).readTop, 15);
});

test('slide index: type to filter, arrows choose, Enter jumps', () => {
  const titles = ['Intro', 'Budget', 'Budget detail', 'Risks', 'Q&A', 'x', 'x', 'x', 'x', 'x', 'x', 'End'];
  const s0 = initialState({ count: 12, sections: SECTIONS, titles, texts: titles.map((t) => ({ body: t, notes: '' })) });
  let s = pressKeys(s0, 'i');
  assert.equal(s.overlay, 'index');
  assert.equal(indexRows(s).length, 12);
  s = pressKeys(s, 'budg');
  assert.deepEqual(indexRows(s), [1, 2]);
  assert.equal(s.selected, 1);
  s = pressKeys(s, '<down><enter>');
  assert.deepEqual([s.index, s.overlay], [2, 'none']);
  assert.equal(pressKeys(s0, 'i12<enter>').index, 11, 'a number finds that slide');
  assert.equal(pressKeys(s0, 'iq').quit, false, 'q is text in the filter');
  assert.equal(pressKeys(s0, 'izzz<enter>').index, 0);
});

test('control characters never enter the search query or the index filter', () => {
  const s0 = initialState({ count: 3, sections: [{ first: 0, last: 2 }], titles: ['a', 'b', 'c'] });
  const controls = ['\u0000', '\u0007', '\t', '\n', '\u001b', '\u007f', '\u0080', '\u0085', '\u009b', '\u009c', '\u009f'];
  const type = (s: State, keys: string[]) => keys.reduce((st, key) => reducer(st, { type: 'key', key }), s);
  const search = type(pressKeys(s0, '/'), ['x', ...controls, 'y']);
  assert.equal(search.search.query, 'xy');
  assert.match(type(search, ['enter']).search.message, /^no match for "xy"$/);
  assert.equal(type(pressKeys(s0, 'i'), ['x', ...controls, 'y']).filter, 'xy');
  // Printable text beyond ASCII is still text.
  assert.equal(type(pressKeys(s0, '/'), ['é', '漢', '\u00a0']).search.query, 'é漢\u00a0');
});

test('the timer starts on the first slide change, pauses, resets', () => {
  let s = reducer(start(), { type: 'key', key: 'l', now: 1000 });
  assert.equal(s.timer.running, true);
  assert.equal(elapsed(s.timer, 6000), 5000);
  s = reducer(s, { type: 'key', key: 't', now: 6000 });
  assert.equal(s.timer.running, false);
  assert.equal(elapsed(s.timer, 60000), 5000);
  s = reducer(s, { type: 'key', key: 't', now: 10000 });
  assert.equal(elapsed(s.timer, 12000), 7000);
  s = reducer(s, { type: 'key', key: 'T', now: 12000 });
  assert.deepEqual([s.timer.running, elapsed(s.timer, 20000)], [false, 0]);
  // Started early by hand, it keeps running through slide changes.
  s = reducer(start(), { type: 'key', key: 't', now: 0 });
  s = reducer(s, { type: 'key', key: 'l', now: 5000 });
  assert.equal(elapsed(s.timer, 7000), 7000);
  // Section pacing: the time the current section was entered.
  s = reducer(s, { type: 'key', key: ']', now: 9000 });
  assert.equal(s.sectionEntry, 9000);
});

test('p toggles the presenter view; o the notes pane', () => {
  const s = pressKeys(start(), 'p');
  assert.equal(s.view, 'presenter');
  assert.equal(pressKeys(s, 'p').view, 'slides');
  assert.equal(pressKeys(s, 'll').index, 2, 'navigation works the same');
});

test('a remote position is applied as is, also the reveal step', () => {
  const s0 = initialState({ count: 4, sections: [{ first: 0, last: 3 }], steps: [1, 3, 1, 1] });
  const s = reducer(s0, { type: 'remote', index: 1, step: 2 });
  assert.deepEqual([s.index, s.step], [1, 2]);
  const clamped = reducer(s0, { type: 'remote', index: 99, step: 5 });
  assert.deepEqual([clamped.index, clamped.step], [3, 0]);
});

test('section menu: opens on the current section; arrows choose, Enter or a digit jumps', () => {
  let s = pressKeys(start(5), 's');
  assert.deepEqual([s.overlay, s.menuSelected], ['menu', 1]);
  s = pressKeys(s, '<down>');
  assert.equal(s.menuSelected, 2);
  s = pressKeys(s, '<down>');
  assert.equal(s.menuSelected, 2, 'stops at the last section');
  s = pressKeys(s, '<up><enter>');
  assert.deepEqual([s.index, s.overlay], [4, 'none']);
  assert.equal(pressKeys(start(), 's3').index, 8);
  assert.equal(pressKeys(start(), 'sjj<enter>').index, 8);
  assert.equal(pressKeys(start(), 's9').overlay, 'menu', 'no ninth section');
});

test('J / K scroll the notes a page at a time, within their length; a new slide starts at the top', () => {
  const notes = () => ({ slide: { maxScroll: 0, page: 1 }, notes: { maxScroll: 12, page: 5 } });
  let s = pressKeys(start(), 'J', notes);
  assert.equal(s.notesScroll, 5);
  s = pressKeys(s, 'JJ', notes);
  assert.equal(s.notesScroll, 12);
  s = pressKeys(s, 'K', notes);
  assert.equal(s.notesScroll, 7);
  assert.equal(pressKeys(s, 'l', notes).notesScroll, 0);
  assert.equal(pressKeys(start(), 'J').notesScroll, 0, 'notes that fit do not scroll');
});

test('the section menu takes numbers past 9: a digit that can start a longer one waits for the next or Enter', () => {
  const many = Array.from({ length: 12 }, (_, i) => ({ first: i * 2, last: i * 2 + 1 }));
  const s0 = initialState({ count: 24, sections: many });
  const menu = pressKeys(s0, 's1');
  assert.deepEqual([menu.overlay, menu.menuSelected, menu.digits], ['menu', 0, '1'], 'waits: 1 or 1x');
  assert.equal(pressKeys(s0, 's12').index, 22, 'section 12');
  assert.equal(pressKeys(s0, 's12').overlay, 'none');
  assert.equal(pressKeys(s0, 's1<enter>').index, 0, 'section 1 with Enter');
  assert.equal(pressKeys(s0, 's2').index, 2, 'no section 2x: at once');
  assert.equal(pressKeys(s0, 's13').overlay, 'menu', 'no section 13: nothing happens');
  assert.equal(pressKeys(s0, 's13').digits, '');
  // Nine sections or fewer: every digit goes at once, as before.
  assert.equal(pressKeys(start(), 's3').index, 8);
});

test('"match n of m" goes when the slide changes by any other way than n / N', () => {
  const texts = Array.from({ length: 12 }, (_, i) => ({ body: i % 3 === 0 ? 'apple' : 'pear', notes: '' }));
  const s0 = initialState({ count: 12, sections: SECTIONS, texts });
  const found = pressKeys(s0, '/apple<enter>n');
  assert.equal(found.search.message, 'match 2 of 4');
  assert.equal(pressKeys(found, 'l').search.message, '');
  assert.equal(pressKeys(found, 's3').search.message, '', 'the section menu');
  assert.equal(pressKeys(found, 'i<down><enter>').search.message, '', 'the slide index');
  assert.equal(pressKeys(found, 'n').search.message, 'match 3 of 4');
});

test('hint lines come from the key table', () => {
  assert.equal(hintLine('prompt'), 'Enter search · Esc cancel');
  assert.equal(hintLine('index'), '↑/↓ choose · Enter go · Esc close');
  assert.equal(hintLine('menu', ['1–12 + Enter go']), '↑/↓ choose · Enter go · 1–12 + Enter go · Esc close');
});

test('t and T say what they did on the status line; two keys in a row that do nothing bring a hint', () => {
  let s = pressKeys(start(), 't', undefined, 1000);
  assert.equal(s.notice, 'timer running');
  s = pressKeys(s, 't', undefined, 2000);
  assert.equal(s.notice, 'timer paused');
  assert.equal(pressKeys(s, 'T').notice, 'timer reset');
  assert.equal(pressKeys(s, 'l').notice, '', 'gone with the next key that does something');
  assert.equal(pressKeys(start(), 'x').notice, '', 'one unknown key: nothing');
  assert.equal(pressKeys(start(), 'xz').notice, '? shows the keys');
  assert.equal(pressKeys(start(), 'xzl').notice, '');
});

test('the help scrolls a line or a page within its length, and opens at the top', () => {
  const fit = () => ({ slide: { maxScroll: 0, page: 1 }, notes: { maxScroll: 0, page: 1 }, help: { maxScroll: 7, page: 5 } });
  let s = pressKeys(start(), '?j', fit);
  assert.equal(s.helpTop, 1);
  s = pressKeys(s, ' ', fit);
  assert.equal(s.helpTop, 6);
  s = pressKeys(s, '<pagedown>', fit);
  assert.equal(s.helpTop, 7, 'no further than the end');
  s = pressKeys(s, 'k', fit);
  assert.equal(s.helpTop, 6);
  assert.equal(s.overlay, 'help');
  s = pressKeys(s, '??', fit);
  assert.deepEqual([s.overlay, s.helpTop], ['help', 0], 'closed and opened again: at the top');
});

// Key presets (--keys): another presenter's keys, from the same table.
const withKeys = (keys: Preset, index = 0, steps?: number[]) => {
  const texts = Array.from({ length: 12 }, (_, i) => ({ body: i === 4 || i === 9 ? 'an apple' : `slide ${i}`, notes: '' }));
  return initialState({ count: 12, sections: SECTIONS, texts, steps }, { index, keys });
};

test('the brief preset is the table as it is; a preset only adds keys and moves what they took', () => {
  assert.deepEqual(bindingsFor('brief'), BINDINGS);
  assert.equal(initialState({ count: 2, sections: [{ first: 0, last: 1 }] }).keys, 'brief');
  for (const preset of PRESETS) {
    for (const a of PRESET_SPECS[preset].keys) {
      for (const mode of a.modes ?? (['slides', 'reading'] as const)) {
        for (const k of a.keys) assert.equal(commandFor(k, mode, preset), a.command, `${preset} ${mode} ${k}`);
      }
    }
  }
  // What a key did before still has a key: nothing is lost.
  for (const preset of PRESETS) {
    for (const mode of ['slides', 'reading', 'menu', 'index', 'prompt', 'help'] as const) {
      const had = new Set(BINDINGS.filter((b) => !b.modes || b.modes.includes(mode)).map((b) => b.command));
      const has = new Set(bindingsFor(preset).filter((b) => !b.modes || b.modes.includes(mode)).map((b) => b.command));
      for (const c of had) assert.ok(has.has(c), `${preset} ${mode}: ${c}`);
    }
  }
});

test('slides preset: n and p/N move, Ctrl-N/Ctrl-P find, P opens the presenter view', () => {
  assert.equal(pressKeys(withKeys('slides'), 'n').index, 1);
  assert.equal(pressKeys(withKeys('slides', 5), 'p').index, 4);
  assert.equal(pressKeys(withKeys('slides', 5), 'N').index, 4);
  assert.equal(pressKeys(withKeys('slides'), 'l').index, 1, 'its own keys stay');
  let s = pressKeys(withKeys('slides'), '/apple<enter>');
  assert.equal(s.index, 4);
  s = pressKeys(s, '<ctrl+n>');
  assert.equal(s.index, 9);
  assert.equal(pressKeys(s, '<ctrl+p>').index, 4);
  assert.equal(pressKeys(withKeys('slides'), 'P').view, 'presenter');
  assert.equal(pressKeys(withKeys('slides'), 'p').view, 'slides');
  assert.equal(pressKeys(withKeys('brief'), 'n').index, 0, 'n is a search key in brief');
});

test('patat preset: 0 first, j/k ten slides, r asks for a reload, R reads', () => {
  assert.equal(pressKeys(withKeys('patat', 7), '0').index, 0);
  assert.equal(pressKeys(withKeys('patat'), '10G').index, 9, 'a number with 0 in it is still a number');
  assert.equal(pressKeys(withKeys('patat'), '0').index, 0);
  assert.equal(pressKeys(withKeys('brief', 7), '0').index, 7, 'brief: 0 alone does nothing');
  assert.equal(pressKeys(withKeys('patat'), 'j').index, 10);
  assert.equal(pressKeys(withKeys('patat'), '<down><down>').index, 11);
  assert.equal(pressKeys(withKeys('patat', 11), 'k').index, 1);
  assert.equal(pressKeys(withKeys('patat', 3), '<up>').index, 0);
  assert.equal(pressKeys(withKeys('patat'), 'l<space>').index, 2);
  assert.equal(pressKeys(withKeys('patat', 2), '<backspace>').index, 1);
  const s = pressKeys(withKeys('patat', 3), 'r');
  assert.deepEqual([s.reloads, s.view, s.index], [1, 'slides', 3]);
  assert.equal(pressKeys(withKeys('brief'), 'r').reloads, 0);
  const measure = () => ({ slide: { maxScroll: 0, page: 20 }, notes: { maxScroll: 0, page: 20 }, doc: () => DOC });
  assert.equal(pressKeys(withKeys('patat'), 'R', measure).view, 'reading');
  assert.equal(pressKeys(withKeys('patat'), 'RR', measure).view, 'slides');
  assert.equal(pressKeys(withKeys('patat'), 'Rr', measure).reloads, 1);
});

test('presenterm preset: n/p go slide by slide past the steps, Ctrl-P the index, Ctrl-R reloads', () => {
  const steps = [1, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  const walk = (keys: string, index = 0) => {
    const s = pressKeys(withKeys('presenterm', index, steps), keys);
    return [s.index, s.step];
  };
  assert.deepEqual(walk('n'), [1, 0]);
  assert.deepEqual(walk('nn'), [2, 0], 'the steps of slide 1 are skipped');
  assert.deepEqual(walk('ll'), [1, 1], 'l still reveals a step');
  assert.deepEqual(walk('p', 3), [2, 0], 'back at the first step');
  assert.deepEqual(walk('gg', 5), [0, 0]);
  assert.deepEqual(walk('4G'), [3, 0]);
  assert.equal(pressKeys(withKeys('presenterm'), '<ctrl+p>').overlay, 'index');
  assert.equal(pressKeys(withKeys('presenterm'), '<ctrl+r>').reloads, 1);
  assert.equal(pressKeys(withKeys('presenterm'), 'P').view, 'presenter');
  let s = pressKeys(withKeys('presenterm'), '/apple<enter><ctrl+n>');
  assert.equal(s.index, 9);
  s = pressKeys(s, '<ctrl+b>');
  assert.equal(s.index, 4);
});

test('the help rows follow the preset', () => {
  const keys = (preset: Preset) => helpRows('slides', preset).map((r) => r.keys).join('\n');
  assert.match(keys('patat'), /^j ↓$/m);
  assert.match(keys('patat'), /^R$/m);
  assert.match(keys('presenterm'), /^Ctrl-R$/m);
  assert.match(keys('slides'), /^Ctrl-N \/ Ctrl-P$/m);
  assert.doesNotMatch(keys('brief'), /Ctrl-N/);
});
