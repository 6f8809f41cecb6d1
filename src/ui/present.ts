import type { Deck } from '../deck/types.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import { RenderCache } from '../render/slide.js';
import type { Theme } from '../render/theme.js';
import { firstChangedSlide } from '../deck/diff.js';
import { DeckError } from '../deck/types.js';
import { deckFingerprint, openLink } from '../io/link.js';
import { watchDeck } from '../io/watch.js';
import { initialState, type State } from '../state/reducer.js';
import type { Role } from '../state/sync.js';
import { presenterMarkdown } from './frame.js';
import { shapeOf } from './geometry.js';
import { LightView, type Shown } from './light.js';
import { TerminalGuard } from './terminal.js';

export interface PresentOptions {
  /** Where to start: the view, slide and watch setting (by default the first slide of the slides view). */
  state?: State;
  /** Join the channel that keeps this terminal in step with others. */
  link?: { channel: string; role: Role; dir?: string };
  /** The deck's files, and how to read them again, for watching. */
  source?: { path: string; folder: boolean; load: () => Promise<Deck> };
  /** What painted the first frame before the interface loaded: its renderer, cache and terminal. */
  md?: MarkdownRenderer;
  cache?: RenderCache;
  guard?: TerminalGuard;
  /** The first slide's screen, on the terminal already, as the slides view draws it. */
  painted?: string[];
}

/**
 * Present a deck full-screen until the user quits; the terminal is restored
 * however it ends. The slides view runs without Ink (light.ts) until a key
 * needs more; then the Ink interface (inkview.tsx, loaded only then) takes
 * over from the same state.
 */
export async function present(deck: Deck, theme: Theme, options: PresentOptions = {}): Promise<void> {
  const md = options.md ?? presenterMarkdown(theme);
  const cache = options.cache ?? new RenderCache(deck, md, theme);
  const link = options.link
    ? openLink({ ...options.link, deckId: deckFingerprint(deck.slides.map((s) => s.title)) })
    : undefined;
  const guard = options.guard ?? new TerminalGuard();
  const restore = () => {
    link?.close();
    guard.restore();
  };
  process.on('exit', restore);
  guard.enter();

  let shown: Shown = { deck, cache, error: undefined, reload: { version: 0, index: -1 } };
  /** Whichever view is running, told when the deck is read again. */
  let ui: { refresh(): void; stop(): void } | null = null;
  const watcher: { stop: (() => void) | null } = { stop: null };
  // One read at a time; a change during a read is read once that one ends.
  const reading = { busy: false, again: false };
  const reload = async () => {
    const source = options.source;
    if (!source) return;
    if (reading.busy) {
      reading.again = true;
      return;
    }
    reading.busy = true;
    try {
      const next = await source.load();
      const index = firstChangedSlide(shown.deck, next);
      shown = {
        deck: next,
        cache: new RenderCache(next, md, theme),
        error: undefined,
        reload: { version: shown.reload.version + 1, index },
      };
    } catch (err) {
      shown = { ...shown, error: describe(err) };
    }
    const again = reading.again;
    reading.busy = reading.again = false;
    ui?.refresh();
    if (again) void reload();
  };
  const setWatch = (on: boolean) => {
    if (on && !watcher.stop && options.source) {
      watcher.stop = watchDeck(options.source.path, options.source.folder, () => void reload());
    } else if (!on && watcher.stop) {
      watcher.stop();
      watcher.stop = null;
    }
  };

  // Signals end the program through the guard, which stops the view first.
  guard.beforeExit = () => {
    link?.close();
    ui?.stop();
  };
  // The terminal went away without a hangup signal: leave as if it had sent one.
  const onGone = () => guard.exit('SIGHUP');
  process.stdin.once('end', onGone);

  try {
    let state = options.state ?? initialState(shapeOf(deck));
    if (state.view === 'slides') {
      const light = new LightView({
        shown: () => shown,
        theme,
        state,
        link,
        stdin: process.stdin,
        stdout: process.stdout,
        now: Date.now,
        onWatch: setWatch,
        painted: options.painted,
      });
      ui = light;
      const end = await light.run();
      ui = null;
      if (end.quit) return;
      state = end.state;
    }
    const { runInk } = await import('./inkview.js');
    const ink = runInk({ shown: () => shown, theme, state, link, onWatch: setWatch });
    ui = { refresh: ink.refresh, stop: ink.unmount };
    await ink.done;
  } finally {
    watcher.stop?.();
    process.stdin.off('end', onGone);
    restore();
  }
}

/** One line for a deck that no longer reads or parses. */
function describe(err: unknown): string {
  if (err instanceof DeckError) return err.describe();
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
