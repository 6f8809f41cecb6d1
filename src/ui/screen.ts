/**
 * What the session and its painters share: the screen to draw, a painter,
 * which painter draws a state, and what the session is handed (key input,
 * the deck's source).
 */
import type { Deck } from '../deck/types.js';
import type { RenderCache } from '../render/cache.js';
import { tooSmall } from '../render/layout.js';
import type { Theme } from '../render/theme.js';
import type { State } from '../state/reducer.js';
import type { SlidePictures } from './pictures.js';
import { slidesViewState } from './frame.js';

/** Everything a painter needs to draw the session's screen. */
export interface Screen {
  deck: Deck;
  cache: RenderCache;
  theme: Theme;
  state: State;
  cols: number;
  rows: number;
  /** The link's part of the status line. */
  link: string;
  /** The deck on disk no longer reads: shown as a banner over the last good deck. */
  error?: string;
  now: number;
  /** Each section's time in the last rehearsal (ms), when there is one. */
  rehearsed?: readonly (number | undefined)[];
  /** The screen is blanked here (b): black, nothing else (see blanksHere). */
  blanked?: boolean;
  /** Shown in place of the slides (a follower of another version of the deck), see linkNotice. */
  notice?: string;
  /** The slides' pictures, when they are drawn (views drawn by Ink draw them with half blocks). */
  pictures?: SlidePictures;
}

export interface Painter {
  paint(screen: Screen): void;
  /** Another painter takes the screen over: stop drawing here. */
  release(): void;
}

export type PainterKind = 'direct' | 'ink';

/** Which painter draws a state at a size: the direct one for the slides view and the too-small notice. */
export function painterFor(state: State, cols: number, rows: number, blanked = false): PainterKind {
  if (blanked || tooSmall(cols, rows)) return 'direct';
  return slidesViewState(state) ? 'direct' : 'ink';
}

export interface KeyInput {
  start(onKeys: (names: string[]) => void): void;
  stop(): void;
}

export interface DeckSource {
  /** Read the deck again; rejects with a one-line Error when it does not read. */
  load(): Promise<Deck>;
  /** Call `onChange` when the deck's files change; returns how to stop. */
  watch(onChange: () => void): () => void;
}
