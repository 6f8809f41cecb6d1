import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexRows, initialState, mainSections, pressKeys, reducer, type State } from '../../src/state/reducer.js';

// 10 slides: main 0–6 in two sections (0–3, 4–6), backup 7–9 in two sections (7–8, 9).
const SECTIONS = [
  { first: 0, last: 3 },
  { first: 4, last: 6 },
  { first: 7, last: 8 },
  { first: 9, last: 9 },
];
const start = (index = 0): State => initialState({ count: 10, main: 7, sections: SECTIONS, titles: [] }, { index });
const at = (keys: string, from = 0) => pressKeys(start(from), keys).index;

test('next stops on the last main slide; next and previous move among the backup slides', () => {
  assert.equal(at('l', 6), 6);
  assert.equal(at('llll', 4), 6);
  assert.equal(at('<space>', 6), 6);
  assert.equal(at('5l', 4), 6);
  assert.equal(at('l', 7), 8);
  assert.equal(at('lll', 7), 9);
  assert.equal(at('h', 7), 7, 'previous on the first backup slide stays');
  assert.equal(at('h', 9), 8);
});

test('G, <n>G and <n> Enter are main slides; ] does not cross into the backup sections', () => {
  assert.equal(at('G'), 6);
  assert.equal(at('<end>'), 6);
  assert.equal(at('5G'), 4);
  assert.equal(at('99G'), 6);
  assert.equal(at('99<enter>'), 6);
  assert.equal(at(']]]'), 4);
  assert.equal(at(']', 7), 9);
  assert.equal(at('[[', 9), 7);
  assert.equal(at('gg', 8), 0);
});

test('<n>B jumps to backup slide n; B alone to the first; a deck without backup slides ignores it', () => {
  assert.equal(at('2B'), 8);
  assert.equal(at('B', 3), 7);
  assert.equal(at('9B'), 9);
  const plain = initialState({ count: 5, sections: [{ first: 0, last: 4 }] }, { index: 2 });
  assert.equal(pressKeys(plain, '2B').index, 2);
  assert.equal(plain.main, 5);
});

test('Ctrl-O and ` go back along the jump stack, as in vim', () => {
  // 3G, then 2B: Ctrl-O back to slide 3, again back to slide 1.
  assert.equal(at('3G2B'), 8);
  assert.equal(at('3G2B<c-o>'), 2);
  assert.equal(at('3G2B<c-o><c-o>'), 0);
  assert.equal(at('3G2B``'), 0);
  // An empty stack: nothing happens. Plain next is not a jump.
  assert.equal(at('<c-o>', 4), 4);
  assert.equal(at('ll<c-o>'), 2);
  // First, last, sections menu, index, search: all jumps.
  assert.equal(at('gg<c-o>', 5), 5);
  assert.equal(at('G<c-o>', 2), 2);
  assert.equal(at('s2<c-o>', 1), 1);
  assert.equal(at('s<down><down><enter>', 1), 7, 'the menu lists the backup sections after the main ones');
  assert.equal(at('s<down><down><enter><c-o>', 1), 1);
  assert.equal(at('ib2<enter>', 1), 8);
  assert.equal(at('ib2<enter><c-o>', 1), 1);
  const s = pressKeys(start(1), '3G2B');
  assert.deepEqual(s.jumps, [1, 2]);
  // The stack is bounded.
  const many = pressKeys(start(), '2G3G'.repeat(80));
  assert.equal(many.jumps.length, 100);
});

test('search is a jump', () => {
  const deck = { count: 10, main: 7, sections: SECTIONS, texts: Array.from({ length: 10 }, (_, i) => ({ body: i === 8 ? 'needle' : 'hay', notes: '' })) };
  const s = pressKeys(initialState(deck, { index: 2 }), '/needle<enter>');
  assert.equal(s.index, 8);
  assert.equal(pressKeys(s, '<c-o>').index, 2);
});

test('the index filter: "3" is main slide 3, "b3" backup slide 3; the menu numbers main sections only', () => {
  const s = pressKeys(start(), 'i');
  assert.deepEqual(indexRows({ ...s, filter: '3' }), [2]);
  assert.deepEqual(indexRows({ ...s, filter: 'b3' }), [9]);
  assert.deepEqual(indexRows({ ...s, filter: 'B1' }), [7]);
  assert.deepEqual(indexRows({ ...s, filter: '9' }), []);
  assert.equal(pressKeys(start(), 'ib3<enter>').index, 9);
  assert.equal(mainSections(start()), 2);
  // "3" in the menu is no section: only two are numbered.
  assert.equal(pressKeys(start(), 's3').overlay, 'menu');
  assert.equal(at('s2'), 4);
});

test('a reload keeps the jump stack to slides that still exist and takes the new count of main slides', () => {
  const s = pressKeys(start(), '9G2B');
  const r = reducer(s, { type: 'reload', index: 2, deck: { count: 5, main: 5, sections: [{ first: 0, last: 4 }] } });
  assert.equal(r.main, 5);
  assert.deepEqual(r.jumps, [0]);
});

test('pacing: the plan is the main slides\'; backup sections get no time and do not dilute the others', async () => {
  const { pace, sectionBudgets } = await import('../../src/state/pacing.js');
  const plan = {
    minutes: 10,
    sections: [
      { first: 0, last: 3 },
      { first: 4, last: 7, minutes: 6 },
      { first: 8, last: 11, backup: true },
    ],
  };
  assert.deepEqual(sectionBudgets(plan), [4 * 60_000, 6 * 60_000, 0]);
  // On a backup slide the plan is over: all of it should have been spent.
  assert.equal(pace(plan, 9, 10 * 60_000)?.ahead, 0);
  assert.equal(pace(plan, 9, 0)?.total, 10 * 60_000);
});
