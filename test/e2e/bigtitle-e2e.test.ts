// Slide titles at twice the size (kitty's text sizing, OSC 66) in a real
// terminal: drawn only when the terminal says it is kitty 0.40.0 or later in
// its answer to XTVERSION (the emulator answers as kitty, as an older kitty,
// as another terminal); never inside tmux. The emulator does not draw OSC 66
// itself, so the bytes are what is checked.
// In a pseudo-terminal feeding a headless xterm (test/helpers/term.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm, type Term, type TermOptions } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const DECK = fileURLToPath(new URL('../fixtures/basic.md', import.meta.url));
const XTVERSION = '\u001b[>q';
const SCALED = '\u001b]66;s=2;';

function run(t: { after: (fn: () => void) => void }, opts: TermOptions = {}, args: string[] = []): Term {
  const runtime = mkdtempSync(join(tmpdir(), 'bp-bigtitle-run-'));
  const term = spawnTerm(process.execPath, [CLI, ...args, DECK], { cols: 100, rows: 30, ...opts, env: { XDG_RUNTIME_DIR: runtime, ...opts.env } });
  t.after(() => {
    term.dispose();
    rmSync(runtime, { recursive: true, force: true });
  });
  return term;
}

test('a terminal that answers XTVERSION as kitty 0.40.1 gets the titles at twice the size', async (t) => {
  const term = run(t, { version: 'kitty(0.40.1)', background: 'rgb:0000/0000/0000' });
  await term.waitFor(/slide 1 \/ 6/);
  assert.ok(term.output().includes(XTVERSION + '\u001b[16t\u001b[14t\u001b]11;?'), 'asked with the cell size and the background, in one question');
  assert.ok(term.output().includes(`${SCALED}Fixture Briefing\u0007`), 'the title slide');
  term.write('l');
  await term.waitFor(/slide 2 \/ 6/);
  assert.ok(term.output().includes(`${SCALED}Opening\u0007`), 'a content slide title');
  // The emulator leaves OSC 66 text out. The row under the title is its lower
  // half, left blank; the rule under it is as wide as the doubled title.
  const rows = term.screen().split('\n');
  const rule = rows.findIndex((r) => r.includes('━'));
  assert.equal(rows[rule]?.trim(), '━'.repeat(2 * 'Opening'.length), rows.join('\n'));
  assert.deepEqual([rows[rule - 2].trim(), rows[rule - 1].trim()], ['', ''], rows.join('\n'));
  assert.match(rows[rule + 1], /First point/);
  assert.ok(!term.screen().includes('Ctrl'), 'no reply shown as a key');
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
});

test('the question is asked with a fixed theme too, when the terminal looks like kitty', async (t) => {
  const term = run(t, { version: 'kitty(0.41.0)', env: { TERM: 'xterm-kitty' } }, ['--theme', 'dark']);
  await term.waitFor(/slide 1 \/ 6/);
  assert.ok(!term.output().includes('\u001b]11;?'), 'no background question');
  assert.ok(term.output().includes(`${SCALED}Fixture Briefing\u0007`));
});

for (const [name, opts] of [
  ['another terminal', { version: 'xterm.js(5.5.0)' }],
  ['a kitty before 0.40', { version: 'kitty(0.39.1)' }],
  ['kitty inside tmux', { version: 'kitty(0.40.1)', env: { TMUX: '/tmp/tmux-1/default,1,0' } }],
] as const) {
  test(`${name}: titles at their normal size`, async (t) => {
    const term = run(t, { background: 'rgb:0000/0000/0000', ...opts });
    await term.waitFor(/slide 1 \/ 6/);
    term.write('l');
    await term.waitFor(/slide 2 \/ 6/);
    assert.ok(!term.output().includes('\u001b]66;'), 'no OSC 66');
    assert.match(term.screen(), /Opening/);
  });
}
