// `brief-present rehearse` in a pseudo-terminal: present, move, quit (or be
// ended by a signal), then the table on the main screen and the timings file
// beside the deck. Time cannot be controlled here: the test asserts the
// table's shape, the sections and that every time is a number of seconds ≥ 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTimings } from '../../src/deck/timings.js';
import { spawnTerm, type Term } from '../helpers/term.js';
import { assertOneLineError, run as runPiped } from '../helpers/cli.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/rehearse.md', import.meta.url));

/** A copy of the fixture deck in a temporary folder, and a terminal to run in. */
function setUp(t: { after: (fn: () => void) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'bp-rehearse-'));
  const deck = join(dir, 'talk.md');
  copyFileSync(FIXTURE, deck);
  const run = (args: string[], cols = 100): Term => {
    const term = spawnTerm(process.execPath, [CLI, ...args], {
      cols,
      rows: 30,
      env: { XDG_RUNTIME_DIR: dir },
    });
    t.after(() => term.dispose());
    return term;
  };
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, deck, run };
}

const TIME = String.raw`\d+:\d\d`;

function assertFile(path: string) {
  assert.ok(existsSync(path), `${path} written`);
  const timings = parseTimings(readFileSync(path, 'utf8'), path);
  assert.equal(timings.deck.title, 'Rehearsal Fixture');
  assert.equal(timings.deck.slides, 5);
  assert.match(timings.deck.fingerprint, /^[0-9a-f]{16}$/);
  assert.deepEqual(
    timings.sections.map((s) => [s.title, s.first, s.last, s.budget]),
    [
      ['Opening', 1, 3, 60],
      ['Middle', 4, 4, 60],
      ['Closing', 5, 5, 60],
    ],
  );
  assert.deepEqual(
    timings.slides.map((s) => s.title),
    ['Rehearsal Fixture', 'First slide', 'Second slide', 'Third slide', 'Fourth slide'],
  );
  for (const s of [...timings.sections, ...timings.slides]) assert.ok(s.seconds >= 0, `${s.title}: ${s.seconds}`);
  const sum = timings.sections.reduce((a, s) => a + s.seconds, 0);
  assert.ok(Math.abs(sum - timings.seconds) < 0.5, 'sections add up to the total');
  return timings;
}

test('rehearse: move, q, then the table on the main screen and DECK.timings.json beside the deck', async (t) => {
  const { dir, deck, run } = setUp(t);
  const term = run(['rehearse', deck]);
  await term.waitFor(/slide 1 \/ 5/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 5/);
  term.write('ll');
  await term.waitFor(/slide 4 \/ 5/);
  term.write('l');
  await term.waitFor(/slide 5 \/ 5/);
  term.write('q');
  const exit = await term.waitForExit();
  assert.equal(exit.exitCode, 0);
  assert.equal(term.isAlternateScreen(), false);
  const screen = term.screen();
  assert.match(screen, new RegExp(`Rehearsal of Rehearsal Fixture: ${TIME} of 3:00 planned`));
  assert.match(screen, /\n {2}Section +Time +Budget +Over\/under\n/);
  for (const name of ['Opening', 'Middle', 'Closing']) {
    assert.match(screen, new RegExp(`\\n  ${name} +${TIME} +1:00 +(${TIME} (over|under)|on time)\\n`), name);
  }
  assert.match(screen, new RegExp(`\\n  Total +${TIME} +3:00 +(${TIME} (over|under)|on time)\\n`));
  const path = join(dir, 'talk.timings.json');
  assert.match(screen, /Timings written to .*talk\.timings\.json/);
  assertFile(path);
});

