import { parseKeyString, type Mode } from './keys.js';
import { audienceUse, commandFor, isPrefix, type Preset } from './keymap.js';
import type { Command } from './keys.js';
import type { SearchText } from '../deck/search.js';
import { isMove, run } from './commands.js';
import { clamp, go, pageScroll, readingJump, showsPage, slideAtLine, stepsOf } from './navigation.js';
import { onIndexKey, onMenuKey } from './overlays.js';
import { onSearchKey } from './search.js';
import { contextOf, FITS, type Action, type KeyContext, type ReadingDoc, type DeckShape, type Fit, type State, type View, type Viewport } from './types.js';

export type * from './types.js';
export { elapsed } from './timer.js';
export { audiencePages, pagesOf, sectionOf, slideAtLine, stepsOf } from './navigation.js';
export { indexRows, mainSections } from './overlays.js';

export function initialState(
  deck: DeckShape,
  options: { index?: number; view?: View; watch?: boolean; hints?: boolean; keys?: Preset; audienceOnly?: boolean; follower?: boolean } = {},
): State {
  const view = options.view ?? 'slides';
  return {
    index: clamp(options.index ?? 0, 0, deck.count - 1),
    count: deck.count,
    main: mainOf(deck),
    jumps: [],
    sections: deck.sections,
    steps: deck.steps ?? [],
    step: 0,
    scroll: 0,
    page: 0,
    remoteFit: null,
    notesScroll: 0,
    view,
    slidesView: view === 'reading' ? 'slides' : view,
    readTop: 0,
    overlay: 'none',
    notes: false,
    digits: '',
    pending: '',
    filter: '',
    selected: 0,
    menuSelected: 0,
    search: { query: '', active: '', message: '' },
    texts: lazyTexts(deck.texts),
    titles: deck.titles ?? [],
    timer: { started: false, running: false, since: 0, banked: 0 },
    sectionEntry: 0,
    watch: options.watch ?? false,
    notice: '',
    unknown: 0,
    hints: options.hints ?? true,
    helpTop: 0,
    fit: { slide: FITS, notes: FITS },
    keys: options.keys ?? 'brief',
    reloads: 0,
    blank: false,
    linked: 'none',
    audienceOnly: options.audienceOnly ?? options.follower ?? false,
    follower: options.follower ?? false,
    asked: null,
    quit: false,
  };
}

function mainOf(deck: DeckShape): number {
  return clamp(deck.main ?? deck.count, 1, deck.count);
}

/** Search texts as a function that makes them once, on first call. */
function lazyTexts(texts: DeckShape['texts']): () => readonly SearchText[] {
  if (typeof texts !== 'function') {
    const fixed = texts ?? [];
    return () => fixed;
  }
  let made: readonly SearchText[] | undefined;
  return () => (made ??= texts());
}

/** The mode a state's keys are read in: what is open, else the view. */
export function modeOf(state: State): Mode {
  switch (state.overlay) {
    case 'menu':
      return 'menu';
    case 'index':
      return 'index';
    case 'search':
      return 'prompt';
    case 'help':
      return 'help';
    default:
      return state.view === 'reading' ? 'reading' : 'slides';
  }
}

function onKey(state: State, key: string, ctx: KeyContext): State {
  const next = keyIn(state, key, ctx);
  if (next === state) {
    // In front of the room, a key that did nothing says nothing.
    if (audienceSafe(state)) return state;
    // A key that did nothing, twice in a row: say where the keys are.
    if (modeOf(state) !== 'slides' && modeOf(state) !== 'reading') return state;
    const unknown = state.unknown + 1;
    return { ...state, unknown, notice: unknown >= 2 ? '? shows the keys' : state.notice };
  }
  // The notice lasts until the next key that does something (which may set its own).
  if (next.notice === state.notice && (state.notice || state.unknown)) return { ...next, notice: '', unknown: 0 };
  return next.unknown ? { ...next, unknown: 0 } : next;
}

