// The terminal comes back, whatever ends the presenter: signals, an error
// while rendering, the terminal going away, resizing like mad. The built CLI
// runs in a pseudo-terminal (test/helpers/term.ts); `npm test` builds it.
// e2e.test.ts already checks the screen and cursor after SIGTERM, SIGHUP and
// a render error; here every case also checks the terminal's input mode
// (echo and canonical input back on) with `stty -a` run after the CLI.
// A pipe reader going away (`| head -1`) is in cli.test.ts.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm, type Term } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bp-faults-'));
// Presenters on the same deck link up through a socket here: keep ours apart.
const runtime = mkdtempSync(join(tmpdir(), 'bp-faults-run-'));
after(() => {
  for (const d of [dir, runtime]) rmSync(d, { recursive: true, force: true });
});
const DECK = join(dir, 'deck.md');
writeFileSync(
  DECK,
  '---\ntitle: Fault drill\n---\n\n# First part\n\n- a point\n- another point\n\n---\n\n## Second slide\n\ntext\n\n---\n\n## Third slide\n\nmore text\n',
);
const linux = process.platform === 'linux';

/** The CLI run by a shell that then prints its exit status and the terminal's modes. */
function startInShell(args: string[], env: Record<string, string> = {}): Term {
  const script = '"$0" "$@"; echo "exit=$?"; stty -a';
  return spawnTerm('sh', ['-c', script, process.execPath, CLI, ...args], {
    cols: 100,
    rows: 30,
    env: { XDG_RUNTIME_DIR: runtime, ...env },
  });
}

