import { contains, matchingSlides } from '../deck/search.js';
import { commandFor } from './keymap.js';
import { jump, scrollTo, stepsOf } from './navigation.js';
import { typed } from './overlays.js';
import type { KeyContext, State } from './types.js';

/** Move to the next (or previous) match; `inclusive` counts a match right here. */
export function findNext(state: State, dir: 1 | -1, ctx: KeyContext, inclusive = false): State {
  const query = state.search.active;
  if (!query) return { ...state, search: { ...state.search, message: 'no search yet: press / to search' } };
  if (state.view === 'reading' && ctx.doc) {
    const doc = ctx.doc();
    const lines = doc.find(query);
    if (!lines.length) return { ...state, search: { ...state.search, message: `no match for "${query}"` } };
    const here = state.readTop - (inclusive ? 1 : 0);
    const target =
      dir > 0 ? (lines.find((l) => l > here) ?? lines[0]) : ([...lines].reverse().find((l) => l < here) ?? lines[lines.length - 1]);
    return { ...scrollTo(state, doc, target), search: { ...state.search, message: '' } };
  }
  const slides = matchingSlides(state.texts(), query);
  if (!slides.length) return { ...state, search: { ...state.search, message: `no match for "${query}"` } };
  const here = state.index - (inclusive ? 1 : 0);
  const target =
    dir > 0 ? (slides.find((i) => i > here) ?? slides[0]) : ([...slides].reverse().find((i) => i < here) ?? slides[slides.length - 1]);
  const moved = jump(state, target, ctx.now);
  // Show a match in the notes: open the pane so it can be seen.
  const inNotes = !contains(state.texts()[target]?.body ?? '', query);
  return {
    ...moved,
    step: target === state.index ? state.step : stepsOf(state, target) - 1,
    notes: moved.notes || (inNotes && moved.view === 'slides'),
    search: { ...state.search, message: `match ${slides.indexOf(target) + 1} of ${slides.length}` },
  };
}

/** A key in the search prompt: the table's commands, and letters for the query. */
export function onSearchKey(state: State, key: string, ctx: KeyContext): State {
  switch (commandFor(key, 'prompt', state.keys)) {
    case 'close':
      return { ...state, overlay: 'none', search: { ...state.search, query: '', message: '' } };
    case 'quit':
      return { ...state, quit: true };
    case 'go': {
      const query = state.search.query;
      const closed: State = { ...state, overlay: 'none', search: { ...state.search, active: query, message: '' } };
      if (!query) return { ...closed, search: { query: '', active: '', message: '' } };
      return findNext(closed, 1, ctx, true);
    }
    case 'erase':
      return { ...state, search: { ...state.search, query: [...state.search.query].slice(0, -1).join('') } };
    default: {
      const ch = typed(key);
      return ch === null ? state : { ...state, search: { ...state.search, query: state.search.query + ch } };
    }
  }
}
