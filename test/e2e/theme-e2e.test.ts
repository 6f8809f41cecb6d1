// Themes in a real terminal: the background asked with OSC 11 (the emulator
// answers as a light or a dark terminal, or never), the colours that come out,
// NO_COLOR keeping bold and italic, the classification banner's colours.
// In a pseudo-terminal feeding a headless xterm (test/helpers/term.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm, type Term, type TermOptions } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const DECK = fileURLToPath(new URL('../fixtures/basic.md', import.meta.url));

function run(t: { after: (fn: () => void) => void }, args: string[], opts: TermOptions = {}): Term {
  const runtime = mkdtempSync(join(tmpdir(), 'bp-theme-run-'));
  const term = spawnTerm(process.execPath, [CLI, ...args], { cols: 100, rows: 30, ...opts, env: { XDG_RUNTIME_DIR: runtime, ...opts.env } });
  t.after(() => {
    term.dispose();
    rmSync(runtime, { recursive: true, force: true });
  });
  return term;
}

// At 256 colours (TERM=xterm-256color): the title's colour in each theme.
const DARK_TITLE = '\u001b[1m\u001b[38;5;81m';
const LIGHT_TITLE = '\u001b[1m\u001b[38;5;24m';
const OSC11_QUERY = '\u001b]11;?';
/** UNCLASSIFIED: black on green. */
const GREEN_BANNER = '\u001b[38;5;16m\u001b[48;5;35m';

test('a terminal that answers OSC 11 with white gets the light theme; its reply is not a key', async (t) => {
  const term = run(t, [DECK], { background: 'rgb:ffff/ffff/ffff' });
  await term.waitFor(/Fixture Briefing/);
  assert.ok(term.output().includes(OSC11_QUERY), 'the background was asked');
  assert.ok(term.output().includes(LIGHT_TITLE), 'the title in the light theme');
  assert.ok(!term.output().includes(DARK_TITLE));
  assert.ok(term.output().includes(GREEN_BANNER), 'the UNCLASSIFIED banner in black on green');
  assert.match(term.screen(), /slide 1 \/ 6/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 6/);
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
});

test('a terminal that answers OSC 11 with black gets the dark theme', async (t) => {
  const term = run(t, [DECK], { background: 'rgb:0000/0000/0000', env: { COLORFGBG: '0;15' } });
  await term.waitFor(/Fixture Briefing/);
  assert.ok(term.output().includes(DARK_TITLE), 'the title in the dark theme, whatever COLORFGBG says');
  assert.ok(!term.output().includes(LIGHT_TITLE));
});

test('a terminal that never answers OSC 11: the slide appears, in the theme COLORFGBG says', async (t) => {
  const term = run(t, [DECK], { background: null, env: { COLORFGBG: '0;15' } });
  await term.waitFor(/Fixture Briefing/);
  assert.ok(term.output().includes(LIGHT_TITLE));
  term.write('l');
  await term.waitFor(/slide 2 \/ 6/);
});

test('a terminal that answers no query at all: the slide still appears, in the dark theme', async (t) => {
  const term = run(t, [DECK], { background: null, answerQueries: false });
  await term.waitFor(/Fixture Briefing/);
  assert.ok(term.output().includes(DARK_TITLE));
  term.write('l');
  await term.waitFor(/slide 2 \/ 6/);
});

test('--theme and the deck\'s theme: are not asked about the background', async (t) => {
  const term = run(t, ['--theme', 'light', DECK], { background: 'rgb:0000/0000/0000' });
  await term.waitFor(/Fixture Briefing/);
  assert.ok(term.output().includes(LIGHT_TITLE));
  assert.ok(!term.output().includes(OSC11_QUERY), 'no query when the theme is chosen');

  // A theme file named by the deck, beside it: its heading colour, and no question either.
  const dir = mkdtempSync(join(tmpdir(), 'bp-theme-deck-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'brand.yaml'), 'extends: light\nroles:\n  title: { fg: "#870000", bold: true }\n');
  writeFileSync(join(dir, 'deck.md'), '---\ntheme: brand.yaml\n---\n# Branded\n\nText.\n');
  const branded = run(t, [join(dir, 'deck.md')], { background: 'rgb:0000/0000/0000' });
  await branded.waitFor(/Branded/);
  assert.ok(branded.output().includes('\u001b[1m\u001b[38;5;88mBranded'), 'the title in the file\'s colour');
  assert.ok(!branded.output().includes(OSC11_QUERY));

  // A mistake in it is one line and exit 2.
  writeFileSync(join(dir, 'brand.yaml'), 'extends: sepia\n');
  const broken = run(t, [join(dir, 'deck.md')]);
  assert.equal((await broken.waitForExit()).exitCode, 2);
  assert.match(broken.screen(), /^brief-present: theme file brand\.yaml: extends: unknown theme "sepia"/m);
});

test('NO_COLOR: bold and italic stay, no colour at all, the terminal is not asked', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-theme-deck-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deck = join(dir, 'deck.md');
  writeFileSync(deck, '---\nclassification: SECRET//NOFORN\n---\n# Plain\n\nSome *slanted* and **heavy** words, `code`.\n\n```js\nconst a = 1; // note\n```\n');
  const term = run(t, [deck], { env: { NO_COLOR: '1' }, background: 'rgb:ffff/ffff/ffff' });
  await term.waitFor(/heavy words/);
  const out = term.output();
  assert.match(out, /\u001b\[3mslanted\u001b\[23m/, 'italic');
  assert.match(out, /\u001b\[1mheavy\u001b\[22m/, 'bold');
  const colours = [...out.matchAll(/\u001b\[([0-9;]*)m/g)]
    .flatMap((m) => m[1].split(';').map(Number))
    .filter((n) => (n >= 30 && n <= 39) || (n >= 40 && n <= 49) || (n >= 90 && n <= 107));
  assert.deepEqual(colours, []);
  assert.ok(!out.includes(OSC11_QUERY));
});

test('a bad --theme is one line and exit 2, with the terminal as it was', async (t) => {
  const term = run(t, ['--theme', 'sepia', DECK]);
  const status = await term.waitForExit();
  assert.equal(status.exitCode, 2);
  assert.match(term.screen(), /^brief-present: --theme: unknown theme "sepia" \(dark, light, high-contrast or a \.yaml theme file\)$/m);
  assert.equal(term.isAlternateScreen(), false);
});
