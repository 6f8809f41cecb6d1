// Painting a screen in place (src/ui/frame.ts paintScreen): one synchronized
// frame, and after the first only the lines that changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankLines, errorBannerLine, paintScreen, searchPromptLine, statusHint } from '../../src/ui/frame.js';
import { makeTheme } from '../../src/render/theme.js';

const BSU = '\u001b[?2026h';
const ESU = '\u001b[?2026l';

test('a screen is one synchronized frame, each line at its row, cleared before it is written', () => {
  const out = paintScreen(['one', '', 'three']);
  assert.ok(out.startsWith(BSU) && out.endsWith(ESU));
  // Cleared first: after a line as wide as the screen, nothing would erase its last cell.
  assert.equal(out, `${BSU}\u001b[s\u001b[1;1H\u001b[2Kone\u001b[2;1H\u001b[2K\u001b[3;1H\u001b[2Kthree\u001b[u${ESU}`);
});

test('after a first screen, only the lines that differ are written; nothing when none do', () => {
  const first = ['title', 'a', 'b', 'status 1'];
  const next = ['title', 'a', 'c', 'status 2'];
  const out = paintScreen(next, { previous: first });
  assert.equal(out, `${BSU}\u001b[s\u001b[3;1H\u001b[2Kc\u001b[4;1H\u001b[2Kstatus 2\u001b[u${ESU}`);
  assert.equal(paintScreen(first, { previous: first }), '');
});

test('clear wipes the screen and writes every line, whatever was there', () => {
  const lines = ['x', 'y'];
  const out = paintScreen(lines, { clear: true, previous: lines });
  assert.ok(out.startsWith(`${BSU}\u001b[2J`));
  assert.ok(out.includes('\u001b[1;1H\u001b[2Kx') && out.includes('\u001b[2;1H\u001b[2Ky'));
});

test('the search prompt and status messages show control characters as inert stand-ins', () => {
  const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
  const hint = statusHint({ message: 'no match for "a\u009b2J\u0007\u007f"' });
  assert.doesNotMatch(hint, CONTROL);
  assert.match(hint, /no match for "a\uFFFD2J␇␡"/);
  assert.doesNotMatch(searchPromptLine('a\u0085\u001b[2J', makeTheme(0)), CONTROL);
  assert.doesNotMatch(errorBannerLine('read failed \u009b2J\u0007', 80, makeTheme(0)), CONTROL);
});

test('the blanked screen: the background across every line, the last one too, black or white, nothing else', () => {
  const black = blankLines(10, 5, 3);
  assert.equal(black.length, 5);
  for (const line of black) assert.equal(line, '\u001b[48;5;16m          \u001b[0m');
  assert.equal(blankLines(4, 3, 3, true)[0], '\u001b[48;5;231m    \u001b[0m');
  assert.equal(blankLines(4, 3, 1)[0], '\u001b[40m    \u001b[0m');
  assert.deepEqual(blankLines(4, 3, 0), ['', '', ''], 'no colour: the terminal’s own background');
});
