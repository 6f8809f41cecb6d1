// The built CLI, run as a user would run it with a pipe instead of a terminal.
// `npm test` builds dist/cli.cjs before running these.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpRows } from '../../src/state/keyhelp.js';
import { BINDINGS, keyLabel } from '../../src/state/keys.js';
import { PRESET_SPECS, PRESETS, presetRows } from '../../src/state/keymap.js';
import { CLI, assertOneLineError, run } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

test('--help is the spec: usage, options, every key, deck format', () => {
  const { code, stdout, stderr } = run(['--help']);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.match(stdout, /^brief-present \d+\.\d+\.\d+ — present a Markdown briefing in the terminal/);
  assert.match(stdout, /Usage:\n {2}brief-present \[DECK\]/);
  assert.match(stdout, /\n {2}brief-present - < DECK\.md +read the deck from standard input/);
  for (const flag of ['--json', '-h, --help', '-v, --version']) assert.ok(stdout.includes(flag), flag);
  const presenting = stdout.slice(stdout.indexOf('Keys while presenting:'), stdout.indexOf('Keys in the reading view'));
  const reading = stdout.slice(stdout.indexOf('Keys in the reading view'), stdout.indexOf('Keys in the section menu'));
  for (const [title, mode] of [['Keys in the section menu', 'menu'], ['Keys in the slide index', 'index'], ['Keys in the search prompt', 'prompt']] as const) {
    const part = stdout.slice(stdout.indexOf(title));
    for (const row of helpRows(mode)) assert.ok(part.includes(`${row.keys}`) && part.includes(row.help), `${mode}: ${row.keys}`);
  }
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [mode, text] of [['slides', presenting], ['reading', reading]] as const) {
    for (const row of helpRows(mode)) {
      assert.match(text, new RegExp(`\\n  ${esc(row.keys)} +${esc(row.help)}\\n`), `${mode}: ${row.keys}`);
    }
    for (const b of BINDINGS) {
      if (b.modes && !b.modes.includes(mode)) continue;
      for (const k of b.keys) assert.ok(text.includes(keyLabel(k)), `${mode}: key ${k}`);
    }
  }
  const presets = stdout.slice(stdout.indexOf('Key presets (--keys NAME):'), stdout.indexOf('Deck format:'));
  assert.ok(presets.length > 30, 'a key presets section');
  for (const preset of PRESETS) {
    assert.ok(presets.includes(`\n  ${preset}`), preset);
    const part = presets.slice(presets.indexOf(`\n  ${preset}`) + 1).split(/\n  (?=\S)/)[0];
    for (const r of presetRows(preset)) assert.match(part, new RegExp(`\\n    ${esc(r.keys)} +${esc(r.help)}(\\n|$)`), `${preset}: ${r.keys}`);
  }
  assert.match(stdout, /--keys NAME +keys of another presenter/);
  for (const part of ['<!-- end_slide -->', '<!-- section: Name -->', '<!-- notes: ... -->', 'Note:', 'front matter']) {
    assert.ok(stdout.includes(part), part);
  }
  assert.equal(run(['-h']).stdout, stdout);
});

test('--version prints the package version', () => {
  const { code, stdout } = run(['--version']);
  assert.equal(code, 0);
  assert.equal(stdout, `${pkg.version}\n`);
});

test('--json prints the parsed deck', () => {
  const { code, stdout, stderr } = run(['--json', join(FIXTURES, 'basic.md')]);
  assert.equal(code, 0, stderr);
  const deck = JSON.parse(stdout);
  assert.equal(deck.title, 'Fixture Briefing');
  assert.deepEqual(
    deck.sections.map((s: { title: string; slides: number[] }) => [s.title, s.slides]),
    [
      ['Opening', [1, 2, 3]],
      ['Middle section', [4]],
      ['Closing', [5, 6]],
    ],
  );
  assert.deepEqual(
    deck.slides.map((s: { title: string }) => s.title),
    ['Fixture Briefing', 'Opening', 'Second slide', 'Third slide', 'Fourth slide', 'Fifth slide'],
  );
  assert.equal(deck.slides[1].notes, 'Say hello to the room.');
});

test('--json on a folder deck reads files in natural order', () => {
  const { code, stdout } = run(['--json', join(FIXTURES, 'folder')]);
  assert.equal(code, 0);
  const deck = JSON.parse(stdout);
  assert.deepEqual(
    deck.sections.map((s: { title: string }) => s.title),
    ['First', 'Second file', 'Tenth file heading'],
  );
});

test('no deck argument: the bundled briefing', () => {
  const { code, stdout } = run(['--json']);
  assert.equal(code, 0);
  const deck = JSON.parse(stdout);
  assert.match(deck.title, /Cambodia/);
  assert.ok(deck.slides.length > 5);
});

