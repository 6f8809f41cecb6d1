import { slideLabel } from '../deck/backup.js';
import { hasControl } from '../deck/clean.js';
import { contains } from '../deck/search.js';
import { commandFor } from './keymap.js';
import { clamp, jump, readingJump } from './navigation.js';
import type { KeyContext, State } from './types.js';

/**
 * Indices of slides whose number, title or text matches the index filter. A
 * number is a main slide's ("3"); a backup slide's is "b3" (or "B3").
 */
export function indexRows(state: State): number[] {
  const out: number[] = [];
  const f = state.filter.trim();
  const number = (i: number) => slideLabel(i, state.main).toLowerCase() === f.toLowerCase();
  for (let i = 0; i < state.count; i++) {
    if (!f || number(i) || contains(state.titles[i] ?? '', f) || contains(state.texts()[i]?.body ?? '', f)) out.push(i);
  }
  return out;
}

/** How many sections hold main slides (they come first; the menu numbers them, the backup ones it lists after). */
export function mainSections(state: Pick<State, 'sections' | 'main'>): number {
  const n = state.sections.findIndex((s) => s.first >= state.main);
  return n < 0 ? state.sections.length : n;
}

/** Go to a slide (in the reading view: to its place in the document) and close what was open. */
export function gotoSlide(state: State, index: number, ctx: KeyContext): State {
  return { ...jump(state, index, ctx.now), overlay: 'none', digits: '', ...readingJump(state, index, ctx) };
}

export function gotoSection(state: State, section: number, ctx: KeyContext): State {
  const s = state.sections[clamp(section, 0, state.sections.length - 1)];
  return gotoSlide(state, s.first, ctx);
}

/**
 * A key in the section menu. A digit chooses that section and goes at once
 * when no longer number starts with it; otherwise it waits for the next digit
 * or Enter (with ten sections or more, "1" may be 1 or 1x).
 */
export function onMenuKey(state: State, key: string, ctx: KeyContext): State {
  const last = state.sections.length - 1;
  if (/^[0-9]$/.test(key)) {
    // Numbers choose the main sections; the backup sections are chosen with ↑/↓.
    const lastNumbered = mainSections(state) - 1;
    const digits = state.digits + key;
    const n = Number(digits);
    if (n < 1 || n - 1 > lastNumbered) return { ...state, digits: '' };
    if (n * 10 - 1 > lastNumbered) return gotoSection(state, n - 1, ctx);
    return { ...state, digits, menuSelected: n - 1 };
  }
  const cmd = commandFor(key, 'menu', state.keys);
  const menu = { ...state, digits: '' };
  switch (cmd) {
    case 'choosePrev':
      return { ...menu, menuSelected: Math.max(0, state.menuSelected - 1) };
    case 'chooseNext':
      return { ...menu, menuSelected: Math.min(last, state.menuSelected + 1) };
    case 'chooseFirst':
      return { ...menu, menuSelected: 0 };
    case 'chooseLast':
      return { ...menu, menuSelected: last };
    case 'go':
      return gotoSection(state, state.menuSelected, ctx);
    case 'close':
      return { ...menu, overlay: 'none' };
    case 'help':
      return { ...menu, overlay: 'help' };
    case 'quit':
      return { ...menu, quit: true };
    default:
      return state;
  }
}

/** A key in the slide index: the table's commands, and letters for the filter. */
export function onIndexKey(state: State, key: string, ctx: KeyContext): State {
  const rows = indexRows(state);
  const pos = Math.max(0, rows.indexOf(state.selected));
  const at = (n: number) => ({ ...state, selected: rows[clamp(n, 0, rows.length - 1)] ?? state.selected });
  switch (commandFor(key, 'index', state.keys)) {
    case 'close':
      return { ...state, overlay: 'none' };
    case 'quit':
      return { ...state, quit: true };
    case 'choosePrev':
      return at(pos - 1);
    case 'chooseNext':
      return at(pos + 1);
    case 'choosePageUp':
      return at(pos - 10);
    case 'choosePageDown':
      return at(pos + 10);
    case 'go':
      return rows.includes(state.selected) ? gotoSlide(state, state.selected, ctx) : state;
    case 'erase':
      return withFilter(state, [...state.filter].slice(0, -1).join(''));
    default: {
      const ch = typed(key);
      return ch === null ? state : withFilter(state, state.filter + ch);
    }
  }
}

/** The character a key types into a filter or query, if it types one. */
export function typed(key: string): string | null {
  const ch = key === 'space' ? ' ' : key;
  // A pasted control character (C0, DEL, C1) never enters a query or a filter.
  return [...ch].length === 1 && !hasControl(ch) ? ch : null;
}

function withFilter(state: State, filter: string): State {
  const next = { ...state, filter };
  const rows = indexRows(next);
  return { ...next, selected: rows.includes(state.selected) ? state.selected : (rows[0] ?? state.selected) };
}
