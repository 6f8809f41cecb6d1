import type { Command } from './keys.js';
import { bindingsFor, PRESETS } from './keymap.js';
import { audiencePages, clamp, go, jump, jumpBack, moveWithin, partOf, readingJump, sectionOf, slideAtLine, scrollTo, stepsOf, toPage } from './navigation.js';
import { findNext } from './search.js';
import { elapsed, startTimer } from './timer.js';
import { FITS, LAST_PAGE, type KeyContext, type State } from './types.js';

function readingCommand(state: State, command: Command, count: number | null, ctx: KeyContext): State | null {
  if (!ctx.doc) return null;
  const doc = ctx.doc();
  const n = count ?? 1;
  switch (command) {
    case 'lineDown':
      return scrollTo(state, doc, state.readTop + n);
    case 'lineUp':
      return scrollTo(state, doc, state.readTop - n);
    case 'pageDown':
      return scrollTo(state, doc, state.readTop + n * Math.max(1, doc.page - 1));
    case 'pageUp':
      return scrollTo(state, doc, state.readTop - n * Math.max(1, doc.page - 1));
    case 'first':
      return scrollTo(state, doc, 0);
    case 'last':
      return scrollTo(state, doc, doc.lines);
    case 'nextSection':
    case 'prevSection': {
      const s = sectionOf(state, slideAtLine(doc, state.readTop));
      const top = doc.slideStarts[state.sections[s].first];
      const target =
        command === 'nextSection'
          ? Math.min(state.sections.length - 1, s + n)
          : state.readTop > top && count === null
            ? s
            : Math.max(0, s - n);
      return scrollTo(state, doc, doc.slideStarts[state.sections[target].first], true);
    }
    case 'reading': {
      const index = slideAtLine(doc, state.readTop);
      return { ...state, view: state.slidesView, index, step: stepsOf(state, index) - 1, scroll: 0 };
    }
    default:
      return null;
  }
}

/** The moves: what the audience terminal asks the presenter for (Binding.audience 'ask'), and what brings a blanked screen back. */
const MOVES: ReadonlySet<Command> = new Set(
  PRESETS.flatMap((p) => bindingsFor(p))
    .filter((b) => b.audience === 'ask')
    .map((b) => b.command),
);

export function isMove(command: Command): boolean {
  return MOVES.has(command);
}

