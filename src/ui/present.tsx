import React from 'react';
import { render } from 'ink';
import type { Deck } from '../deck/types.js';
import { createMarkdownRenderer } from '../render/markdown.js';
import { RenderCache } from '../render/slide.js';
import type { Theme } from '../render/theme.js';
import { App } from './App.js';
import { TerminalGuard } from './terminal.js';

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

export interface PresentOptions {
  /**
   * Fault injection for the terminal-restore tests: "render" makes rendering
   * any slide after the first throw, as a bug would.
   */
  fault?: string;
}

/** Present a deck full-screen until the user quits; the terminal is restored however it ends. */
export async function present(deck: Deck, theme: Theme, options: PresentOptions = {}): Promise<void> {
  const markdown = createMarkdownRenderer(theme);
  let rendered = 0;
  const md: typeof markdown = (text, width) => {
    if (options.fault === 'render' && rendered++ > 0) throw new Error('injected render fault');
    return markdown(text, width);
  };
  const cache = new RenderCache(deck, md, theme);
  const guard = new TerminalGuard();
  const restore = () => guard.restore();
  process.on('exit', restore);

  guard.enter();
  const instance = render(<App deck={deck} cache={cache} theme={theme} />, {
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 60,
  });

  const onSignal = (signal: NodeJS.Signals) => {
    try {
      instance.unmount();
    } catch {
      // already unmounted
    }
    restore();
    process.exit(128 + (SIGNALS[signal] ?? 0));
  };
  for (const s of Object.keys(SIGNALS)) process.on(s, onSignal);

  try {
    await instance.waitUntilExit();
  } finally {
    for (const s of Object.keys(SIGNALS)) process.off(s, onSignal);
    restore();
  }
}
