import React from 'react';
import { render } from 'ink';
import type { Deck } from '../deck/types.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import { RenderCache } from '../render/slide.js';
import type { Theme } from '../render/theme.js';
import { firstChangedSlide } from '../deck/diff.js';
import { DeckError } from '../deck/types.js';
import { deckFingerprint, openLink } from '../io/link.js';
import { watchDeck } from '../io/watch.js';
import type { View } from '../state/reducer.js';
import type { Role } from '../state/sync.js';
import { App } from './App.js';
import { presenterMarkdown } from './frame.js';
import { TerminalGuard } from './terminal.js';

export interface PresentOptions {
  view?: View;
  /** Join the channel that keeps this terminal in step with others. */
  link?: { channel: string; role: Role; dir?: string };
  /**
   * Fault injection for the terminal-restore tests: "render" makes rendering
   * any slide after the first throw, as a bug would.
   */
  fault?: string;
  /** The deck's files, and how to read them again, for watching. */
  source?: { path: string; folder: boolean; load: () => Deck };
  /** Start watching at once (`--watch`); the w key turns it on and off. */
  watch?: boolean;
  /** What painted the first frame before Ink loaded: its renderer, cache and terminal. */
  md?: MarkdownRenderer;
  cache?: RenderCache;
  guard?: TerminalGuard;
}


/** Present a deck full-screen until the user quits; the terminal is restored however it ends. */
export async function present(deck: Deck, theme: Theme, options: PresentOptions = {}): Promise<void> {
  const md = options.md ?? presenterMarkdown(theme, options.fault);
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
  // What is on screen: the last deck that parsed, and the error of a newer one that did not.
  let shown = { deck, cache, error: undefined as string | undefined, reload: { version: 0, index: -1 } };
  const watcher: { stop: (() => void) | null } = { stop: null };
  const app = () => (
    <App
      deck={shown.deck}
      cache={shown.cache}
      theme={theme}
      view={options.view}
      link={link}
      watch={options.watch}
      onWatch={setWatch}
      reload={shown.reload}
      error={shown.error}
    />
  );
  const reload = () => {
    const source = options.source;
    if (!source) return;
    try {
      const next = source.load();
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
    instance.rerender(app());
  };
  function setWatch(on: boolean) {
    if (on && !watcher.stop && options.source) {
      watcher.stop = watchDeck(options.source.path, options.source.folder, reload);
    } else if (!on && watcher.stop) {
      watcher.stop();
      watcher.stop = null;
    }
  }
  const instance = render(app(), {
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 60,
  });

  // Signals end the program through the guard, which unmounts Ink first.
  guard.beforeExit = () => {
    link?.close();
    instance.unmount();
  };
  // The terminal went away without a hangup signal: leave as if it had sent one.
  const onGone = () => guard.exit('SIGHUP');
  process.stdin.once('end', onGone);

  try {
    await instance.waitUntilExit();
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