export function run(state: State, command: Command, key: string, count: number | null, ctx: KeyContext): State {
  const vp = ctx.viewport ?? FITS;
  const now = ctx.now;
  // A blanked screen comes back on a move, without moving.
  if (state.blank && MOVES.has(command)) return { ...state, blank: false };
  if (state.view === 'reading') {
    const done = readingCommand(state, command, count, ctx);
    if (done) return done;
  }
  switch (command) {
    case 'next': {
      if (count !== null && key === 'enter') return jump(state, Math.min(count, state.main) - 1, now);
      // Linked to an audience screen, next pages the slide as it fits there, not here.
      const pages = audiencePages(state);
      if (count === null && pages !== null && state.page < pages - 1) return toPage(state, state.page + 1, pages, vp);
      if (count === null && pages === null && state.scroll < vp.maxScroll) {
        return { ...state, scroll: Math.min(vp.maxScroll, state.scroll + Math.max(1, vp.page)) };
      }
      if (count === null && state.step < stepsOf(state, state.index) - 1) return { ...state, step: state.step + 1 };
      return moveWithin(state, state.index + (count ?? 1), now);
    }
    case 'prev': {
      const pages = audiencePages(state);
      const page = pages === null ? 0 : Math.min(state.page, pages - 1);
      if (count === null && pages !== null && page > 0) return toPage(state, page - 1, pages, vp);
      if (count === null && pages === null && state.scroll > 0) {
        return { ...state, scroll: Math.max(0, state.scroll - Math.max(1, vp.page)) };
      }
      if (count === null && state.step > 0) return { ...state, step: state.step - 1 };
      const back = moveWithin(state, state.index - (count ?? 1), now, count === null);
      // Back onto the slide before: at its end, on the audience screen too.
      return back !== state && count === null && state.linked === 'presenter' ? { ...back, page: LAST_PAGE } : back;
    }
    case 'first':
      return jump(state, 0, now);
    case 'nextSlide':
      return moveWithin(state, state.index + (count ?? 1), now);
    case 'prevSlide':
      return moveWithin(state, state.index - (count ?? 1), now);
    case 'skipForward':
      return moveWithin(state, state.index + 10 * (count ?? 1), now);
    case 'skipBack':
      return moveWithin(state, state.index - 10 * (count ?? 1), now);
    case 'reload':
      return { ...state, reloads: state.reloads + 1, notice: 'reloading' };
    case 'last':
      // The last main slide: backup slides are reached by B.
      return jump(state, count !== null ? Math.min(count, state.main) - 1 : state.main - 1, now);
    case 'backup': {
      if (state.main >= state.count) return state;
      const index = clamp(state.main + (count ?? 1) - 1, state.main, state.count - 1);
      if (state.view === 'reading') return { ...state, ...readingJump(state, index, ctx) };
      return jump(state, index, now);
    }
    case 'jumpBack':
      return jumpBack(state, now);
    case 'nextSection':
    case 'prevSection': {
      // Sections of the part shown: the main slides' or the backup slides'.
      const part = partOf(state, state.index);
      const s = sectionOf(state, state.index);
      const firstOf = (n: number) => Math.max(state.sections[n].first, part.first);
      const inPart = (n: number) => n >= 0 && n < state.sections.length && state.sections[n].first <= part.last && state.sections[n].last >= part.first;
      if (command === 'prevSection' && state.index > firstOf(s) && count === null) return go(state, firstOf(s), now);
      let target = s;
      for (let k = 0; k < (count ?? 1); k++) {
        const n = target + (command === 'nextSection' ? 1 : -1);
        if (!inPart(n)) break;
        target = n;
      }
      return target === s ? state : go(state, firstOf(target), now);
    }
    case 'menu': {
      if (state.overlay === 'menu') return { ...state, overlay: 'none' };
      const here = state.view === 'reading' && ctx.doc ? slideAtLine(ctx.doc(), state.readTop) : state.index;
      return { ...state, overlay: 'menu', menuSelected: sectionOf(state, here) };
    }
    case 'help':
      return { ...state, overlay: state.overlay === 'help' ? 'none' : 'help', helpTop: 0 };
    case 'index':
      return { ...state, overlay: 'index', filter: '', selected: state.index };
    case 'search':
      return { ...state, overlay: 'search', search: { ...state.search, query: '', message: '' } };
    case 'nextMatch':
      return findNext(state, 1, ctx);
    case 'prevMatch':
      return findNext(state, -1, ctx);
    case 'notes':
      return { ...state, notes: !state.notes };
    case 'notesDown': {
      const n = ctx.notes ?? FITS;
      return { ...state, notesScroll: Math.min(n.maxScroll, state.notesScroll + Math.max(1, n.page) * (count ?? 1)) };
    }
    case 'notesUp': {
      const n = ctx.notes ?? FITS;
      return { ...state, notesScroll: Math.max(0, state.notesScroll - Math.max(1, n.page) * (count ?? 1)) };
    }
    case 'presenter': {
      const view = state.view === 'presenter' ? 'slides' : 'presenter';
      return { ...state, view, slidesView: view };
    }
    case 'reading': {
      if (!ctx.doc) return state;
      const doc = ctx.doc();
      return { ...scrollTo(state, doc, doc.slideStarts[state.index] ?? 0, true), view: 'reading' };
    }
    case 'timer': {
      const t = state.timer;
      if (now === undefined) return state;
      const timer = t.running ? { ...t, running: false, banked: elapsed(t, now) } : startTimer(t, now);
      return { ...state, timer, notice: timer.running ? 'timer running' : 'timer paused' };
    }
    case 'blank':
      return { ...state, blank: !state.blank };
    case 'watch':
      return { ...state, watch: !state.watch };
    case 'timerReset':
      return { ...state, timer: { started: false, running: false, since: 0, banked: 0 }, sectionEntry: 0, notice: 'timer reset' };
    case 'close':
      return { ...state, overlay: 'none', search: { ...state.search, message: '' } };
    case 'quit':
      return { ...state, quit: true };
    default:
      return state;
  }
}