test('piped output: every slide under a header, notes marked, no ANSI', () => {
  const { code, stdout } = run([join(FIXTURES, 'basic.md')]);
  assert.equal(code, 0);
  assert.doesNotMatch(stdout, /\u001b/);
  for (let i = 1; i <= 6; i++) assert.ok(stdout.includes(`Slide ${i}/6`), `slide ${i}`);
  assert.match(stdout, /Slide 2\/6 — Opening/);
  assert.match(stdout, /Notes:\n {2}Say hello to the room\./);
  assert.match(stdout, /• First point with bold text/);
  assert.equal(stdout.split('Fixture Briefing').length, 2, 'the title block once: slide 1');
  assert.doesNotMatch(stdout, /[ \t]$/m, 'no line ends in a space');
  assert.doesNotMatch(run([]).stdout, /[ \t]$/m, 'the bundled briefing: no line ends in a space');
});

/** Run the CLI with `input` on its standard input (a pipe), output to a pipe. */
const runWithInput = (args: string[], input: string | Buffer) => run(args, {}, { input });

test('a deck on standard input: with -, or when no deck is named', () => {
  const text = readFileSync(join(FIXTURES, 'basic.md'), 'utf8');
  const fromFile = run([join(FIXTURES, 'basic.md')]).stdout;
  for (const args of [['-'], []]) {
    const r = runWithInput(args, text);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, fromFile, `${args.join(' ')}: the piped deck as text`);
  }
  assert.equal(JSON.parse(runWithInput(['--json', '-'], text).stdout).title, 'Fixture Briefing');
  const check = runWithInput(['check'], text + '\n---\n\n# Without notes\n');
  assert.match(check.stdout, /^<stdin>:\d+: warning: slides 4, 6–7 have no speaker notes$/m);
  assert.match(runWithInput(['export', '--format', 'md', '-'], text).stdout, /Fixture Briefing/);
  // Nothing piped in (a closed pipe, </dev/null): no deck named is the bundled briefing.
  assert.match(runWithInput([], '').stdout, /Cambodia-US relations/);
});

test('a deck on standard input: the limits and errors of a file, one line, exit 2', () => {
  assertOneLineError(runWithInput(['-'], ''), 2, /^brief-present: <stdin>: the deck is empty$/m);
  assertOneLineError(runWithInput([], Buffer.from([0x23, 0x20, 0, 1, 2])), 2, /<stdin>: not a text file/);
  const big = Buffer.alloc(32 * 1024 * 1024 + 1, 0x61);
  assertOneLineError(runWithInput(['-'], big), 2, /<stdin>: too large to present \(the limit is 32\.0 MB\)/);
  assertOneLineError(runWithInput(['--watch', '-'], '# A'), 2, /--watch needs a deck file to watch, not standard input/);
  if (process.platform !== 'win32') {
    const folder = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" - < "${FIXTURES}"`], { encoding: 'utf8' });
    assert.equal(folder.status, 2);
    assert.equal(folder.stderr, 'brief-present: <stdin>: is a folder\n');
  }
});

test('piped output: FORCE_COLOR adds colour, NO_COLOR wins over it', () => {
  assert.match(run([join(FIXTURES, 'basic.md')], { FORCE_COLOR: '1' }).stdout, /\u001b\[1m/);
  assert.doesNotMatch(run([join(FIXTURES, 'basic.md')], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, /\u001b/);
});

test('errors: one line naming the path or flag, exit 2', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const empty = join(dir, 'empty-folder');
  mkdirSync(empty);
  writeFileSync(join(empty, 'notes.txt'), 'not markdown');
  const binary = join(dir, 'image.md');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  const blank = join(dir, 'blank.md');
  writeFileSync(blank, '');
  const badYaml = join(dir, 'bad.md');
  writeFileSync(badYaml, '---\ntitle: x\nlist: [a, b\n---\n\n# A\n');
  const locked = join(dir, 'locked.md');
  writeFileSync(locked, '# A');
  chmodSync(locked, 0o000);

  assertOneLineError(run(['--bogus']), 2, /unknown option --bogus/);
  assertOneLineError(run([join(dir, 'missing.md')]), 2, /missing\.md: no such file or folder/);
  assertOneLineError(run([empty]), 2, /empty-folder: no Markdown \(\.md\) files/);
  assertOneLineError(run([binary]), 2, /image\.md: not a text file/);
  assertOneLineError(run([blank]), 2, /blank\.md: the deck is empty/);
  assertOneLineError(run([badYaml]), 2, /bad\.md:3: front matter is not valid YAML/);
  assertOneLineError(run(['a.md', 'b.md']), 2, /one deck at a time/);
  const hostile = run(['--\u001b]0;x\u0007']);
  assertOneLineError(hostile, 2, /unknown option --␛\]0;x␇/);
  assert.doesNotMatch(hostile.stderr, /\u001b|\u0007/);
  if (process.getuid?.() !== 0) assertOneLineError(run([locked]), 2, /locked\.md: permission denied/);
});