/** The pid of the (first) child of `parent`. */
function childOf(parent: number): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no child of ${parent}`);
}

/** After the shell has run `stty -a`: exit status, and the terminal given back. */
async function assertGivenBack(term: Term, exitCode: number) {
  await term.waitFor(/exit=\d+[\s\S]*\becho/);
  await term.waitForExit();
  const text = term.output();
  assert.equal(Number(/exit=(\d+)/.exec(text)![1]), exitCode, 'exit status');
  assert.equal(term.isAlternateScreen(), false, 'main screen');
  assert.equal(term.isCursorVisible(), true, 'cursor visible');
  const modes = text.slice(text.indexOf('exit='));
  assert.match(modes, /(^|\s)echo(\s|;|$)/m, `echo on: ${modes}`);
  assert.match(modes, /(^|\s)icanon(\s|;|$)/m, `canonical input on: ${modes}`);
  assert.doesNotMatch(modes, /(^|\s)-(echo|icanon)(\s|;|$)/m);
  assert.doesNotMatch(term.screen(), /^\s+at \S+/m, 'no stack trace');
}

for (const [how, exitCode] of [
  ['q', 0],
  ['Ctrl-C', 0],
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
  ['SIGQUIT', 131],
  ['SIGUSR2', 140],
  ['SIGALRM', 142],
] as const) {
  test(`${how}: main screen, cursor, echo and canonical input come back`, { skip: !linux }, async (t) => {
    const term = startInShell([DECK]);
    t.after(() => term.dispose());
    await term.waitFor(/slide 1 \/ 4/);
    assert.ok(term.isAlternateScreen());
    term.write('l');
    await term.waitFor(/slide 2 \/ 4/);
    if (how === 'q') term.write('q');
    else if (how === 'Ctrl-C') term.write('\u0003');
    else process.kill(childOf(term.pid), how);
    await assertGivenBack(term, exitCode);
  });
}

test('SIGTSTP: the terminal is given back while stopped; fg takes it again and draws the slide', { skip: !linux }, async (t) => {
  // An interactive shell with job control, as a person at a terminal has.
  const term = spawnTerm('bash', ['--norc', '--noprofile', '-i'], {
    cols: 100,
    rows: 30,
    env: { PS1: 'prompt$ ', HISTFILE: '/dev/null', XDG_RUNTIME_DIR: runtime },
  });
  t.after(() => term.dispose());
  await term.waitFor(/prompt\$ $/m);
  term.write(`'${process.execPath}' '${CLI}' '${DECK}'\r`);
  await term.waitFor(/slide 1 \/ 4/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 4/);
  process.kill(childOf(term.pid), 'SIGTSTP');
  await term.waitFor(/Stopped[\s\S]*prompt\$ $/m);
  assert.equal(term.isAlternateScreen(), false, 'main screen while stopped');
  assert.equal(term.isCursorVisible(), true, 'cursor visible while stopped');
  term.write('stty -a; echo modes-shown\r');
  await term.waitFor(/^modes-shown/m);
  const modes = term.screen();
  assert.match(modes, /(^|\s)echo(\s|;|$)/m, `echo on: ${modes}`);
  assert.match(modes, /(^|\s)icanon(\s|;|$)/m, `canonical input on: ${modes}`);
  term.write('clear; fg\r');
  await term.waitFor((s) => term.isAlternateScreen() && /another point/.test(s) && /slide 2 \/ 4/.test(s));
  assert.equal(term.isCursorVisible(), false, 'cursor hidden again');
  term.write('l');
  await term.waitFor(/slide 3 \/ 4/);
  // The presenter view, drawn by Ink, is drawn whole again too.
  term.write('p');
  await term.waitFor(/Next: 4\/4/);
  process.kill(childOf(term.pid), 'SIGTSTP');
  await term.waitFor((s) => !term.isAlternateScreen() && /Stopped[\s\S]*prompt\$ $/m.test(s));
  term.write('clear; fg\r');
  await term.waitFor((s) => term.isAlternateScreen() && /Next: 4\/4/.test(s) && /Third slide/.test(s));
  term.write('q');
  await term.waitFor((s) => !term.isAlternateScreen() && /prompt\$ $/m.test(s));
  term.write('exit\r');
  await term.waitForExit();
});

test('an error while rendering: one line, exit 1, the terminal given back', { skip: !linux }, async (t) => {
  const term = startInShell([DECK], { BRIEF_PRESENT_FAULT: 'render' });
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 4/);
  term.write('l');
  await assertGivenBack(term, 1);
  const screen = term.screen();
  assert.match(screen, /brief-present: unexpected error: injected render fault/);
  assert.equal(screen.match(/brief-present:/g)?.length, 1);
});

test('resizing from 20×5 to 300×80 and back, fast: no crash, the slide at the final size', async (t) => {
  const term = spawnTerm(process.execPath, [CLI, DECK], { cols: 20, rows: 5, env: { XDG_RUNTIME_DIR: runtime } });
  t.after(() => term.dispose());
  await term.waitFor(/^20×5\nneed 40×12\nq quits/);
  const sizes: [number, number][] = [];
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  for (let i = 0; i < 60; i++) {
    sizes.push(i % 2 ? [300, 80] : [20, 5], [20 + (next() % 281), 5 + (next() % 76)]);
  }
  for (const [cols, rows] of [...sizes, [300, 80] as [number, number]]) term.resize(cols, rows);
  await term.waitFor((s) => {
    const lines = s.split('\n');
    const status = lines.findIndex((l) => /slide 1 \/ 4 *$/.test(l));
    // The status line is on the last row, and exactly as wide as the terminal.
    return status === 79 && lines[status].length >= 299 && /Fault drill/.test(s) && !/too small/i.test(s);
  });
  for (const [cols, rows] of [...sizes.reverse(), [20, 5] as [number, number]]) term.resize(cols, rows);
  await term.waitFor((s) => /^20×5\nneed 40×12/.test(s) && !/slide 1/.test(s));
  term.resize(100, 30);
  await term.waitFor(/slide 1 \/ 4/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 4/);
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
  assert.equal(term.isAlternateScreen(), false);
  assert.equal(term.isCursorVisible(), true);
  assert.doesNotMatch(term.output(), /unexpected error|\n\s+at \S+:\d+/);
});
