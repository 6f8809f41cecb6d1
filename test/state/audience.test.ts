// The audience terminal's keys, blanking and the shared timer: the pure reducer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BINDINGS } from '../../src/state/keys.js';
import { audienceUse, bindingsFor, PRESETS } from '../../src/state/keymap.js';
import { elapsed, initialState, pressKeys, reducer, type State } from '../../src/state/reducer.js';
import { helpRows } from '../../src/state/keyhelp.js';

const SECTIONS = [
  { first: 0, last: 3 },
  { first: 4, last: 7 },
];
const texts = Array.from({ length: 8 }, (_, i) => ({ body: `slide ${i}`, notes: `secret ${i}` }));
const start = (o: { audienceOnly?: boolean } = {}): State => initialState({ count: 8, sections: SECTIONS, texts }, o);
const linked = (s: State, as: State['linked']) => reducer(s, { type: 'linked', as });

test('the audience column of the key table: moves are asked for, keys that could show notes have none', () => {
  for (const key of ['o', 'p', 'r', '/', 'J', 'K', 'n', 'N', 'i', 's']) assert.equal(audienceUse(key, 'slides'), undefined, key);
  for (const key of ['l', 'right', 'space', 'h', 'gg', 'G', ']', '[']) assert.equal(audienceUse(key, 'slides'), 'ask', key);
  for (const key of ['b', '.', 't', 'T', 'q', '?']) assert.equal(audienceUse(key, 'slides'), 'own', key);
  // The presets' own moves are moves there too; their keys that show notes are not.
  assert.equal(audienceUse('j', 'slides', 'patat'), 'ask');
  assert.equal(audienceUse('R', 'slides', 'patat'), undefined);
  assert.equal(audienceUse('P', 'slides', 'presenterm'), undefined);
  assert.equal(audienceUse('n', 'slides', 'presenterm'), 'ask');
  for (const p of PRESETS) for (const b of bindingsFor(p)) if (b.audience === 'ask') assert.ok(b.group === 'Move' || b.group === 'Jump', b.command);
  assert.ok(BINDINGS.some((b) => b.command === 'blank'));
  assert.ok(helpRows('slides').some((r) => r.keys === 'b .'), 'documented');
});

test('audience-safe (--audience, or linked to a presenter): notes, presenter, reading view and search do nothing', () => {
  for (const s0 of [start({ audienceOnly: true }), linked(start(), 'audience')]) {
    const s = pressKeys(s0, 'opr/J');
    assert.equal(s.notes, false);
    assert.equal(s.view, 'slides');
    assert.equal(s.overlay, 'none');
    assert.equal(pressKeys(s0, '?j').overlay, 'help', 'the help is there, and scrolls');
  }
  // Unsafe: the same keys work.
  assert.equal(pressKeys(start(), 'o').notes, true);
  // Notes or another view open when a presenter links: closed on the audience screen, kept on a presenter's.
  for (const keys of ['o', 'p', 'r', '/x', '?']) {
    const open = pressKeys(start(), keys);
    const s = linked(open, 'audience');
    assert.deepEqual([s.notes, s.view, s.overlay], [false, 'slides', 'none'], keys);
    assert.equal(linked(open, 'presenter').view, open.view);
  }
  // Before a presenter links, --audience moves by itself; once linked, it asks.
  assert.equal(pressKeys(start({ audienceOnly: true }), 'll').index, 2);
  const asking = pressKeys(linked(start(), 'audience'), 'l4G');
  assert.equal(asking.index, 0, 'it waits for the presenter');
  assert.deepEqual(asking.asked, { command: 'last', count: 4, n: 2 });
  assert.deepEqual(pressKeys(asking, '5<enter>').asked, { command: 'last', count: 5, n: 3 }, 'a number and Enter: that slide');
  assert.equal(pressKeys(asking, 'zz').notice, '', 'no hints in front of the room');
});

test('a presenter applies the moves an audience terminal asks for, and nothing else', () => {
  const p = linked(start(), 'presenter');
  const moved = reducer(p, { type: 'ask', command: 'last', count: 4, now: 1000 });
  assert.equal(moved.index, 3);
  assert.equal(moved.timer.running, true, 'a move starts the timer');
  assert.equal(reducer(p, { type: 'ask', command: 'presenter', count: null }), p);
  assert.equal(reducer(p, { type: 'ask', command: 'quit', count: null }), p);
  assert.equal(reducer(p, { type: 'ask', command: 'nonsense', count: null }), p);
  const alone = start();
  assert.equal(reducer(alone, { type: 'ask', command: 'next', count: null }), alone, 'not a linked presenter: ignored');
});

test('b and . blank the screen; b again, or any move, brings it back without moving', () => {
  const s = pressKeys(start(), 'lb');
  assert.equal(s.blank, true);
  assert.equal(pressKeys(s, 'b').blank, false);
  assert.equal(pressKeys(start(), '.').blank, true);
  const back = pressKeys(s, 'l');
  assert.equal(back.blank, false);
  assert.equal(back.index, 1, 'the move only brings the slide back');
  assert.equal(pressKeys(back, 'l').index, 2);
  // On a linked audience terminal, a move brings it back there too (and is not asked for).
  const a = pressKeys(linked(start(), 'audience'), 'b');
  assert.equal(a.blank, true);
  const a2 = pressKeys(a, 'l');
  assert.equal(a2.blank, false);
  assert.equal(a2.asked, null);
  // From the link.
  assert.equal(reducer(start(), { type: 'blank', on: true }).blank, true);
});

test('the timer from a linked terminal: its elapsed time, running or not', () => {
  const s = reducer(start(), { type: 'timer', elapsed: 90_000, running: true, started: true, now: 5_000 });
  assert.equal(elapsed(s.timer, 65_000), 150_000);
  const paused = reducer(s, { type: 'timer', elapsed: 100_000, running: false, started: true, now: 9_000 });
  assert.equal(elapsed(paused.timer, 99_000), 100_000);
  const reset = reducer(paused, { type: 'timer', elapsed: 0, running: false, started: false, now: 10_000 });
  assert.equal(reset.timer.started, false);
  assert.equal(elapsed(reset.timer, 20_000), 0);
});