test('names an object has by inheritance are decks, not subcommands', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assertOneLineError(run([name]), 2, new RegExp(`${name}: no such file or folder`));
    assertOneLineError(run(['--json', name]), 2, new RegExp(`${name}: no such file or folder`));
  }
});

test('a reader that goes away early is not an error', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" "${join(FIXTURES, 'tall.md')}" | head -1`], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.split('\n').length, 2);
});

test('README lists every key, as the key table has it', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const mode of ['slides', 'reading', 'menu', 'index', 'prompt'] as const) {
    for (const row of helpRows(mode)) {
      assert.ok(readme.includes(`| ${row.keys} | ${row.help} |`), `${mode}: | ${row.keys} | ${row.help} |`);
    }
  }  // Each preset's table, under its heading, as presetRows has it.
  for (const preset of PRESETS.filter((p) => p !== 'brief')) {
    const head = `\`--keys ${preset}\`, as ${PRESET_SPECS[preset].from}:`;
    assert.ok(readme.includes(head), head);
    const table = readme.slice(readme.indexOf(head)).split('\n\n')[1];
    const rows = presetRows(preset).map((r) => `| ${r.keys} | ${r.help} |`);
    assert.deepEqual(table.split('\n').slice(2), rows, preset);
  }
});

/**
 * Run the CLI with its output going to a pipe that is read only once the
 * program has ended, or after `holdMs` if it waits (as it must) for the
 * reader: a slow reader such as `less` or a JSON reader that starts late.
 */
function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${(err as Error).message}: ${JSON.stringify(text.slice(0, 80))} (${text.length} chars)`);
  }
}

async function runSlowReader(args: string[], holdMs = 400): Promise<{ code: number | null; stdout: string }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const closed = new Promise((resolve) => child.on('close', resolve));
  // A listener, paused: nothing is read until the hold is over (and Node does
  // not drain a pipe that has a listener when the program exits).
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c)).pause();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, holdMs))]);
  child.stdout.resume();
  const code = await exited;
  await closed;
  return { code, stdout: Buffer.concat(chunks).toString('utf8') };
}

test('every byte reaches a slow reader of a pipe: text, --json, read, export, check --json', async (t) => {
  const { generateDeck } = await import('../../bench/deck.js');
  const dir = mkdtempSync(join(tmpdir(), 'bp-pipe-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deck = join(dir, 'big.md');
  writeFileSync(deck, generateDeck(600));
  const json = await runSlowReader(['--json', deck]);
  assert.equal(json.code, 0, json.stdout.slice(0, 80));
  assert.equal(parseJson(json.stdout).slides.length, 601);
  const text = await runSlowReader([deck]);
  assert.equal(text.code, 0);
  assert.ok(text.stdout.length > 128 * 1024, `${text.stdout.length} bytes`);
  assert.match(text.stdout, /Topic 600: point of the briefing[^]*\n$/);
  const read = await runSlowReader(['read', deck]);
  assert.equal(read.stdout, text.stdout);
  const md = await runSlowReader(['export', '--format', 'md', deck]);
  assert.equal(md.code, 0);
  assert.match(md.stdout, /Topic 600: point of the briefing/);
  const html = await runSlowReader(['export', '--format', 'html', deck]);
  assert.match(html.stdout, /<\/html>\n?$/);
  // More slides for check: its findings must overflow a pipe's buffer too.
  const bigger = join(dir, 'bigger.md');
  writeFileSync(bigger, generateDeck(1000));
  const check = await runSlowReader(['check', '--json', '--size', '40x12', bigger]);
  assert.ok(check.stdout.length > 64 * 1024, `${check.stdout.length} bytes`);
  assert.ok(parseJson(check.stdout).findings.length > 100, check.stdout.slice(0, 80));
});

test('a closed or full standard output is an error, not a silent exit 0', { skip: process.platform !== 'linux' }, () => {
  const deck = join(FIXTURES, 'basic.md');
  const closed = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" "${deck}" >&-`], { encoding: 'utf8' });
  assert.equal(closed.status, 1);
  assert.match(closed.stderr, /^brief-present: standard output is closed/);
  const full = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" "${deck}" >/dev/full`], { encoding: 'utf8' });
  assert.equal(full.status, 1);
  assert.match(full.stderr, /^brief-present: cannot write to standard output: ENOSPC/);
  const devnull = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" "${deck}" >/dev/null`], { encoding: 'utf8' });
  assert.equal(devnull.status, 0, devnull.stderr);
});
