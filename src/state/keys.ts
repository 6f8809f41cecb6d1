/**
 * Every key the presenter answers to, in every mode, in one table: the
 * slides and reading views, the section menu, the slide index, the search
 * prompt and the help. The reducer reads it to turn keys into commands, and
 * the help screen, `--help`, README's key tables and the hints on screen
 * (menu and index footers, the prompt line) are generated from it, so what
 * is documented is what works.
 *
 * Key names: printable keys are themselves ("g", "G", "?", "]"); others are
 * named: right left up down pageup pagedown home end enter backspace escape
 * tab space, and Ctrl with a letter: ctrl+c ctrl+n. A binding may be a
 * sequence of printable keys ("gg").
 *
 * Key presets (`--keys NAME`, src/state/keymap.ts) add the keys of another
 * presenter to this table; `commandFor` and `isPrefix` read the table in force.
 */

export type Command =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'nextSection'
  | 'prevSection'
  | 'backup'
  | 'jumpBack'
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
  | 'quit'
  | 'blank'
  // Only in key presets.
  | 'nextSlide'
  | 'prevSlide'
  | 'skipForward'
  | 'skipBack'
  | 'reload'
  // In lists (the section menu, the slide index) and the search prompt.
  | 'choosePrev'
  | 'chooseNext'
  | 'chooseFirst'
  | 'chooseLast'
  | 'choosePageUp'
  | 'choosePageDown'
  | 'go'
  | 'erase';

/**
 * Slides (the audience or presenter view), the reading view, and what opens
 * over them: the section menu, the slide index, the search prompt, the help.
 */
export type Mode = 'slides' | 'reading' | 'menu' | 'index' | 'prompt' | 'help';

/** The views that `--help`, the help screen and README document in full. */
export type ViewMode = 'slides' | 'reading';

export type Group = 'Move' | 'Jump' | 'Find' | 'Show' | 'Time' | 'General';

export interface Binding {
  command: Command;
  keys: string[];
  help: string;
  group: Group;
  /** Modes it works in (the slides and reading views when absent). */
  modes?: readonly Mode[];
  /** Help text for this binding and the next one, shown as one row ("next / previous section"). */
  pairHelp?: string;
  /** A word for the hint line of a menu, index or prompt ("choose", "go", "close"). */
  hint?: string;
  /**
   * What the audience terminal does with it while it is audience-safe (linked
   * to a presenter, or `--audience`): 'ask' (navigation: sent to the linked
   * presenter, who applies it; applied here while no presenter is linked),
   * 'own' (applied here, and shared when it is shared: blank, the timer);
   * absent: ignored (it could put the notes in front of the room).
   */
  audience?: Audience;
}

export type Audience = 'ask' | 'own';

const SLIDES: readonly Mode[] = ['slides'];
const READING: readonly Mode[] = ['reading'];
const VIEWS: readonly Mode[] = ['slides', 'reading'];
const MENU: readonly Mode[] = ['menu'];
const INDEX: readonly Mode[] = ['index'];
const PROMPT: readonly Mode[] = ['prompt'];

