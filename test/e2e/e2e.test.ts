// The built CLI in a pseudo-terminal feeding a headless xterm: what a person sees.
// Every wait is for text on the emulated screen or for the process to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { spawnTerm, waitUntil, type Term } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function start(args: string[], size: { cols?: number; rows?: number } = {}): Term {
  return spawnTerm(process.execPath, [CLI, ...args], { cols: 100, rows: 30, ...size });
}

/** The screen's row holding the status line. */
function statusRow(term: Term): string {
  return term.lines().find((l) => /slide \d+ \/ \d+/.test(l)) ?? '';
}

async function assertRestored(term: Term) {
  await term.waitFor(() => !term.isAlternateScreen());
  assert.equal(term.isAlternateScreen(), false, 'back on the main screen');
  assert.equal(term.isCursorVisible(), true, 'cursor visible');
}

test('present, step, jump, menu, notes, help, quit: the screen a person sees', async (t) => {
  const term = start([fixture('basic.md')]);
  t.after(() => term.dispose());

  await term.waitFor(/slide 1 \/ 6/);
  assert.ok(term.isAlternateScreen(), 'presents on the alternate screen');
  assert.equal(term.isCursorVisible(), false, 'cursor hidden while presenting');
  assert.match(term.screen(), /Fixture Briefing/);
  assert.match(term.screen(), /UNCLASSIFIED/);

  term.write('l');
  await term.waitFor(/slide 2 \/ 6/);
  assert.match(term.screen(), /• First point with bold text/);
  assert.doesNotMatch(term.screen(), /\*\*|Say hello/);

  term.write('\u001b[C'); // →
  await term.waitFor(/slide 3 \/ 6/);
  term.write('h');
  await term.waitFor(/slide 2 \/ 6/);

  term.write('5G');
  await term.waitFor(/slide 5 \/ 6/);
  assert.match(term.screen(), /Fourth slide/);
  term.write('2\r');
  await term.waitFor(/slide 2 \/ 6/);
  term.write('G');
  await term.waitFor(/slide 6 \/ 6/);
  term.write('gg');
  await term.waitFor(/slide 1 \/ 6/);

  term.write(']');
  await term.waitFor(/slide 4 \/ 6/);
  assert.match(statusRow(term), /Middle section/);

  term.write('s');
  await term.waitFor(/Sections/);
  assert.match(term.screen(), /3\. Closing {2}slides 5–6/);
  term.write('\u001b[B'); // ↓ from "Middle section" to "Closing"
  await term.waitFor(/❯ 3\. Closing/);
  term.write('\r');
  await term.waitFor(/slide 5 \/ 6/);
  assert.doesNotMatch(term.screen(), /Sections/);

  term.write('h');
  await term.waitFor(/slide 4 \/ 6/);
  term.write('hh');
  await term.waitFor(/slide 2 \/ 6/);
  term.write('o');
  await term.waitFor(/Notes ─+/);
  assert.match(term.screen(), /Say hello to the room\./);
  term.write('l');
  await term.waitFor(/Notes start here/);
  term.write('o');
  await term.waitFor((s) => !/Notes ─/.test(s) && /slide 3 \/ 6/.test(s));

  term.write('?');
  await term.waitFor(/Keys/);
  assert.match(term.screen(), /s Tab\s+section menu/);
  term.write('\u001b');
  await term.waitFor((s) => !/Keys/.test(s) && /Second slide/.test(s));

  term.write('q');
  const exit = await term.waitForExit();
  assert.equal(exit.exitCode, 0);
  await assertRestored(term);
});