/** The help screen scrolls; its other keys are the views' (close, the menu, quit). */
function onHelpKey(state: State, key: string, ctx: KeyContext): State {
  const cmd = audienceSafe(state) && !audienceUse(key, 'help', state.keys) ? undefined : commandFor(key, 'help', state.keys);
  const fit = state.fit.help ?? FITS;
  const to = (top: number) => ({ ...state, helpTop: clamp(top, 0, fit.maxScroll) });
  switch (cmd) {
    case 'lineDown':
      return to(state.helpTop + 1);
    case 'lineUp':
      return to(state.helpTop - 1);
    case 'pageDown':
      return to(state.helpTop + fit.page);
    case 'pageUp':
      return to(state.helpTop - fit.page);
    default:
      return cmd ? run({ ...state, digits: '', pending: '' }, cmd, key, null, ctx) : state;
  }
}

function keyIn(state: State, key: string, ctx: KeyContext): State {
  const mode = modeOf(state);
  if (mode === 'index') return onIndexKey(state, key, ctx);
  if (mode === 'prompt') return onSearchKey(state, key, ctx);
  if (mode === 'menu') return onMenuKey(state, key, ctx);
  if (mode === 'help') return onHelpKey(state, key, ctx);
  // A digit is part of a number, unless the table gives it a command and no number is begun ("0" in patat's keys).
  if (/^[0-9]$/.test(key) && state.pending === '' && !(state.digits === '' && commandFor(key, mode, state.keys))) {
    if (state.digits === '' && key === '0') return state;
    return { ...state, digits: (state.digits + key).slice(0, 9) };
  }
  const count = state.digits ? Number.parseInt(state.digits, 10) : null;
  const cleared = { ...state, digits: '', pending: '' };
  if (key.length === 1) {
    const seq = state.pending + key;
    const cmd = commandFor(seq, mode, state.keys);
    if (cmd && seq.length > 1) return act(state, cleared, cmd, seq, count, ctx);
    if (isPrefix(seq, mode, state.keys)) return { ...state, pending: seq };
  }
  if (key === 'escape' && (state.digits || state.pending)) return cleared;
  const cmd = commandFor(key, mode, state.keys);
  if (!cmd) return state.digits || state.pending ? cleared : state;
  // A number in the reading view goes to that slide's place in the document.
  if (mode === 'reading' && count !== null && (cmd === 'last' || key === 'enter') && ctx.doc) {
    const index = clamp(count - 1, 0, state.main - 1);
    return { ...cleared, ...readingJump(cleared, index, ctx) };
  }
  return act(state, cleared, cmd, key, count, ctx);
}

/** Keys read on an audience terminal: only what cannot put the notes in front of the room. */
function audienceSafe(state: State): boolean {
  return state.audienceOnly || state.linked === 'audience';
}

/**
 * A command given by a key. On an audience-safe terminal (see Binding.audience
 * in keys.ts), what the table does not allow there does nothing, and a move is
 * asked of the linked presenter (a blanked screen is brought back first).
 */
