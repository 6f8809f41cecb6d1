// One position, every size: a presenter linked to an audience screen pages a
// slide as it fits there; the audience screen (or a follower) shows that page;
// a follower moves nothing. The pure reducer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, pressKeys, reducer, type Fit, type State } from '../../src/state/reducer.js';
import { LAST_PAGE } from '../../src/state/types.js';
import { pageScroll, pagesOf } from '../../src/state/navigation.js';

const SECTIONS = [{ first: 0, last: 3 }];
const shape = { count: 4, sections: SECTIONS, steps: [1, 2, 1, 1] };
/** Slide 1 is tall here: 30 lines more than fit, 10 lines a page. */
const measure = (tall: number) => (s: State): Fit => ({
  slide: { maxScroll: s.index === 1 ? tall : 0, page: 10 },
  notes: { maxScroll: 0, page: 1 },
});
const presenter = (): State => reducer(initialState(shape, { index: 1, view: 'presenter' }), { type: 'linked', as: 'presenter' });
const audienceFit = (s: State, pages: number, index = s.index, step = s.step) => reducer(s, { type: 'remoteFit', index, step, pages });

test('pages of a viewport and where each starts', () => {
  assert.equal(pagesOf({ maxScroll: 0, page: 10 }), 1);
  assert.equal(pagesOf({ maxScroll: 10, page: 10 }), 2);
  assert.equal(pagesOf({ maxScroll: 25, page: 10 }), 4);
  assert.deepEqual([0, 1, 2, 3, 9].map((p) => pageScroll(p, { maxScroll: 25, page: 10 })), [0, 10, 20, 25, 25]);
});

test('linked, next pages the slide as the audience screen fits it, not as the presenter\'s own does', () => {
  // Taller here than there: the presenter's own copy never decides.
  let s = pressKeys(audienceFit(presenter(), 3), '', measure(60));
  s = pressKeys(s, 'l', measure(60));
  assert.deepEqual([s.index, s.page], [1, 1]);
  assert.ok(s.scroll > 0 && s.scroll < 60, 'its own copy shows the same part of the slide');
  s = pressKeys(s, 'l', measure(60));
  assert.deepEqual([s.index, s.step, s.page, s.scroll], [1, 0, 2, 60]);
  // The last page: then the slide's next step, then the next slide.
  s = pressKeys(s, 'l', measure(60));
  assert.deepEqual([s.index, s.step], [1, 1]);
  s = pressKeys(audienceFit(s, 3), 'l', measure(60));
  assert.deepEqual([s.index, s.step, s.page], [2, 0, 0]);
  // Back onto it: at its end on the audience screen, clamped once the audience says how it fits.
  s = pressKeys(s, 'h', measure(60));
  assert.deepEqual([s.index, s.step, s.page], [1, 1, LAST_PAGE]);
  s = audienceFit(s, 3);
  assert.equal(s.page, 2);
  s = pressKeys(s, 'hh', measure(60));
  assert.deepEqual([s.index, s.step, s.page], [1, 1, 0]);
});

test('linked, a slide that fits the audience screen is not scrolled on the presenter\'s own', () => {
  const s = pressKeys(audienceFit(presenter(), 1), 'l', measure(60));
  assert.deepEqual([s.index, s.step, s.page, s.scroll], [1, 1, 0, 0]);
  // Not linked: the presenter's own screen scrolls as before.
  const alone = pressKeys(initialState(shape, { index: 1 }), 'l', measure(60));
  assert.deepEqual([alone.index, alone.scroll], [1, 10]);
  // A fit for another position says nothing of this one.
  const other = pressKeys(audienceFit(presenter(), 3, 2), 'l', measure(60));
  assert.deepEqual([other.page, other.scroll], [0, 10]);
});

test('the audience screen shows the presenter\'s page, at its own size', () => {
  let a = reducer(initialState(shape), { type: 'linked', as: 'audience' });
  a = pressKeys(a, '', measure(25));
  a = reducer(a, { type: 'remote', index: 1, step: 0, page: 2 });
  a = pressKeys(a, '', measure(25));
  assert.deepEqual([a.index, a.page, a.scroll], [1, 2, 20]);
  a = reducer(a, { type: 'remote', index: 1, step: 0, page: LAST_PAGE });
  assert.equal(a.scroll, 25);
  // A smaller screen: the same page, further down.
  a = pressKeys(a, '', measure(40));
  assert.equal(a.scroll, 40);
});

test('a follower moves nothing: its moves neither ask the presenter nor move it', () => {
  const f = reducer(initialState(shape, { follower: true }), { type: 'linked', as: 'audience' });
  const s = pressKeys(f, 'llGo', measure(0));
  assert.deepEqual([s.index, s.asked, s.notes], [0, null, false]);
  assert.equal(pressKeys(f, 'q').quit, true);
  assert.equal(pressKeys(f, '?').overlay, 'help');
  // The presenter moves it.
  assert.equal(reducer(f, { type: 'remote', index: 3, step: 0 }).index, 3);
});