test('rehearse: SIGTERM still writes the timings and prints the table', async (t) => {
  const { dir, deck, run } = setUp(t);
  const out = join(dir, 'elsewhere.json');
  const term = run(['rehearse', '--timings', out, deck]);
  await term.waitFor(/slide 1 \/ 5/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 5/);
  term.kill('SIGTERM');
  const exit = await term.waitForExit();
  assert.equal(exit.exitCode, 143);
  assert.match(term.screen(), /\n {2}Opening +\d+:\d\d +1:00/);
  assertFile(out);
  assert.ok(!existsSync(join(dir, 'talk.timings.json')), '--timings takes the place of the default file');
});

test('a later rehearsal shows the last one beside the budget in the presenter view', async (t) => {
  const { dir, deck, run } = setUp(t);
  const first = run(['rehearse', deck]);
  await first.waitFor(/slide 1 \/ 5/);
  first.write('q');
  await first.waitForExit();
  const recorded = assertFile(join(dir, 'talk.timings.json'));
  const opening = recorded.sections[0].seconds;
  const shown = `${Math.floor(opening / 60)}:${String(Math.floor(opening % 60)).padStart(2, '0')}`;

  // Wide enough for the timing line to hold the rehearsed time (a narrower one leaves it out).
  const second = run(['rehearse', deck], 120);
  await second.waitFor(/slide 1 \/ 5/);
  second.write('p');
  await second.waitFor(new RegExp(`Opening: ${TIME} of 1:00 \\(rehearsed ${shown}\\)`));
  second.write('q');
  assert.equal((await second.waitForExit()).exitCode, 0);
});

test('rehearse needs a terminal; --timings is not for export; --help lists both', () => {
  assertOneLineError(runPiped(['rehearse', FIXTURE]), 2, /rehearse needs a terminal/);
  assertOneLineError(runPiped(['export', '--timings', 'x.json', FIXTURE]), 2, /--timings does not apply with export/);
  const help = runPiped(['--help']).stdout;
  assert.match(help, /\n {2}brief-present rehearse \[DECK\] +present, timing every slide; then time per section against its budget\n/);
  assert.match(help, /\n {6}--timings FILE +rehearsal timings: rehearse writes them \(default DECK\.timings\.json\)/);
});

test('rehearse: a timings file beside the deck that is not timings is one line, exit 2, and left as it was', async (t) => {
  const { dir, deck, run } = setUp(t);
  const path = join(dir, 'talk.timings.json');
  writeFileSync(path, 'my notes\n');
  const term = run(['rehearse', deck], 200);
  const exit = await term.waitForExit();
  assert.equal(exit.exitCode, 2);
  assert.equal(term.isAlternateScreen(), false);
  assert.match(term.screen(), /^brief-present: \S*talk\.timings\.json: not a brief-present timings file \(not JSON\)\n*$/);
  assert.equal(readFileSync(path, 'utf8'), 'my notes\n');
});

test('rehearse a folder deck, Ctrl-C: the timings next to the folder, a deck with no plan', async (t) => {
  const { dir, run } = setUp(t);
  const folder = join(dir, 'talk');
  cpSync(fileURLToPath(new URL('../fixtures/folder/', import.meta.url)), folder, { recursive: true });
  const term = run(['rehearse', folder + '/']);
  await term.waitFor(/slide 1 \/ 5/);
  term.write('G');
  await term.waitFor(/slide 5 \/ 5/);
  term.write('\u0003');
  assert.equal((await term.waitForExit()).exitCode, 0);
  const screen = term.screen();
  assert.match(screen, new RegExp(`Rehearsal of Folder Deck: ${TIME} \\(no time planned\\)`));
  assert.match(screen, new RegExp(`\\n  Second file +${TIME} +-\\n`));
  const timings = parseTimings(readFileSync(join(dir, 'talk.timings.json'), 'utf8'), 'talk.timings.json');
  assert.deepEqual(timings.sections.map((s) => [s.title, s.budget]), [['First', null], ['Second file', null], ['Tenth file heading', null]]);
  assert.ok(!existsSync(join(folder, 'talk.timings.json')), 'nothing written inside the deck folder');
});
