// Presenter view, reading view, search and the slide index, as a person sees them.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm, type Term } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const run = mkdtempSync(join(tmpdir(), 'bp-views-'));
after(() => rmSync(run, { recursive: true, force: true }));

function start(args: string[], cols = 100, rows = 30): Term {
  return spawnTerm(process.execPath, [CLI, ...args], { cols, rows, env: { XDG_RUNTIME_DIR: run } });
}

test('presenter view: slide, notes, next slide, timer and pacing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-paced-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deck = join(dir, 'paced.md');
  writeFileSync(
    deck,
    '---\ntitle: Paced\nduration: 10\n---\n\n# One\n\n- a\n\n<!-- notes: say one -->\n\n---\n\n# Two\n\n- b\n\n<!-- notes: say two -->\n',
  );
  const term = start(['--presenter', deck], 120, 30);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 3/);
  let s = term.screen();
  assert.match(s, /Notes ─/);
  assert.match(s, /no notes for this slide/);
  assert.match(s, /Next: 2\/3 {2}One/);
  assert.match(s, /0:00 starts on the next slide · \d\d:\d\d · 10:00 left · 0:00 ahead/);
  term.write('l');
  await term.waitFor(/say one/);
  s = await term.waitFor(/running/);
  assert.match(s, /Next: 3\/3 {2}Two/);
  term.write('t');
  await term.waitFor(/paused/);
  term.write('T');
  await term.waitFor(/starts on the next slide/);
  term.write('p');
  await term.waitFor((screen) => !/Notes ─/.test(screen) && /slide 2 \/ 3/.test(screen));
  term.write('q');
  await term.waitForExit();
});

test('reading view: the whole deck with notes, scrolling, position, back to the slide', async (t) => {
  const term = start(['read', fixture('basic.md')], 100, 40);
  t.after(() => term.dispose());
  await term.waitFor(/§ Opening/);
  let s = term.screen();
  assert.match(s, /── 1\/6 ─/);
  assert.match(s, /Fixture Briefing/);
  assert.match(s, /Notes\n +│ Say hello to the room\./);
  assert.match(s, / 0% /);
  term.write('G');
  s = await term.waitFor(/end of the deck/);
  assert.match(s, /100%/);
  assert.match(s, /Fifth slide/);
  term.write('g');
  await term.waitFor(/ 0% /);
  term.write('s');
  await term.waitFor(/Sections/);
  term.write('\u001b[B');
  await term.waitFor(/❯ 2\. Middle section/);
  term.write('\u001b[B');
  await term.waitFor(/❯ 3\. Closing/);
  term.write('\r');
  s = await term.waitFor(/§ Closing[\s\S]*slide \d \/ 6/);
  assert.match(s, /Fourth slide/);
  term.write('r');
  await term.waitFor(/slide 5 \/ 6/);
  assert.match(term.screen(), /Fourth slide/);
  term.write('r');
  await term.waitFor(/§ Closing|── 5\/6/);
  // q closes the reading view, as in a pager, at the slide being read; q again quits.
  term.write('q');
  await term.waitFor((screen) => /slide 5 \/ 6/.test(screen) && !/§ Closing/.test(screen));
  term.write('q');
  await term.waitForExit();
});

test('search while presenting: highlight, n / N across slides and notes, no match', async (t) => {
  const term = start([fixture('basic.md')]);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 6/);
  term.write('/');
  await term.waitFor(/Enter search · Esc cancel/);
  term.write('point\r');
  await term.waitFor(/slide 2 \/ 6/);
  assert.match(term.screen(), /match 1 of 1/);
  assert.match(term.output(), /\u001b\[7mpoint\u001b\[27m/, 'the match is shown in reverse video');
  term.write('/hello\r');
  await term.waitFor(/slide 2 \/ 6.*match 1 of 1|match 1 of 1.*slide 2 \/ 6/);
  term.write('/comment\r');
  await term.waitFor(/slide 5 \/ 6/);
  await term.waitFor(/Notes ─[\s\S]*a plain comment is a note too/);
  term.write('/zebra\r');
  await term.waitFor(/no match for "zebra"/);
  term.write('/sec\r');
  await term.waitFor(/match \d of \d/);
  const first = term.screen().match(/slide (\d) \/ 6/)![1];
  term.write('n');
  await term.waitFor((s) => (s.match(/slide (\d) \/ 6/)?.[1] ?? first) !== first);
  term.write('N');
  await term.waitFor(new RegExp(`slide ${first} / 6`));
  term.write('q');
  await term.waitForExit();
});

test('search in the reading view, with Khmer and CJK text', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-search-'));
  const deck = join(dir, 'scripts.md');
  const filler = Array.from({ length: 30 }, (_, i) => `- filler line ${i}`).join('\n');
  writeFileSync(deck, `# Start\n\n${filler}\n\n---\n\n# ភាសាខ្មែរ\n\n- កម្ពុជា និង សហរដ្ឋអាមេរិក\n- 柬埔寨与美国\n`);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const term = start(['read', deck], 80, 16);
  t.after(() => term.dispose());
  await term.waitFor(/§ Start/);
  term.write('/柬埔寨\r');
  await term.waitFor(/柬埔寨与美国/);
  term.write('gg');
  await term.waitFor(/§ Start/);
  term.write('/កម្ពុជា\r');
  await term.waitFor(/កម្ពុជា/);
  term.write('q'); // back to the slides, at the slide at the top of the page
  await term.waitFor((screen) => /slide \d \/ 2/.test(screen) && !/\d%/.test(screen));
  term.write('q');
  await term.waitForExit();
});

test('slide index: every slide with its number and section, filtered by typing', async (t) => {
  const term = start([fixture('basic.md')]);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 6/);
  term.write('i');
  let s = await term.waitFor(/Slides \(6 of 6\)/);
  assert.match(s, /3 {2}Second slide {2}— Opening/);
  assert.match(s, /6 {2}Fifth slide {2}— Closing/);
  term.write('fif');
  s = await term.waitFor(/Slides \(1 of 6\)/);
  assert.match(s, /❯ 6 {2}Fifth slide/);
  term.write('\r');
  await term.waitFor(/slide 6 \/ 6/);
  term.write('q');
  await term.waitForExit();
});

test('long notes scroll in the presenter view with J and K', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-longnotes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deck = join(dir, 'long.md');
  const notes = Array.from({ length: 40 }, (_, i) => `Note line ${i + 1}.`).join('\n\n');
  writeFileSync(deck, `# Long notes\n\n- point\n\n<!-- notes:\n${notes}\n-->\n`);
  const term = start(['--presenter', deck], 80, 24);
  t.after(() => term.dispose());
  await term.waitFor(/Note line 1\./);
  assert.match(term.screen(), /more lines \(J\)/);
  assert.doesNotMatch(term.screen(), /Note line 40\./);
  for (let i = 0; i < 20 && !/Note line 40\./.test(term.screen()); i++) {
    const before = term.screen();
    term.write('J');
    await term.waitFor((s) => s !== before);
  }
  assert.match(term.screen(), /Note line 40\./);
  assert.match(term.screen(), /end of notes/);
  term.write('K');
  await term.waitFor((s) => !/Note line 40\./.test(s));
  term.write('q');
  await term.waitForExit();
});
