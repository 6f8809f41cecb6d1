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
  | 'menu'
  | 'notes'
  | 'help'
  | 'close'
  | 'quit';

export type Group = 'Move' | 'Jump' | 'Show' | 'General';

export interface Binding {
  command: Command;
  keys: string[];
  help: string;
  group: Group;
  /** Also active while the section menu or help is open. */
  inOverlay?: boolean;
}

export const BINDINGS: readonly Binding[] = [
  {
    command: 'next',
    keys: ['right', 'l', 'j', 'down', 'space', 'pagedown', 'enter'],
    help: 'next slide (scrolls a tall slide first)',
    group: 'Move',
  },
  {
    command: 'prev',
    keys: ['left', 'h', 'k', 'up', 'pageup', 'backspace'],
    help: 'previous slide (scrolls back first)',
    group: 'Move',
  },
  { command: 'first', keys: ['gg', 'home'], help: 'first slide', group: 'Jump' },
  { command: 'last', keys: ['G', 'end'], help: 'last slide; with a number, that slide', group: 'Jump' },
  { command: 'nextSection', keys: [']'], help: 'next section', group: 'Jump' },
  { command: 'prevSection', keys: ['['], help: 'previous section', group: 'Jump' },
  { command: 'menu', keys: ['s', 'tab'], help: 'section menu', group: 'Jump', inOverlay: true },
  { command: 'notes', keys: ['o'], help: 'speaker notes below the slide', group: 'Show' },
  { command: 'help', keys: ['?'], help: 'this help', group: 'Show', inOverlay: true },
  { command: 'close', keys: ['escape'], help: 'close the menu or help', group: 'General', inOverlay: true },
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

/** The help table, in display order, generated from BINDINGS. */
export function helpRows(): HelpRow[] {
  const rows: HelpRow[] = [];
  for (const b of BINDINGS) {
    rows.push({ group: b.group, keys: b.keys.map(keyLabel).join(' '), help: b.help });
    if (b.command === 'last') rows.push({ group: 'Jump', ...NUMBER_HELP });
  }
  return rows;
}

/** The help table as plain text lines (for `--help` and the overlay). */
export function helpText(indent = '  '): string[] {
  const rows = helpRows();
  const w = Math.max(...rows.map((r) => r.keys.length));
  return rows.map((r) => `${indent}${r.keys.padEnd(w)}  ${r.help}`);
}

/** The bindings whose key (or key sequence) is exactly `key`. */
export function commandFor(key: string, inOverlay: boolean): Command | undefined {
  for (const b of BINDINGS) {
    if (inOverlay && !b.inOverlay) continue;
    if (b.keys.includes(key)) return b.command;
  }
  return undefined;
}

/** Is `keys` the start of a longer sequence in the table ("g" of "gg")? */
export function isPrefix(keys: string): boolean {
  return BINDINGS.some((b) => b.keys.some((k) => k.length > keys.length && k.startsWith(keys) && isPrintable(k)));
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