function act(state: State, cleared: State, cmd: Command, key: string, count: number | null, ctx: KeyContext): State {
  if (audienceSafe(state)) {
    const use = audienceUse(key, modeOf(state), state.keys);
    // A follower only watches: it moves neither the presenter nor itself.
    if (!use || (use === 'ask' && state.follower)) return state.digits || state.pending ? cleared : state;
    if (use === 'ask' && state.linked === 'audience') {
      if (cleared.blank) return { ...cleared, blank: false };
      // A number and Enter goes to that slide, as a number and G does.
      const command = cmd === 'next' && key === 'enter' && count !== null ? 'last' : cmd;
      return { ...cleared, asked: { command, count, n: (state.asked?.n ?? 0) + 1 } };
    }
  }
  return run(cleared, cmd, key, count, ctx);
}

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'key':
      return onKey(state, action.key, contextOf(state, action.now));
    case 'remote': {
      const index = clamp(action.index, 0, state.count - 1);
      const step = clamp(action.step, 0, stepsOf(state, index) - 1);
      const page = action.page ?? 0;
      if (index === state.index && step === state.step && page === state.page) return state;
      const moved = go(state, index, action.now);
      const same = index === state.index;
      // Shown at the presenter's page (the fit of a new slide follows, and places it again).
      const scroll = showsPage(state) ? pageScroll(page, state.fit.slide) : same ? state.scroll : 0;
      return { ...moved, index, step, page, scroll, notesScroll: same ? state.notesScroll : 0 };
    }
    case 'remoteFit': {
      const { index, step, pages } = action;
      const here = index === state.index && step === state.step;
      return { ...state, remoteFit: { index, step, pages }, page: here ? Math.min(state.page, Math.max(0, pages - 1)) : state.page };
    }
    case 'linked': {
      if (action.as === state.linked) return state;
      // Linked as the audience screen: whatever showed notes there closes.
      const safe = action.as === 'audience' ? { notes: false, view: 'slides', slidesView: 'slides', overlay: 'none' } as const : {};
      return { ...state, ...safe, linked: action.as };
    }
    case 'ask': {
      const command = action.command as Command;
      if (state.linked !== 'presenter' || !isMove(command)) return state;
      return run({ ...state, digits: '', pending: '' }, command, '', action.count, contextOf(state, action.now));
    }
    case 'timer': {
      const { elapsed, running, started, now } = action;
      const sectionEntry = started ? Math.min(state.sectionEntry, elapsed) : 0;
      return { ...state, timer: { started, running, since: now, banked: elapsed }, sectionEntry };
    }
    case 'blank':
      return action.on === state.blank ? state : { ...state, blank: action.on };
    case 'fit': {
      const scroll = showsPage(state) ? pageScroll(state.page, action.fit.slide) : state.scroll;
      if (sameFit(state.fit, action.fit)) return scroll === state.scroll ? state : { ...state, scroll };
      return { ...state, fit: action.fit, scroll, ...keepReadingPlace(state, action.fit) };
    }
    case 'reload': {
      const d = action.deck;
      const index = clamp(action.index >= 0 ? action.index : state.index, 0, d.count - 1);
      const steps = d.steps ?? [];
      const stay = index === state.index && action.index < 0;
      const step = stay ? clamp(state.step, 0, Math.max(1, steps[index] ?? 1) - 1) : Math.max(1, steps[index] ?? 1) - 1;
      return {
        ...state,
        count: d.count,
        main: mainOf(d),
        jumps: state.jumps.filter((i) => i < d.count),
        sections: d.sections,
        steps,
        texts: lazyTexts(d.texts),
        titles: d.titles ?? [],
        index,
        step,
        scroll: stay ? state.scroll : 0,
        selected: clamp(state.selected, 0, d.count - 1),
        menuSelected: clamp(state.menuSelected, 0, d.sections.length - 1),
      };
    }
  }
}

/**
 * The reading document laid out anew (a resize): the line at the top is in the
 * same slide, as far into it as before.
 */
function keepReadingPlace(state: State, fit: Fit): Partial<State> {
  if (state.view !== 'reading' || !state.fit.doc || !fit.doc || state.fit.doc === fit.doc) return {};
  const before = state.fit.doc();
  const after = fit.doc();
  const slide = slideAtLine(before, state.readTop);
  const span = (doc: ReadingDoc) => (doc.slideStarts[slide + 1] ?? doc.lines) - doc.slideStarts[slide];
  const into = (state.readTop - before.slideStarts[slide]) / Math.max(1, span(before));
  return { readTop: after.slideStarts[slide] + Math.floor(into * span(after)) };
}

function sameFit(a: Fit, b: Fit): boolean {
  const same = (x: Viewport, y: Viewport) => x.maxScroll === y.maxScroll && x.page === y.page;
  const help = a.help === b.help || (a.help !== undefined && b.help !== undefined && same(a.help, b.help));
  return same(a.slide, b.slide) && same(a.notes, b.notes) && a.doc === b.doc && help;
}

/**
 * Feed a key string ("llgg", "12G", "<esc>") through the reducer, as a view
 * does: after each key, the state's fit is measured again by `measure`.
 */
export function pressKeys(state: State, keys: string, measure?: (s: State) => Fit, now?: number): State {
  const fitted = (s: State) => (measure ? reducer(s, { type: 'fit', fit: measure(s) }) : s);
  return parseKeyString(keys).reduce((s, key) => fitted(reducer(s, { type: 'key', key, now })), fitted(state));
}
