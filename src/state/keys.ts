/**
 * Every key the presenter answers to, in one table. The reducer reads it to
 * turn keys into commands, and the help screen and `--help` are generated
 * from it, so what is documented is what works.
 *
 * Key names: printable keys are themselves ("g", "G", "?", "]"); others are
 * named: right left up down pageup pagedown home end enter backspace escape
 * tab space ctrl+c. A binding may be a sequence of printable keys ("gg").
 */

export type Command =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'nextSection'
  | 'prevSection'
  | 'lineDown'
  | 'lineUp'
  | 'pageDown'
  | 'pageUp'
  | 'menu'
  | 'index'
  | 'search'
  | 'nextMatch'
  | 'prevMatch'
  | 'notes'
  | 'presenter'
  | 'reading'
  | 'timer'
  | 'timerReset'
  | 'watch'
  | 'notesDown'
  | 'notesUp'
  | 'help'
  | 'close'
  | 'quit';

/** Slides (the audience or presenter view) or the reading view. */
export type Mode = 'slides' | 'reading';

export type Group = 'Move' | 'Jump' | 'Find' | 'Show' | 'Time' | 'General';

export interface Binding {
  command: Command;
  keys: string[];
  help: string;
  group: Group;
  /** Views it works in (both when absent). */
  modes?: readonly Mode[];
  /** Also active while the section menu or help is open. */
  inOverlay?: boolean;
  /** Help text for this binding and the next one, shown as one row ("next / previous section"). */
  pairHelp?: string;
}

const SLIDES: readonly Mode[] = ['slides'];
const READING: readonly Mode[] = ['reading'];

export const BINDINGS: readonly Binding[] = [
  {
    command: 'next',
    keys: ['right', 'l', 'j', 'down', 'space', 'pagedown', 'enter'],
    help: 'next slide or step (scrolls a tall slide first)',
    group: 'Move',
    modes: SLIDES,
  },
  {
    command: 'prev',
    keys: ['left', 'h', 'k', 'up', 'pageup', 'backspace'],
    help: 'previous slide or step (scrolls back first)',
    group: 'Move',
    modes: SLIDES,
  },
  { command: 'lineDown', keys: ['j', 'down'], help: 'down a line', group: 'Move', modes: READING },
  { command: 'lineUp', keys: ['k', 'up'], help: 'up a line', group: 'Move', modes: READING },
  { command: 'pageDown', keys: ['space', 'pagedown', 'l', 'right'], help: 'down a page', group: 'Move', modes: READING },
  { command: 'pageUp', keys: ['pageup', 'backspace', 'h', 'left'], help: 'up a page', group: 'Move', modes: READING },
  { command: 'first', keys: ['gg', 'home'], help: 'first slide', group: 'Jump', modes: SLIDES },
  { command: 'last', keys: ['G', 'end'], help: 'last slide; with a number, that slide', group: 'Jump', modes: SLIDES },
  { command: 'first', keys: ['g', 'home'], help: 'top', group: 'Jump', modes: READING },
  { command: 'last', keys: ['G', 'end'], help: 'bottom', group: 'Jump', modes: READING },
  { command: 'nextSection', keys: [']'], help: 'next section', group: 'Jump', pairHelp: 'next / previous section' },
  { command: 'prevSection', keys: ['['], help: 'previous section', group: 'Jump' },
  {
    command: 'menu',
    keys: ['s', 'tab'],
    help: 'section menu: ↑/↓ and Enter, or the section number',
    group: 'Jump',
    inOverlay: true,
  },
  { command: 'index', keys: ['i'], help: 'slide index: type to filter, Enter jumps', group: 'Jump' },
  { command: 'search', keys: ['/'], help: 'search slides and notes', group: 'Find' },
  { command: 'nextMatch', keys: ['n'], help: 'next match', group: 'Find', pairHelp: 'next / previous match' },
  { command: 'prevMatch', keys: ['N'], help: 'previous match', group: 'Find' },
  { command: 'notes', keys: ['o'], help: 'speaker notes below the slide', group: 'Show', modes: SLIDES },
  {
    command: 'notesDown',
    keys: ['J'],
    help: 'scroll the notes down',
    group: 'Show',
    modes: SLIDES,
    pairHelp: 'scroll the notes down / up',
  },
  { command: 'notesUp', keys: ['K'], help: 'scroll the notes up', group: 'Show', modes: SLIDES },
  { command: 'presenter', keys: ['p'], help: 'presenter view: notes, next slide, timer', group: 'Show', modes: SLIDES },
  {
    command: 'reading',
    keys: ['r'],
    help: 'reading view: the whole deck as one document',
    group: 'Show',
    modes: SLIDES,
  },
  { command: 'reading', keys: ['r'], help: 'back to the slides, at the slide being read', group: 'Show', modes: READING },
  {
    command: 'timer',
    keys: ['t'],
    help: 'start or pause the timer',
    group: 'Time',
    pairHelp: 'start or pause / reset the timer',
  },
  { command: 'timerReset', keys: ['T'], help: 'reset the timer', group: 'Time' },
  { command: 'watch', keys: ['w'], help: 'watch the deck: reload when its files change', group: 'General' },
  { command: 'help', keys: ['?'], help: 'this help', group: 'General', inOverlay: true },
  { command: 'close', keys: ['escape'], help: 'close the menu, index, search or help', group: 'General', inOverlay: true },
  { command: 'quit', keys: ['q', 'ctrl+c'], help: 'quit', group: 'General', inOverlay: true },
];

