import type { SearchText } from '../deck/search.js';
import type { Preset } from './keymap.js';
import type { Command } from './keys.js';

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
  /** Slides before the backup slides (count when there are none): `slide n / main`, `backup n / count - main`. */
  main: number;
  /** Where each jump came from, the latest last: Ctrl-O goes back to it. */
  jumps: readonly number[];
  sections: readonly SectionRange[];
  /** Reveal steps per slide (1 for a slide without pauses). */
  steps: readonly number[];
  /** Current reveal step of the current slide, 0-based. */
  step: number;
  /** Lines scrolled down within the current slide. */
  scroll: number;
  /**
   * The audience screen's page of the current slide: a presenter linked to an
   * audience screen pages it (next scrolls the audience's copy of a tall slide,
   * whatever the presenter's own size); an audience screen or follower shows it.
   */
  page: number;
  /** How the linked audience screen fits a position (for a presenter): the pages the slide takes there. */
  remoteFit: RemoteFit | null;
  /** A follower (`--follow`): shows what the presenter shows, and moves nothing. */
  follower: boolean;
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
  /** A short word for the status line ("timer running"), until the next key that does something. */
  notice: string;
  /** Keys in a row that did nothing (the second brings a hint). */
  unknown: number;
  /** Show the "? help" hint on the first slide until the first move. */
  hints: boolean;
  /** The help screen: its first line shown. */
  helpTop: number;
  /** The key preset in force (`--keys`). */
  keys: Preset;
  /** Asks for the deck to be read again from disk: the session reloads when it changes. */
  reloads: number;
  /** The audience screen is blanked (b): shared with a linked terminal. */
  blank: boolean;
  /** What this terminal is linked as now: a presenter with an audience screen, an audience with a presenter, or neither. */
  linked: Linked;
  /** Audience-safe even while no presenter is linked (`--audience`): keys that would show notes do nothing. */
  audienceOnly: boolean;
  /** The last move the linked audience terminal asked the presenter for (the session sends it); `n` counts them. */
  asked: { command: Command; count: number | null; n: number } | null;
  quit: boolean;
}

export type Linked = 'none' | 'presenter' | 'audience';

/** How many pages a slide, at a reveal step, takes on the audience screen. */
export interface RemoteFit {
  index: number;
  step: number;
  pages: number;
}

/** "The last page", whatever it is on the screen that shows it (going back to a slide lands at its end). */
export const LAST_PAGE = 999_999;

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
  /** The help screen's lines in its area. */
  help?: Viewport;
}

export type Action =
  /** A key press, with the clock's time when it matters (the timer starts on the first move). */
  | { type: 'key'; key: string; now?: number }
  /** How the screen of the state now fits the terminal. */
  | { type: 'fit'; fit: Fit }
  /** A position from a linked terminal: applied as is, never echoed back. */
  | { type: 'remote'; index: number; step: number; page?: number; now?: number }
  /** How the linked audience screen fits a position: the pages it takes there (for a presenter). */
  | ({ type: 'remoteFit' } & RemoteFit)
  /** The link's state changed: what this terminal is linked as now. */
  | { type: 'linked'; as: Linked }
  /** A move asked for on the linked audience terminal (a presenter applies it). */
  | { type: 'ask'; command: string; count: number | null; now?: number }
  /** The shared timer changed on a linked terminal: its reading there (elapsed ms), taken as of `now`. */
  | { type: 'timer'; elapsed: number; running: boolean; started: boolean; now: number }
  /** The audience screen was blanked or restored on a linked terminal. */
  | { type: 'blank'; on: boolean }
  /** The deck changed on disk: new shape, and the slide to show (-1: stay). */
  | { type: 'reload'; deck: DeckShape; index: number };

export interface DeckShape {
  count: number;
  /** Slides before the backup slides (all of them when absent). */
  main?: number;
  sections: readonly SectionRange[];
  steps?: readonly number[];
  texts?: readonly SearchText[] | (() => readonly SearchText[]);
  titles?: readonly string[];
}

export const FITS: Viewport = { maxScroll: 0, page: 1 };

/** What a key is applied with: the state's fit, and the time of the key. */
export interface KeyContext {
  viewport: Viewport;
  notes: Viewport;
  doc?: () => ReadingDoc;
  now?: number;
}

export function contextOf(state: State, now: number | undefined): KeyContext {
  return { viewport: state.fit.slide, notes: state.fit.notes, doc: state.fit.doc, now };
}

