import { commandFor, isPrefix, parseKeyString, type Command, type Mode } from './keys.js';
import { contains, matchingSlides, type SearchText } from '../deck/search.js';

export type Overlay = 'none' | 'help' | 'menu' | 'index' | 'search';
export type View = 'slides' | 'presenter' | 'reading';

export interface SectionRange {
  first: number;
  last: number;
}

export interface Timer {
  /** Has it been started since the last reset? (It starts on the first slide change.) */
  started: boolean;
  running: boolean;
  /** When it last started running (ms). */
  since: number;
  /** Time counted before `since` (ms). */
  banked: number;
}

export interface Search {
  /** The query being typed (search prompt open) or last searched. */
  query: string;
  /** The query in force: matches are highlighted and n/N move between them. */
  active: string;
  /** A one-line outcome to show ("no match for …"). */
  message: string;
}

export interface State {
  /** Current slide, 0-based. */
  index: number;
  count: number;
  sections: readonly SectionRange[];
  /** Reveal steps per slide (1 for a slide without pauses). */
  steps: readonly number[];
  /** Current reveal step of the current slide, 0-based. */
  step: number;
  /** Lines scrolled down within the current slide. */
  scroll: number;
  /** Lines scrolled down within the current slide's notes. */
  notesScroll: number;
  view: View;
  /** The view to go back to when leaving reading. */
  slidesView: 'slides' | 'presenter';
  /** Reading view: the document line at the top of the screen. */
  readTop: number;
  overlay: Overlay;
  notes: boolean;
  /** Digits typed so far (a slide number or count). */
  digits: string;
  /** Printable keys typed so far that start a sequence ("g" of "gg"). */
  pending: string;
  /** Section menu: the highlighted section. */
  menuSelected: number;
  /** Slide index overlay: the filter typed and the highlighted row. */
  filter: string;
  selected: number;
  search: Search;
  /** Plain text of every slide, for search and the index filter. */
  /** Made on first use (a search or the index filter): cheap to keep, costly to make for a big deck. */
  texts: () => readonly SearchText[];
  titles: readonly string[];
  timer: Timer;
  /** Reload the deck when its files change. */
  watch: boolean;
  /** Timer reading when the current section was entered (ms), for section pacing. */
  sectionEntry: number;
  /** How what is shown fits the screen: set by the view after every change (a 'fit' action). */
  fit: Fit;
  quit: boolean;
}

/** What the view knows about the current slide's fit, for scrolling. */
export interface Viewport {
  /** How far the slide can scroll (0 when it fits). */
  maxScroll: number;
  /** Lines to move per step. */
  page: number;
}

/** The reading document at the current width, as the view laid it out. */
export interface ReadingDoc {
  lines: number;
  page: number;
  /** First document line of each slide. */
  slideStarts: readonly number[];
  /** Document lines holding a match for the query, in order. */
  find(query: string): readonly number[];
}

/**
 * How the state's screen fits the terminal: the view measures it after every
 * change and hands it over as a 'fit' action, so each key of a burst is
 * applied to the screen the key before it left (not to the one before the
 * burst).
 */
export interface Fit {
  /** The current slide (at its reveal step) in its area. */
  slide: Viewport;
  /** The notes in their pane, where notes are shown. */
  notes: Viewport;
  /** The reading document at the current width (made on demand: it renders the whole deck). */
  doc?: () => ReadingDoc;
}

export type Action =
  /** A key press, with the clock's time when it matters (the timer starts on the first move). */
  | { type: 'key'; key: string; now?: number }
  | { type: 'goto'; index: number; now?: number }
  | { type: 'gotoSection'; section: number; now?: number }
  /** How the screen of the state now fits the terminal. */
  | { type: 'fit'; fit: Fit }
  /** A position from a linked terminal: applied as is, never echoed back. */
  | { type: 'remote'; index: number; step: number; now?: number }
  /** The deck changed on disk: new shape, and the slide to show (-1: stay). */
  | { type: 'reload'; deck: DeckShape; index: number }
  | { type: 'close' };

export interface DeckShape {
  count: number;
  sections: readonly SectionRange[];
  steps?: readonly number[];
  texts?: readonly SearchText[] | (() => readonly SearchText[]);
  titles?: readonly string[];
}

const FITS: Viewport = { maxScroll: 0, page: 1 };

/** What a key is applied with: the state's fit, and the time of the key. */
interface KeyContext {
  viewport: Viewport;
  notes: Viewport;
  doc?: () => ReadingDoc;
  now?: number;
}

