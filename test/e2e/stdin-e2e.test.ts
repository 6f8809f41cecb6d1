// A deck on standard input, presented in a terminal: `cat deck.md | brief-present`
// and `brief-present - < deck.md`. The deck comes from the pipe, the keys from the
// terminal (/dev/tty). In a pseudo-terminal feeding a headless xterm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm, type Term } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const DECK = fileURLToPath(new URL('../fixtures/basic.md', import.meta.url));

/** Run a shell line in the terminal: $0 is node, $1 the CLI, $2 the deck. */
function shell(t: { after: (fn: () => void) => void }, line: string): Term {
  const runtime = mkdtempSync(join(tmpdir(), 'bp-stdin-run-'));
  const term = spawnTerm('sh', ['-c', line, process.execPath, CLI, DECK], {
    cols: 100,
    rows: 30,
    env: { XDG_RUNTIME_DIR: runtime },
  });
  t.after(() => {
    term.dispose();
    rmSync(runtime, { recursive: true, force: true });
  });
  return term;
}

async function presentsAndMoves(term: Term) {
  await term.waitFor(/slide 1 \/ 6/);
  assert.match(term.screen(), /Fixture Briefing/, 'the piped deck, not the bundled briefing');
  assert.doesNotMatch(term.screen(), /Cambodia/);
  assert.ok(term.isAlternateScreen(), 'presents full-screen');
  term.write('l');
  await term.waitFor(/slide 2 \/ 6/);
  assert.match(term.screen(), /First point with bold text/);
  term.write('G');
  await term.waitFor(/slide 6 \/ 6/);
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
  assert.equal(term.isAlternateScreen(), false, 'back on the main screen');
}

test('cat deck.md | brief-present: presents the piped deck, keys from the terminal', async (t) => {
  await presentsAndMoves(shell(t, 'cat "$2" | "$0" "$1"'));
});

test('brief-present - < deck.md: the same, with - for standard input', async (t) => {
  await presentsAndMoves(shell(t, '"$0" "$1" - < "$2"'));
});

test('brief-present - in a terminal: the deck typed in up to Ctrl-D, then presented', async (t) => {
  const term = shell(t, '"$0" "$1" -');
  term.write('# Typed deck\n\ntext\n\n---\n\n# Second typed\n');
  await term.waitFor(/# Second typed/);
  term.write('\u0004');
  await term.waitFor(/slide 1 \/ 2/);
  assert.match(term.screen(), /Typed deck/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 2/);
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
});

test('cat deck.md | brief-present | cat: not a terminal, the deck as text', async (t) => {
  const term = shell(t, 'cat "$2" | "$0" "$1" | cat; echo "exit=$?"');
  await term.waitFor(/exit=0/);
  const out = term.output();
  assert.match(out, /Slide 1\/6 — Opening/);
  assert.match(out, /Fixture Briefing/);
  assert.doesNotMatch(out, /\u001b\[\?1049h/, 'no alternate screen');
});
