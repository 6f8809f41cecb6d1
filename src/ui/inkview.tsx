/**
 * The Ink interface: every view, overlays included. It starts where the
 * slides view without Ink (light.ts) left off, or from the start for the
 * presenter and reading views, and runs until the user quits.
 */
import React from 'react';
import { render } from 'ink';
import type { Theme } from '../render/theme.js';
import type { State } from '../state/reducer.js';
import type { Link } from '../state/sync.js';
import { App } from './App.js';
import type { Shown } from './light.js';

export interface InkOptions {
  shown: () => Shown;
  theme: Theme;
  /** The state to carry on from (its view, slide, watch setting, …). */
  state: State;
  link?: Link;
  onWatch: (on: boolean) => void;
}

export interface InkView {
  /** The deck was read again (or failed to): show what is now shown. */
  refresh(): void;
  unmount(): void;
  /** Resolves when the user has quit. */
  done: Promise<void>;
}

export function runInk(o: InkOptions): InkView {
  const app = () => {
    const shown = o.shown();
    return (
      <App
        deck={shown.deck}
        cache={shown.cache}
        theme={o.theme}
        initial={o.state}
        link={o.link}
        onWatch={o.onWatch}
        reload={shown.reload}
        error={shown.error}
      />
    );
  };
  // Whatever was on screen goes: Ink draws its first frame over a clear one
  // (and the frame's synchronized output shows both at once).
  process.stdout.write('\u001b[?2026h\u001b[2J');
  const instance = render(app(), {
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 60,
  });
  return {
    refresh: () => instance.rerender(app()),
    unmount: () => instance.unmount(),
    done: instance.waitUntilExit().then(() => undefined),
  };
}
