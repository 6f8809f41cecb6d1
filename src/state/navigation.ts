import type { KeyContext, ReadingDoc, State, Viewport } from './types.js';
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
  return { ...state, index: next, scroll: 0, page: 0, notesScroll: 0, step, timer, sectionEntry, search };
}

/** The first and last slide of the part `index` is in: the main slides, or the backup slides after them. */
export function partOf(state: Pick<State, 'main' | 'count'>, index: number): { first: number; last: number } {
  return index < state.main ? { first: 0, last: state.main - 1 } : { first: state.main, last: state.count - 1 };
}

/** Move by slides without leaving the main slides (or the backup slides): next on the last main slide stays. */
export function moveWithin(state: State, index: number, now: number | undefined, atEnd = false): State {
  const part = partOf(state, state.index);
  return go(state, clamp(index, part.first, part.last), now, atEnd);
}

/** The most places the jump stack keeps. */
export const MAX_JUMPS = 100;

/**
 * A jump (a slide number, the menu, the index, a search, first or last, a
 * backup slide): the slide left is pushed on the jump stack, which Ctrl-O pops.
 */
export function jump(state: State, index: number, now: number | undefined): State {
  const moved = go(state, index, now);
  if (moved.index === state.index) return moved;
  return { ...moved, jumps: [...state.jumps, state.index].slice(-MAX_JUMPS) };
}

/** Back to where the last jump came from (Ctrl-O): the stack's top, popped. */
export function jumpBack(state: State, now: number | undefined): State {
  const jumps = state.jumps.filter((i) => i < state.count);
  if (!jumps.length) return state;
  const target = jumps[jumps.length - 1];
  return { ...go(state, target, now), jumps: jumps.slice(0, -1) };
}

/** The slide shown at a reading-document line. */
export function slideAtLine(doc: Pick<ReadingDoc, 'slideStarts'>, line: number): number {
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

/** How many pages a slide takes in a viewport: next scrolls by a page until the last line shows. */
export function pagesOf(vp: Viewport): number {
  return vp.maxScroll <= 0 ? 1 : 1 + Math.ceil(vp.maxScroll / Math.max(1, vp.page));
}

/** Where a page of a slide starts in a viewport (a page past the last is the last). */
export function pageScroll(page: number, vp: Viewport): number {
  return Math.min(vp.maxScroll, page * Math.max(1, vp.page));
}

/** Whether this terminal shows the presenter's page (a linked audience screen or follower) rather than scrolling itself. */
export function showsPage(state: Pick<State, 'linked'>): boolean {
  return state.linked === 'audience';
}

/** For a presenter linked to an audience screen: the pages the current slide takes there, when known. */
export function audiencePages(state: Pick<State, 'linked' | 'remoteFit' | 'index' | 'step'>): number | null {
  const f = state.remoteFit;
  return state.linked === 'presenter' && f && f.index === state.index && f.step === state.step ? f.pages : null;
}

/** The audience screen on `page` of `pages`; the presenter's own copy shows the same part of the slide. */
export function toPage(state: State, page: number, pages: number, own: Viewport): State {
  const scroll = pages > 1 ? Math.round((own.maxScroll * Math.min(page, pages - 1)) / (pages - 1)) : 0;
  return { ...state, page, scroll };
}
