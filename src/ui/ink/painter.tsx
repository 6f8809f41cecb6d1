/**
 * The painter with Ink, loaded (with React and the layout engine) the first
 * time a view needs it. It mounts Ink on the first paint and unmounts it when
 * the direct painter takes over again. Ink never reads the terminal's input:
 * it is given a stream that nothing writes to (the session reads the keys).
 */
import React from 'react';
import { PassThrough } from 'node:stream';
import { render, type Instance } from 'ink';
import type { Painter, Screen } from '../screen.js';
import { View } from './View.js';

export function inkPainter(stdout: NodeJS.WriteStream): Painter {
  let instance: Instance | null = null;
  return {
    paint(screen: Screen) {
      const view = <View {...screen} />;
      if (instance) return instance.rerender(view);
      // Whatever was on screen goes: Ink draws its first frame over a clear
      // one, from the top-left (the frame fills the screen: Ink then writes no
      // newline after it), and the frame's synchronized output shows both at once.
      stdout.write('\u001b[?2026h\u001b[2J\u001b[H');
      instance = render(view, {
        stdout,
        stdin: new PassThrough() as unknown as NodeJS.ReadStream,
        exitOnCtrlC: false,
        patchConsole: false,
        maxFps: 60,
      });
    },
    release() {
      instance?.unmount();
      instance = null;
    },
  };
}
