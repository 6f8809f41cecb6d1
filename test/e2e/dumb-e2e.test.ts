// A dumb terminal (TERM=dumb): no alternate screen, no cursor addressing, no colour.
// The deck is shown a slide at a time as plain text, with a prompt line read in the
// terminal's line mode. In a pseudo-terminal feeding a headless xterm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDeck } from '../../src/deck/parse.js';
import { linePrompt } from '../../src/ui/lines.js';
import { presentLinesText } from '../helpers/lines.js';
import { spawnTerm, type Term } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const DECK = fileURLToPath(new URL('../fixtures/basic.md', import.meta.url));

function dumb(t: { after: (fn: () => void) => void }, file: string, args: string[]): Term {
  const runtime = mkdtempSync(join(tmpdir(), 'bp-dumb-run-'));
  const term = spawnTerm(file, args, { cols: 100, rows: 30, env: { TERM: 'dumb', XDG_RUNTIME_DIR: runtime } });
  t.after(() => {
    term.dispose();
    rmSync(runtime, { recursive: true, force: true });
  });
  return term;
}

test('TERM=dumb: slides as plain text, Enter advances, q quits with exit 0, no escape byte', async (t) => {
  const term = dumb(t, process.execPath, [CLI, DECK]);
  await term.waitFor(/-- slide 1\/6 -- Enter next, p previous, q quit, number\+Enter go to:/);
  assert.match(term.screen(), /Slide 1\/6 — Opening/);
  assert.match(term.screen(), /Fixture Briefing/);
  assert.equal(term.isAlternateScreen(), false, 'never the alternate screen');
  term.write('\r');
  await term.waitFor(/-- slide 2\/6 --/);
  assert.match(term.screen(), /Slide 2\/6 — Opening\n\nOpening\n━+\n {2}• First point with bold text/);
  assert.match(term.screen(), /Notes:\n {2}Say hello to the room\./);
  term.write('5\r');
  await term.waitFor(/-- slide 5\/6 --/);
  term.write('p\r');
  await term.waitFor(/-- slide 4\/6 --/);
  term.write('q\r');
  assert.equal((await term.waitForExit()).exitCode, 0);
  assert.doesNotMatch(term.output(), /\u001b/, 'no escape sequence at all');
  assert.equal(term.isAlternateScreen(), false);
});

test('TERM=dumb with the deck piped in: keys from the terminal, Enter on the last slide ends', async (t) => {
  const term = dumb(t, 'sh', ['-c', 'cat "$2" | "$0" "$1"', process.execPath, CLI, DECK]);
  await term.waitFor(/-- slide 1\/6 --/);
  assert.match(term.screen(), /Fixture Briefing/);
  term.write('6\r');
  await term.waitFor(/-- slide 6\/6, the last -- Enter or q quit/);
  term.write('\r');
  assert.equal((await term.waitForExit()).exitCode, 0);
  assert.doesNotMatch(term.output(), /\u001b/);
});

test('the line presenter: each slide is the piped text for it; p, numbers, nonsense, end of input', async () => {
  const deck = parseDeck(`# One\n\ntext\n\n---\n\n# Two\n\n<!-- notes: said -->\n\n---\n\n# Three`);
  const { text, slide } = await presentLinesText(deck, 'p\n\n9\nxyz\n3\n2\n');
  assert.equal(
    text,
    [
      slide(0) + linePrompt(0, 3),
      '(this is the first slide)\n' + linePrompt(0, 3),
      slide(1) + linePrompt(1, 3),
      '(type Enter, p, q or a slide number from 1 to 3)\n' + linePrompt(1, 3),
      '(type Enter, p, q or a slide number from 1 to 3)\n' + linePrompt(1, 3),
      slide(2) + linePrompt(2, 3),
      slide(1) + linePrompt(1, 3),
      '\n',
    ].join(''),
  );
  assert.match(linePrompt(2, 3), /^-- slide 3\/3, the last -- /);
});