export const BINDINGS: readonly Binding[] = [
  {
    command: 'next',
    keys: ['right', 'l', 'j', 'down', 'space', 'pagedown', 'enter'],
    help: 'next slide or step (scrolls a tall slide first)',
    group: 'Move',
    modes: SLIDES,
    audience: 'ask',
  },
  {
    command: 'prev',
    keys: ['left', 'h', 'k', 'up', 'pageup', 'backspace'],
    help: 'previous slide or step (scrolls back first)',
    group: 'Move',
    modes: SLIDES,
    audience: 'ask',
  },
  { command: 'lineDown', keys: ['j', 'down'], help: 'down a line', group: 'Move', modes: READING },
  { command: 'lineUp', keys: ['k', 'up'], help: 'up a line', group: 'Move', modes: READING },
  { command: 'pageDown', keys: ['space', 'pagedown', 'l', 'right'], help: 'down a page', group: 'Move', modes: READING },
  { command: 'pageUp', keys: ['pageup', 'backspace', 'h', 'left'], help: 'up a page', group: 'Move', modes: READING },
  { command: 'first', keys: ['gg', 'home'], help: 'first slide', group: 'Jump', modes: SLIDES, audience: 'ask' },
  { command: 'last', keys: ['G', 'end'], help: 'last slide (backup slides come after it); with a number, that slide', group: 'Jump', modes: SLIDES, audience: 'ask' },
  { command: 'first', keys: ['g', 'home'], help: 'top', group: 'Jump', modes: READING },
  { command: 'last', keys: ['G', 'end'], help: 'bottom', group: 'Jump', modes: READING },
  { command: 'backup', keys: ['B'], help: 'first backup slide', group: 'Jump', audience: 'ask' },
  {
    command: 'jumpBack',
    keys: ['ctrl+o', '`'],
    help: 'back to where each jump came from, latest first',
    group: 'Jump',
    modes: SLIDES,
    audience: 'ask',
  },
  { command: 'nextSection', keys: [']'], help: 'next section', group: 'Jump', pairHelp: 'next / previous section', audience: 'ask' },
  { command: 'prevSection', keys: ['['], help: 'previous section', group: 'Jump', audience: 'ask' },
  {
    command: 'menu',
    keys: ['s', 'tab'],
    help: 'section menu: ↑/↓ and Enter, or the section number',
    group: 'Jump',
    modes: [...VIEWS, 'help'],
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
  {
    command: 'reading',
    keys: ['r', 'q', 'escape'],
    help: 'back to the slides, at the slide being read',
    group: 'Show',
    modes: READING,
  },
  {
    command: 'timer',
    keys: ['t'],
    help: 'start or pause the timer',
    group: 'Time',
    pairHelp: 'start or pause / reset the timer',
    audience: 'own',
  },
  { command: 'timerReset', keys: ['T'], help: 'reset the timer', group: 'Time', audience: 'own' },
  {
    command: 'blank',
    keys: ['b', '.'],
    help: 'blank the audience screen (b again, or a move, brings it back)',
    group: 'Show',
    modes: SLIDES,
    audience: 'own',
  },
  { command: 'watch', keys: ['w'], help: 'watch the deck: reload when its files change', group: 'General', audience: 'own' },
  { command: 'help', keys: ['?'], help: 'this help', group: 'General', modes: [...VIEWS, 'menu', 'help'], audience: 'own' },
  {
    command: 'close',
    keys: ['escape'],
    help: 'close the menu, index, search or help',
    group: 'General',
    modes: ['slides', 'help'],
    hint: 'close',
    audience: 'own',
  },
  { command: 'quit', keys: ['q', 'ctrl+c'], help: 'quit', group: 'General', modes: ['slides', 'menu', 'help'], audience: 'own' },
  { command: 'quit', keys: ['ctrl+c'], help: 'quit', group: 'General', modes: READING },

  // The help screen.
  { command: 'lineDown', keys: ['j', 'down'], help: 'scroll down a line', group: 'Move', modes: ['help'], pairHelp: 'scroll a line', hint: 'scroll', audience: 'own' },
  { command: 'lineUp', keys: ['k', 'up'], help: 'scroll up a line', group: 'Move', modes: ['help'], audience: 'own' },
  { command: 'pageDown', keys: ['space', 'pagedown'], help: 'scroll down a page', group: 'Move', modes: ['help'], pairHelp: 'scroll a page', audience: 'own' },
  { command: 'pageUp', keys: ['pageup', 'backspace'], help: 'scroll up a page', group: 'Move', modes: ['help'], audience: 'own' },

  // The section menu.
  { command: 'choosePrev', keys: ['up', 'k'], help: 'previous section', group: 'Move', modes: MENU, pairHelp: 'choose a section', hint: 'choose' },
  { command: 'chooseNext', keys: ['down', 'j'], help: 'next section', group: 'Move', modes: MENU },
  { command: 'chooseFirst', keys: ['home'], help: 'first section', group: 'Move', modes: MENU, pairHelp: 'first / last section' },
  { command: 'chooseLast', keys: ['end'], help: 'last section', group: 'Move', modes: MENU },
  { command: 'go', keys: ['enter'], help: 'go to the chosen section', group: 'Jump', modes: MENU, hint: 'go' },
  { command: 'close', keys: ['escape', 's', 'tab'], help: 'close the menu', group: 'General', modes: MENU, hint: 'close' },

  // The slide index: what is typed filters it.
  { command: 'choosePrev', keys: ['up'], help: 'previous slide', group: 'Move', modes: INDEX, pairHelp: 'choose a slide', hint: 'choose' },
  { command: 'chooseNext', keys: ['down', 'tab'], help: 'next slide', group: 'Move', modes: INDEX },
  { command: 'choosePageUp', keys: ['pageup'], help: 'ten slides up', group: 'Move', modes: INDEX, pairHelp: 'ten slides up / down' },
  { command: 'choosePageDown', keys: ['pagedown'], help: 'ten slides down', group: 'Move', modes: INDEX },
  { command: 'go', keys: ['enter'], help: 'go to the chosen slide', group: 'Jump', modes: INDEX, hint: 'go' },
  { command: 'erase', keys: ['backspace'], help: 'erase the last letter of the filter', group: 'Find', modes: INDEX },
  { command: 'close', keys: ['escape'], help: 'close the index', group: 'General', modes: INDEX, hint: 'close' },
  { command: 'quit', keys: ['ctrl+c'], help: 'quit', group: 'General', modes: INDEX },

  // The search prompt: what is typed is the query.
  { command: 'go', keys: ['enter'], help: 'search', group: 'Find', modes: PROMPT, hint: 'search' },
  { command: 'erase', keys: ['backspace'], help: 'erase the last letter', group: 'Find', modes: PROMPT },
  { command: 'close', keys: ['escape'], help: 'cancel', group: 'General', modes: PROMPT, hint: 'cancel' },
  { command: 'quit', keys: ['ctrl+c'], help: 'quit', group: 'General', modes: PROMPT },
];

/** What typing does in the modes that take text. */
export const TYPING_HELP: Partial<Record<Mode, string>> = { index: 'filter the slides', prompt: 'the query' };

/** Typed digits then G or Enter go to that slide; documented beside the table. */
export const NUMBER_HELP = { keys: '<n>G  <n> Enter', help: 'go to slide n' };

/** Typed digits then B go to that backup slide; documented beside the table. */
export const BACKUP_NUMBER_HELP = { keys: '<n>B', help: 'go to backup slide n' };

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
  if (/^ctrl\+[a-z]$/.test(key)) return `Ctrl-${key.slice(5).toUpperCase()}`;
  return SYMBOLS[key] ?? key;
}


/** Does a binding work in a mode? */
export function inMode(b: Binding, mode: Mode): boolean {
  return (b.modes ?? VIEWS).includes(mode);
}

/**
 * Split a test key string into keys: each character is a key, and names in
 * angle brackets are named keys: "3<enter>", "gg", "<esc>s".
 */
export function parseKeyString(s: string): string[] {
  const out: string[] = [];
  const alias: Record<string, string> = { esc: 'escape', cr: 'enter', return: 'enter', bs: 'backspace' };
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') {
      const end = s.indexOf('>', i);
      if (end > i + 1) {
        const name = s.slice(i + 1, end).toLowerCase();
        // <c-o>: Ctrl with a letter.
        out.push(alias[name] ?? name.replace(/^c-([a-z])$/, 'ctrl+$1'));
        i = end;
        continue;
      }
    }
    out.push(s[i] === ' ' ? 'space' : s[i]);
  }
  return out;
}
