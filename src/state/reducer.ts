import { commandFor, isPrefix, parseKeyString, type Command } from './keys.js';

export type Overlay = 'none' | 'help' | 'menu';

export interface SectionRange {
  first: number;
  last: number;
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
  overlay: Overlay;
  notes: boolean;
  /** Digits typed so far (a slide number or count). */
  digits: string;
  /** Printable keys typed so far that start a sequence ("g" of "gg"). */
  pending: string;
  quit: boolean;
}

/** What the view knows about the current slide's fit, for scrolling. */
export interface Viewport {
  /** How far the slide can scroll (0 when it fits). */
  maxScroll: number;
  /** Lines to move per step. */
  page: number;
}

export type Action =
  | { type: 'key'; key: string; viewport?: Viewport }
  | { type: 'goto'; index: number }
  | { type: 'gotoSection'; section: number }
  | { type: 'close' };

export function initialState(
  count: number,
  sections: readonly SectionRange[],
  index = 0,
  steps: readonly number[] = [],
): State {
  return {
    index: clamp(index, 0, count - 1),
    count,
    sections,
    steps,
    step: 0,
    scroll: 0,
    overlay: 'none',
    notes: false,
    digits: '',
    pending: '',
    quit: false,
  };
}

const FITS: Viewport = { maxScroll: 0, page: 1 };

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

/** Go to a slide: at its first reveal step, or its last with `atEnd` (stepping back). */
function go(state: State, index: number, atEnd = false): State {
  const next = clamp(index, 0, state.count - 1);
  if (next === state.index) return state;
  return { ...state, index: next, scroll: 0, step: atEnd ? stepsOf(state, next) - 1 : 0 };
}

function run(state: State, command: Command, key: string, count: number | null, vp: Viewport): State {
  switch (command) {
    case 'next':
      if (count !== null && key === 'enter') return go(state, count - 1);
      if (count === null && state.scroll < vp.maxScroll) {
        return { ...state, scroll: Math.min(vp.maxScroll, state.scroll + Math.max(1, vp.page)) };
      }
      if (count === null && state.step < stepsOf(state, state.index) - 1) return { ...state, step: state.step + 1 };
      return go(state, state.index + (count ?? 1));
    case 'prev':
      if (count === null && state.scroll > 0) {
        return { ...state, scroll: Math.max(0, state.scroll - Math.max(1, vp.page)) };
      }
      if (count === null && state.step > 0) return { ...state, step: state.step - 1 };
      return go(state, state.index - (count ?? 1), count === null);
    case 'first':
      return go(state, 0);
    case 'last':
      return go(state, count !== null ? count - 1 : state.count - 1);
    case 'nextSection': {
      const s = sectionOf(state, state.index);
      const target = Math.min(state.sections.length - 1, s + (count ?? 1));
      return target === s ? state : go(state, state.sections[target].first);
    }
    case 'prevSection': {
      const s = sectionOf(state, state.index);
      // From inside a section, [ goes to its start first.
      if (state.index > state.sections[s].first && count === null) return go(state, state.sections[s].first);
      return go(state, state.sections[Math.max(0, s - (count ?? 1))].first);
    }
    case 'menu':
      return { ...state, overlay: state.overlay === 'menu' ? 'none' : 'menu' };
    case 'help':
      return { ...state, overlay: state.overlay === 'help' ? 'none' : 'help' };
    case 'notes':
      return { ...state, notes: !state.notes };
    case 'close':
      return { ...state, overlay: 'none' };
    case 'quit':
      return { ...state, quit: true };
  }
}

function onKey(state: State, key: string, vp: Viewport): State {
  const inOverlay = state.overlay !== 'none';
  if (!inOverlay && /^[0-9]$/.test(key) && state.pending === '') {
    if (state.digits === '' && key === '0') return state;
    return { ...state, digits: (state.digits + key).slice(0, 9) };
  }
  const count = state.digits ? Number.parseInt(state.digits, 10) : null;
  const cleared = { ...state, digits: '', pending: '' };
  const printable = key.length === 1;
  if (printable && !inOverlay) {
    const seq = state.pending + key;
    const cmd = commandFor(seq, false);
    if (cmd && seq.length > 1) return run(cleared, cmd, seq, count, vp);
    if (isPrefix(seq)) return { ...state, pending: seq };
  }
  if (key === 'escape' && !inOverlay && (state.digits || state.pending)) return cleared;
  const cmd = commandFor(key, inOverlay);
  if (!cmd) return state.digits || state.pending ? cleared : state;
  return run(cleared, cmd, key, count, vp);
}

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'key':
      return onKey(state, action.key, action.viewport ?? FITS);
    case 'goto':
      return { ...go(state, action.index), overlay: 'none' };
    case 'gotoSection': {
      const s = state.sections[clamp(action.section, 0, state.sections.length - 1)];
      return { ...go(state, s.first), overlay: 'none' };
    }
    case 'close':
      return { ...state, overlay: 'none' };
  }
}

/** Feed a key string ("llgg", "12G", "<esc>") through the reducer. */
export function pressKeys(state: State, keys: string, viewport?: Viewport): State {
  return parseKeyString(keys).reduce((s, key) => reducer(s, { type: 'key', key, viewport }), state);
}
