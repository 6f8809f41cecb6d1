// A session's screens as text, for tests: the direct painter's lines, and Ink's
// frame of the view (ink-testing-library), without colour or trailing spaces.
import React from 'react';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { DirectPainter } from '../../src/ui/direct.js';
import { View } from '../../src/ui/ink/View.js';
import type { Screen } from '../../src/ui/session.js';

export const directText = (s: Screen) => DirectPainter.lines(s).map((l) => stripAnsi(l).trimEnd()).join('\n');

export function inkText(s: Screen): string {
  // The view at the screen's width (the testing library's own terminal is 100 columns).
  const app = render(
    <Box width={s.cols}>
      <View {...s} />
    </Box>,
  );
  const text = stripAnsi(app.lastFrame() ?? '').split('\n').map((l) => l.trimEnd()).join('\n');
  app.unmount();
  return text;
}