test('resize re-renders at the new size; too small says so and recovers', async (t) => {
  const term = start([fixture('basic.md')]);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 6/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 6/);

  term.resize(50, 16);
  const small = await term.waitFor((s) => /First point/.test(s) && /slide 2 \/ 6 *\n/.test(s + '\n'));
  // One status line, one banner at each end: nothing left over from the wider frame.
  assert.equal(small.match(/UNCLASSIFIED/g)?.length, 2, small);
  assert.equal(small.match(/slide 2 \/ 6/g)?.length, 1, small);
  assert.match(term.lines()[0], /^ +UNCLASSIFIED +$/);

  term.resize(30, 8);
  await term.waitFor(/Too small: 30×8\nneed 40×12\nenlarge, or q to quit/);
  term.write('l'); // nothing moves unseen
  term.resize(39, 12);
  await term.waitFor(/Terminal too small \(39×12\)\.\nSlides need at least 40×12\.\nEnlarge it, or press q to quit\./);

  term.resize(100, 30);
  await term.waitFor((s) => /slide 2 \/ 6/.test(s) && !/too small/i.test(s));

  term.write('\u0003'); // Ctrl-C
  assert.equal((await term.waitForExit()).exitCode, 0);
  await assertRestored(term);
});

test('a slide taller than the screen scrolls before moving on', async (t) => {
  const term = start([fixture('tall.md')], { cols: 80, rows: 20 });
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 2/);
  assert.match(statusRow(term), /↓ more/);
  assert.doesNotMatch(term.screen(), /line number 40/);
  for (let i = 0; i < 10 && !/line number 40 /.test(term.screen()); i++) {
    const before = term.screen();
    term.write(' ');
    await term.waitFor((s) => s !== before);
  }
  assert.match(term.screen(), /line number 40 of the tall slide/);
  assert.match(statusRow(term), /slide 1 \/ 2/);
  term.write(' ');
  await term.waitFor(/slide 2 \/ 2/);
  assert.match(term.screen(), /After tall/);
  term.write('q');
  await term.waitForExit();
});

for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  test(`${signal}: the terminal is restored`, async (t) => {
    const term = start([fixture('basic.md')]);
    t.after(() => term.dispose());
    await term.waitFor(/slide 1 \/ 6/);
    assert.ok(term.isAlternateScreen());
    term.kill(signal);
    const exit = await term.waitForExit();
    assert.equal(exit.exitCode, code);
    await assertRestored(term);
  });
}

test('the bundled briefing with no argument', async (t) => {
  const term = start([]);
  t.after(() => term.dispose());
  await term.waitFor(/Cambodia-US relations/);
  await term.waitFor(/slide 1 \/ \d+/);
  term.write('l');
  await term.waitFor(/Agenda/);
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
});

test('an internal error: one line, exit 1, the terminal restored', async (t) => {
  const term = spawnTerm(process.execPath, [CLI, fixture('basic.md')], {
    cols: 100,
    rows: 30,
    env: { BRIEF_PRESENT_FAULT: 'render' },
  });
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 6/);
  term.write('l');
  const exit = await term.waitForExit();
  assert.equal(exit.exitCode, 1);
  await assertRestored(term);
  const screen = term.screen();
  assert.match(screen, /brief-present: unexpected error: injected render fault/);
  assert.equal(screen.match(/brief-present:/g)?.length, 1);
  assert.doesNotMatch(screen, /\bat \S+:\d+:\d+/, 'no stack trace');
});

test('control sequences in a deck never reach the terminal', async (t) => {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'bp-hostile-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deck = join(dir, 'hostile.md');
  writeFileSync(
    deck,
    '---\ntitle: "Evil \\e]0;pwned\\a title"\n---\n\n# Slide \u001b]0;retitled\u0007 one\n\n' +
      '- clip \u001b]52;c;aGVsbG8=\u0007 board\n- link \u001b]8;;http://evil\u0007x\u001b]8;;\u0007\n- move \u001b[2J\u001b[H cursor \u009b31m\n\n' +
      '<!-- notes: bell \u0007 and \u001b[31m red -->\n',
  );
  const term = start([deck]);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 2/);
  term.write('lo');
  await term.waitFor(/Notes ─/);
  const screen = term.screen();
  assert.match(screen, /clip ␛\]52;c;aGVsbG8=␇ board/);
  assert.match(screen, /bell ␇ and ␛\[31m red/);
  // The program's own one question (the background colour, OSC 11) aside.
  const raw = term.output().replace('\u001b]11;?\u001b\\', '');
  assert.doesNotMatch(raw, /\u001b\]|\u0007|\u009b/, 'no OSC, BEL or C1 CSI in what was written');
  assert.doesNotMatch(raw, /\u001b\[2J\u001b\[H cursor/);
  term.write('q');
  await term.waitForExit();
});

