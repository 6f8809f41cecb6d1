import type { KeyContext, ReadingDoc, State } from './types.js';
import { elapsed, startTimer } from './timer.js';

export function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

export function sectionOf(state: Pick<State, 'sections'>, index: number): number {
  const i = state.sections.findIndex((s) => index >= s.first && index <= s.last);
  return i < 0 ? 0 : i;
}

export function stepsOf(state: Pick<State, 'steps'>, index: number): number {
  return Math.max(1, state.steps[index] ?? 1);
}

/** Go to a slide: at its first reveal step, or its last with `atEnd` (stepping back). */
export function go(state: State, index: number, now: number | undefined, atEnd = false): State {
  const next = clamp(index, 0, state.count - 1);
  if (next === state.index) return state;
  const timer = !state.timer.started && now !== undefined ? startTimer(state.timer, now) : state.timer;
  const newSection = sectionOf(state, next) !== sectionOf(state, state.index);
  const sectionEntry = newSection ? elapsed(timer, now ?? timer.since) : state.sectionEntry;
  // A move says nothing of the last search's matches ("match 2 of 5"): the message goes.
  const search = state.search.message ? { ...state.search, message: '' } : state.search;
  const step = atEnd ? stepsOf(state, next) - 1 : 0;
  return { ...state, index: next, scroll: 0, notesScroll: 0, step, timer, sectionEntry, search };
}

/** The slide shown at a reading-document line. */
export function slideAtLine(doc: ReadingDoc, line: number): number {
  let lo = 0;
  let hi = doc.slideStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.slideStarts[mid] <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Scroll the reading view. Scrolling stops when the last line reaches the
 * bottom; a jump to a slide may go further, so that the slide is at the top
 * and is the one "being read".
 */
export function scrollTo(state: State, doc: ReadingDoc, line: number, jump = false): State {
  const bottom = Math.max(0, doc.lines - doc.page);
  const max = jump ? Math.max(0, doc.lines - 1) : Math.max(bottom, Math.min(state.readTop, line));
  return { ...state, readTop: clamp(line, 0, max) };
}

/** In the reading view, a jump to a slide scrolls the document there. */
export function readingJump(state: State, index: number, ctx: KeyContext): Partial<State> {
  if (state.view !== 'reading' || !ctx.doc) return {};
  const doc = ctx.doc();
  return { readTop: clamp(doc.slideStarts[index] ?? 0, 0, Math.max(0, doc.lines - 1)) };
}