function contextOf(state: State, now: number | undefined): KeyContext {
  return { viewport: state.fit.slide, notes: state.fit.notes, doc: state.fit.doc, now };
}

export function initialState(deck: DeckShape, options: { index?: number; view?: View; watch?: boolean } = {}): State {
  const view = options.view ?? 'slides';
  return {
    index: clamp(options.index ?? 0, 0, deck.count - 1),
    count: deck.count,
    sections: deck.sections,
    steps: deck.steps ?? [],
    step: 0,
    scroll: 0,
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
    fit: { slide: FITS, notes: FITS },
    quit: false,
  };
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

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

export function sectionOf(state: Pick<State, 'sections'>, index: number): number {
  const i = state.sections.findIndex((s) => index >= s.first && index <= s.last);
  return i < 0 ? 0 : i;
}

export function stepsOf(state: Pick<State, 'steps'>, index: number): number {
  return Math.max(1, state.steps[index] ?? 1);
}

/** Timer reading in ms at `now`. */
export function elapsed(timer: Timer, now: number): number {
  return timer.banked + (timer.running ? Math.max(0, now - timer.since) : 0);
}

function startTimer(timer: Timer, now: number): Timer {
  return timer.running ? timer : { ...timer, started: true, running: true, since: now };
}

/** Go to a slide: at its first reveal step, or its last with `atEnd` (stepping back). */
function go(state: State, index: number, now: number | undefined, atEnd = false): State {
  const next = clamp(index, 0, state.count - 1);
  if (next === state.index) return state;
  const timer = !state.timer.started && now !== undefined ? startTimer(state.timer, now) : state.timer;
  const newSection = sectionOf(state, next) !== sectionOf(state, state.index);
  const sectionEntry = newSection ? elapsed(timer, now ?? timer.since) : state.sectionEntry;
  return { ...state, index: next, scroll: 0, notesScroll: 0, step: atEnd ? stepsOf(state, next) - 1 : 0, timer, sectionEntry };
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
function scrollTo(state: State, doc: ReadingDoc, line: number, jump = false): State {
  const bottom = Math.max(0, doc.lines - doc.page);
  const max = jump ? Math.max(0, doc.lines - 1) : Math.max(bottom, Math.min(state.readTop, line));
  return { ...state, readTop: clamp(line, 0, max) };
}

/** Move to the next (or previous) match; `inclusive` counts a match right here. */
function findNext(state: State, dir: 1 | -1, ctx: KeyContext, inclusive = false): State {
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
  const moved = go(state, target, ctx.now);
  // Show a match in the notes: open the pane so it can be seen.
  const inNotes = !contains(state.texts()[target]?.body ?? '', query);
  return {
    ...moved,
    step: target === state.index ? state.step : stepsOf(state, target) - 1,
    notes: moved.notes || (inNotes && moved.view === 'slides'),
    search: { ...state.search, message: `match ${slides.indexOf(target) + 1} of ${slides.length}` },
  };
}

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

function run(state: State, command: Command, key: string, count: number | null, ctx: KeyContext): State {
  const vp = ctx.viewport ?? FITS;
  const now = ctx.now;
  if (state.view === 'reading') {
    const done = readingCommand(state, command, count, ctx);
    if (done) return done;
  }
  switch (command) {
    case 'next':
      if (count !== null && key === 'enter') return go(state, count - 1, now);
      if (count === null && state.scroll < vp.maxScroll) {
        return { ...state, scroll: Math.min(vp.maxScroll, state.scroll + Math.max(1, vp.page)) };
      }
      if (count === null && state.step < stepsOf(state, state.index) - 1) return { ...state, step: state.step + 1 };
      return go(state, state.index + (count ?? 1), now);
    case 'prev':
      if (count === null && state.scroll > 0) {
        return { ...state, scroll: Math.max(0, state.scroll - Math.max(1, vp.page)) };
      }
      if (count === null && state.step > 0) return { ...state, step: state.step - 1 };
      return go(state, state.index - (count ?? 1), now, count === null);
    case 'first':
      return go(state, 0, now);
    case 'last':
      return go(state, count !== null ? count - 1 : state.count - 1, now);
    case 'nextSection': {
      const s = sectionOf(state, state.index);
      const target = Math.min(state.sections.length - 1, s + (count ?? 1));
      return target === s ? state : go(state, state.sections[target].first, now);
    }
    case 'prevSection': {
      const s = sectionOf(state, state.index);
      // From inside a section, [ goes to its start first.
      if (state.index > state.sections[s].first && count === null) return go(state, state.sections[s].first, now);
      return go(state, state.sections[Math.max(0, s - (count ?? 1))].first, now);
    }
    case 'menu': {
      if (state.overlay === 'menu') return { ...state, overlay: 'none' };
      const here = state.view === 'reading' && ctx.doc ? slideAtLine(ctx.doc(), state.readTop) : state.index;
      return { ...state, overlay: 'menu', menuSelected: sectionOf(state, here) };
    }
    case 'help':
      return { ...state, overlay: state.overlay === 'help' ? 'none' : 'help' };
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
      return { ...state, timer };
    }
    case 'watch':
      return { ...state, watch: !state.watch };
    case 'timerReset':
      return { ...state, timer: { started: false, running: false, since: 0, banked: 0 }, sectionEntry: 0 };
    case 'close':
      return { ...state, overlay: 'none', search: { ...state.search, message: '' } };
    case 'quit':
      return { ...state, quit: true };
    default:
      return state;
  }
}

/** Indices of slides whose title, number or section matches the index filter. */
export function indexRows(state: State): number[] {
  const out: number[] = [];
  const f = state.filter.trim();
  for (let i = 0; i < state.count; i++) {
    if (!f || `${i + 1}` === f || contains(state.titles[i] ?? '', f) || contains(state.texts()[i]?.body ?? '', f)) out.push(i);
  }
  return out;
}

/** Keys in the section menu: ↑/↓ (or k/j) choose, Enter or a digit jumps. */
function onMenuKey(state: State, key: string, ctx: KeyContext): State | null {
  const last = state.sections.length - 1;
  switch (key) {
    case 'up':
    case 'k':
      return { ...state, menuSelected: Math.max(0, state.menuSelected - 1) };
    case 'down':
    case 'j':
      return { ...state, menuSelected: Math.min(last, state.menuSelected + 1) };
    case 'home':
      return { ...state, menuSelected: 0 };
    case 'end':
      return { ...state, menuSelected: last };
    case 'enter':
      return reducer(state, { type: 'gotoSection', section: state.menuSelected, now: ctx.now });
    default:
      if (/^[1-9]$/.test(key) && Number(key) - 1 <= last) {
        return reducer(state, { type: 'gotoSection', section: Number(key) - 1, now: ctx.now });
      }
      return null;
  }
}

function onIndexKey(state: State, key: string, ctx: KeyContext): State {
  const rows = indexRows(state);
  const pos = Math.max(0, rows.indexOf(state.selected));
  switch (key) {
    case 'escape':
      return { ...state, overlay: 'none' };
    case 'ctrl+c':
      return { ...state, quit: true };
    case 'up':
      return { ...state, selected: rows[Math.max(0, pos - 1)] ?? state.selected };
    case 'down':
    case 'tab':
      return { ...state, selected: rows[Math.min(rows.length - 1, pos + 1)] ?? state.selected };
    case 'pageup':
      return { ...state, selected: rows[Math.max(0, pos - 10)] ?? state.selected };
    case 'pagedown':
      return { ...state, selected: rows[Math.min(rows.length - 1, pos + 10)] ?? state.selected };
    case 'enter': {
      if (!rows.includes(state.selected)) return state;
      return { ...go(state, state.selected, ctx.now), overlay: 'none', ...readingJump(state, state.selected, ctx) };
    }
    case 'backspace':
      return withFilter(state, state.filter.slice(0, -1));
    default: {
      const ch = key === 'space' ? ' ' : key;
      if ([...ch].length !== 1) return state;
      return withFilter(state, state.filter + ch);
    }
  }
}

function withFilter(state: State, filter: string): State {
  const next = { ...state, filter };
  const rows = indexRows(next);
  return { ...next, selected: rows.includes(state.selected) ? state.selected : (rows[0] ?? state.selected) };
}

/** In the reading view, a jump to a slide scrolls the document there. */
function readingJump(state: State, index: number, ctx: KeyContext): Partial<State> {
  if (state.view !== 'reading' || !ctx.doc) return {};
  const doc = ctx.doc();
  return { readTop: clamp(doc.slideStarts[index] ?? 0, 0, Math.max(0, doc.lines - 1)) };
}

function onSearchKey(state: State, key: string, ctx: KeyContext): State {
  switch (key) {
    case 'escape':
      return { ...state, overlay: 'none', search: { ...state.search, query: '', message: '' } };
    case 'ctrl+c':
      return { ...state, quit: true };
    case 'enter': {
      const query = state.search.query;
      const closed: State = { ...state, overlay: 'none', search: { ...state.search, active: query, message: '' } };
      if (!query) return { ...closed, search: { query: '', active: '', message: '' } };
      return findNext(closed, 1, ctx, true);
    }
    case 'backspace':
      return { ...state, search: { ...state.search, query: state.search.query.slice(0, -1) } };
    default: {
      const ch = key === 'space' ? ' ' : key;
      if ([...ch].length !== 1) return state;
      return { ...state, search: { ...state.search, query: state.search.query + ch } };
    }
  }
}

function modeOf(state: State): Mode {
  return state.view === 'reading' ? 'reading' : 'slides';
}

function onKey(state: State, key: string, ctx: KeyContext): State {
  if (state.overlay === 'index') return onIndexKey(state, key, ctx);
  if (state.overlay === 'search') return onSearchKey(state, key, ctx);
  if (state.overlay === 'menu') {
    const done = onMenuKey(state, key, ctx);
    if (done) return done;
  }
  const inOverlay = state.overlay !== 'none';
  const mode = modeOf(state);
  if (!inOverlay && /^[0-9]$/.test(key) && state.pending === '') {
    if (state.digits === '' && key === '0') return state;
    return { ...state, digits: (state.digits + key).slice(0, 9) };
  }
  const count = state.digits ? Number.parseInt(state.digits, 10) : null;
  const cleared = { ...state, digits: '', pending: '' };
  const printable = key.length === 1;
  if (printable && !inOverlay) {
    const seq = state.pending + key;
    const cmd = commandFor(seq, mode);
    if (cmd && seq.length > 1) return run(cleared, cmd, seq, count, ctx);
    if (isPrefix(seq, mode)) return { ...state, pending: seq };
  }
  if (key === 'escape' && !inOverlay && (state.digits || state.pending)) return cleared;
  const cmd = commandFor(key, mode, inOverlay);
  if (!cmd) return state.digits || state.pending ? cleared : state;
  // A number in the reading view goes to that slide's place in the document.
  if (mode === 'reading' && count !== null && (cmd === 'last' || key === 'enter') && ctx.doc) {
    const index = clamp(count - 1, 0, state.count - 1);
    return { ...cleared, ...readingJump(cleared, index, ctx) };
  }
  return run(cleared, cmd, key, count, ctx);
}

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'key':
      return onKey(state, action.key, contextOf(state, action.now));
    case 'goto':
      return { ...go(state, action.index, action.now), overlay: 'none', ...readingJump(state, action.index, contextOf(state, action.now)) };
    case 'gotoSection': {
      const s = state.sections[clamp(action.section, 0, state.sections.length - 1)];
      return { ...go(state, s.first, action.now), overlay: 'none', ...readingJump(state, s.first, contextOf(state, action.now)) };
    }
    case 'remote': {
      const index = clamp(action.index, 0, state.count - 1);
      const step = clamp(action.step, 0, stepsOf(state, index) - 1);
      if (index === state.index && step === state.step) return state;
      const moved = go(state, index, action.now);
      return { ...moved, index, step, scroll: index === state.index ? state.scroll : 0, notesScroll: index === state.index ? state.notesScroll : 0 };
    }
    case 'close':
      return { ...state, overlay: 'none' };
    case 'fit':
      return sameFit(state.fit, action.fit) ? state : { ...state, fit: action.fit };
    case 'reload': {
      const d = action.deck;
      const index = clamp(action.index >= 0 ? action.index : state.index, 0, d.count - 1);
      const steps = d.steps ?? [];
      const stay = index === state.index && action.index < 0;
      const step = stay ? clamp(state.step, 0, Math.max(1, steps[index] ?? 1) - 1) : Math.max(1, steps[index] ?? 1) - 1;
      return {
        ...state,
        count: d.count,
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

function sameFit(a: Fit, b: Fit): boolean {
  const same = (x: Viewport, y: Viewport) => x.maxScroll === y.maxScroll && x.page === y.page;
  return same(a.slide, b.slide) && same(a.notes, b.notes) && a.doc === b.doc;
}

/**
 * Feed a key string ("llgg", "12G", "<esc>") through the reducer, as a view
 * does: after each key, the state's fit is measured again by `measure`.
 */
export function pressKeys(state: State, keys: string, measure?: (s: State) => Fit, now?: number): State {
  const fitted = (s: State) => (measure ? reducer(s, { type: 'fit', fit: measure(s) }) : s);
  return parseKeyString(keys).reduce((s, key) => fitted(reducer(s, { type: 'key', key, now })), fitted(state));
}