test('pauses reveal a slide step by step; --no-pauses shows it whole', async (t) => {
  const term = start([fixture('pauses.md')]);
  t.after(() => term.dispose());
  await term.waitFor(/step 1\/3 .*slide 1 \/ 2/);
  assert.match(term.screen(), /First part/);
  assert.doesNotMatch(term.screen(), /Second part/);
  term.write('l');
  await term.waitFor(/step 2\/3/);
  assert.match(term.screen(), /Second part/);
  assert.doesNotMatch(term.screen(), /Third part/);
  term.write('l');
  await term.waitFor(/Third part/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 2/);
  term.write('h');
  await term.waitFor(/step 3\/3 .*slide 1 \/ 2/);
  term.write('h');
  await term.waitFor((s) => /step 2\/3/.test(s) && !/Third part/.test(s));
  term.write('q');
  await term.waitForExit();

  const whole = start(['--no-pauses', fixture('pauses.md')]);
  t.after(() => whole.dispose());
  await whole.waitFor(/slide 1 \/ 2/);
  assert.match(whole.screen(), /Third part/);
  assert.doesNotMatch(whole.screen(), /step/);
  whole.write('q');
  await whole.waitForExit();
});

test('in the slides view a key press is drawn at once, as one frame, and drawn once', async (t) => {
  const term = start([fixture('basic.md')]);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 6/);
  // The slides view runs without Ink: each key's screen is one synchronized
  // frame written at once, and nothing draws it a second time.
  const frameAfter = async (key: string, expect: RegExp) => {
    const from = term.output().length;
    term.write(key);
    await term.waitFor(expect);
    await waitUntil(term, () => term.output().slice(from).includes('\u001b[?2026l'));
    return term.output().slice(from);
  };
  const next = await frameAfter('l', /slide 2 \/ 6/);
  // The next key's output would hold any frame drawn late for the first.
  const back = await frameAfter('h', /slide 1 \/ 6/);
  for (const [written, slide] of [[next, 'slide 2 / 6'], [back, 'slide 1 / 6']]) {
    assert.ok(written.startsWith('\u001b[?2026h'), `a frame starts at once: ${JSON.stringify(written.slice(0, 80))}`);
    assert.ok(written.endsWith('\u001b[?2026l'), `and is all that is written: ${JSON.stringify(written.slice(-80))}`);
    assert.equal(written.split('\u001b[?2026h').length, 2, 'one frame');
    assert.ok(written.includes(slide));
  }
  term.write('q');
  await term.waitForExit();
});

test('a key that needs the full interface hands over to it from the same state, on a clean screen', async (t) => {
  const term = start([fixture('basic.md')]);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 6/);
  term.write('lll');
  await term.waitFor(/slide 4 \/ 6/);
  assert.match(term.screen(), /Third slide[\s\S]*two/);
  term.write('s');
  const menu = await term.waitFor(/Sections/);
  // Nothing of the slide is left around the menu.
  assert.doesNotMatch(menu, /Third slide|\btwo\b/);
  term.write('\u001b');
  await term.waitFor((s) => !/Sections/.test(s) && /slide 4 \/ 6/.test(s));
  term.write('l');
  await term.waitFor(/slide 5 \/ 6/);
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
});

test('keys typed quickly keep their order, whether painted ahead or not', async (t) => {
  const term = start([fixture('basic.md')]);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 6/);
  await waitUntil(term, () => term.output().includes('\u001b[?2026l'));
  term.write('l');
  term.write('?');
  await term.waitFor(/Keys/);
  term.write('\u001b');
  await term.waitFor((s) => !/Keys/.test(s) && /slide 2 \/ 6/.test(s));
  term.write('ll');
  term.write('s');
  await term.waitFor(/Sections/);
  term.write('\u001b');
  await term.waitFor((s) => !/Sections/.test(s) && /slide 4 \/ 6/.test(s));
  term.write('q');
  await term.waitForExit();
});