/** Typed digits then G or Enter go to that slide; documented beside the table. */
export const NUMBER_HELP = { keys: '<n>G  <n> Enter', help: 'go to slide n' };

const SYMBOLS: Record<string, string> = {
  right: '→',
  left: '←',
  up: '↑',
  down: '↓',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  backspace: 'Backspace',
  escape: 'Esc',
  tab: 'Tab',
  space: 'Space',
  'ctrl+c': 'Ctrl-C',
};

/** How a key is written for people. */
export function keyLabel(key: string): string {
  return SYMBOLS[key] ?? key;
}

export interface HelpRow {
  group: Group;
  keys: string;
  help: string;
}

function inMode(b: Binding, mode: Mode): boolean {
  return !b.modes || b.modes.includes(mode);
}

/** The help table for a view, in display order, generated from BINDINGS. */
export function helpRows(mode: Mode = 'slides'): HelpRow[] {
  const rows: HelpRow[] = [];
  const shown = BINDINGS.filter((b) => inMode(b, mode));
  for (let i = 0; i < shown.length; i++) {
    const b = shown[i];
    const keys = b.keys.map(keyLabel).join(' ');
    const pair = b.pairHelp ? shown[i + 1] : undefined;
    if (pair) {
      rows.push({ group: b.group, keys: `${keys} / ${pair.keys.map(keyLabel).join(' ')}`, help: b.pairHelp! });
      i++;
    } else {
      rows.push({ group: b.group, keys, help: b.help });
    }
    if (b.command === 'last') rows.push({ group: 'Jump', ...NUMBER_HELP });
  }
  return rows;
}

/** The help table as plain text lines (for `--help` and the overlay). */
export function helpText(indent = '  ', mode: Mode = 'slides'): string[] {
  const rows = helpRows(mode);
  const w = Math.max(...rows.map((r) => r.keys.length));
  return rows.map((r) => `${indent}${r.keys.padEnd(w)}  ${r.help}`);
}

/** The command a key (or key sequence) gives in a view, if any. */
export function commandFor(key: string, mode: Mode, inOverlay = false): Command | undefined {
  for (const b of BINDINGS) {
    if (inOverlay && !b.inOverlay) continue;
    if (!inMode(b, mode)) continue;
    if (b.keys.includes(key)) return b.command;
  }
  return undefined;
}

/** Is `keys` the start of a longer sequence in a view's table ("g" of "gg")? */
export function isPrefix(keys: string, mode: Mode): boolean {
  return BINDINGS.some(
    (b) => inMode(b, mode) && b.keys.some((k) => k.length > keys.length && k.startsWith(keys) && isPrintable(k)),
  );
}

function isPrintable(k: string): boolean {
  return !(k in SYMBOLS);
}

/**
 * Split a test key string into keys: each character is a key, and names in
 * angle brackets are named keys: "3<enter>", "gg", "<esc>s".
 */
export function parseKeyString(s: string): string[] {
  const out: string[] = [];
  const alias: Record<string, string> = { esc: 'escape', cr: 'enter', return: 'enter', bs: 'backspace', 'c-c': 'ctrl+c' };
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') {
      const end = s.indexOf('>', i);
      if (end > i + 1) {
        const name = s.slice(i + 1, end).toLowerCase();
        out.push(alias[name] ?? name);
        i = end;
        continue;
      }
    }
    out.push(s[i] === ' ' ? 'space' : s[i]);
  }
  return out;
}
