import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BINDINGS, commandFor, helpRows, helpText, parseKeyString } from '../src/state/keys.js';
import { initialState, pressKeys, reducer, type State } from '../src/state/reducer.js';

// 12 slides in three sections: 0–3, 4–7, 8–11.
const SECTIONS = [
  { first: 0, last: 3 },
  { first: 4, last: 7 },
  { first: 8, last: 11 },
];
const start = (index = 0): State => initialState(12, SECTIONS, index);
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
  const s = reducer(pressKeys(start(), 's'), { type: 'gotoSection', section: 2 });
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
  let s = pressKeys(start(), 'l', vp);
  assert.deepEqual([s.index, s.scroll], [0, 4]);
  s = pressKeys(s, 'll', vp);
  assert.deepEqual([s.index, s.scroll], [0, 10]);
  s = pressKeys(s, 'h', vp);
  assert.deepEqual([s.index, s.scroll], [0, 6]);
  s = pressKeys(s, 'll', vp);
  assert.deepEqual([s.index, s.scroll], [1, 0]);
  // Jumps do not scroll.
  assert.equal(pressKeys(start(), 'G', vp).index, 11);
});

test('the key table: every key bound once, and the help is generated from it', () => {
  const seen = new Map<string, string>();
  for (const b of BINDINGS) {
    for (const k of b.keys) {
      assert.ok(!seen.has(k), `${k} bound twice (${seen.get(k)} and ${b.command})`);
      seen.set(k, b.command);
      assert.equal(commandFor(k, false), b.command);
    }
  }
  const help = helpText().join('\n');
  for (const b of BINDINGS) assert.ok(help.includes(b.help), b.help);
  assert.match(help, /→ l j ↓ Space PgDn Enter/);
  assert.match(help, /<n>G/);
  assert.equal(helpRows().length, BINDINGS.length + 1);
});

test('parseKeyString', () => {
  assert.deepEqual(parseKeyString('l<enter>12G<esc> '), ['l', 'enter', '1', '2', 'G', 'escape', 'space']);
});

test('pauses: next reveals the following step before moving on; previous hides it again', () => {
  // Slide 1 has three steps, slide 2 two.
  const s0 = initialState(4, [{ first: 0, last: 3 }], 0, [1, 3, 2, 1]);
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
