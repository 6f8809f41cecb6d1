// Which theme a run uses (src/cli/theme.ts) and asking the terminal (src/ui/termquery.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { chooseTheme, type ThemeChoice } from '../../src/cli/theme.js';
import { ThemeError } from '../../src/render/themefile.js';
import { askBackground, askTerminal, BACKGROUND_QUERY_MS, cellPixels, ReplyFilter } from '../../src/ui/termquery.js';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-theme-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const choose = (c: Partial<ThemeChoice>) => chooseTheme({ deckDir: '.', env: {}, ...c });
const name = async (c: Partial<ThemeChoice>) => (await choose(c)).name;

test('--theme wins, then front matter, then the terminal, then COLORFGBG, then dark', async () => {
  const light = async () => 'light' as const;
  assert.equal(await name({ flag: 'high-contrast', frontMatter: 'light', ask: light }), 'high-contrast');
  assert.equal(await name({ frontMatter: 'light', ask: async () => 'dark' }), 'light');
  assert.equal(await name({ ask: light, env: { COLORFGBG: '15;0' } }), 'light');
  assert.equal(await name({ ask: async () => undefined, env: { COLORFGBG: '0;15' } }), 'light');
  assert.equal(await name({ env: { COLORFGBG: '15;0' } }), 'dark');
  assert.equal(await name({}), 'dark');
  // Another presenter's theme in front matter (Marp's, presenterm's) is left alone.
  assert.equal(await name({ frontMatter: 'gaia', ask: light }), 'light');
  assert.equal(await name({ frontMatter: './examples/theme.json', env: { COLORFGBG: '0;15' } }), 'light');
});

test('a theme file from --theme (working folder) or front matter (the deck folder)', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'themes'));
  writeFileSync(join(dir, 'themes', 'brand.yaml'), 'extends: light\nroles:\n  heading: "#875f00"\n');
  const fm = await choose({ frontMatter: 'themes/brand.yaml', deckDir: dir });
  assert.equal(fm.name, 'light');
  assert.equal(fm.roles.heading.fg, '#875f00');
  const flag = await choose({ flag: join(dir, 'themes', 'brand.yaml') });
  assert.equal(flag.roles.heading.fg, '#875f00');
});

test('a bad theme name or theme file is one ThemeError line', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'broken.yaml'), 'roles: [unclosed\n');
  writeFileSync(join(dir, 'wrong.yaml'), 'roles:\n  heading: red\n');
  const cases: [Partial<ThemeChoice>, RegExp][] = [
    [{ flag: 'solarized' }, /^--theme: unknown theme "solarized" \(dark, light, high-contrast or a \.yaml theme file\)$/],
    [{ flag: join(dir, 'missing.yaml') }, /missing\.yaml: no such file or folder$/],
    [{ frontMatter: 'broken.yaml', deckDir: dir }, /^theme file broken\.yaml: not YAML/],
    [{ frontMatter: 'wrong.yaml', deckDir: dir }, /^theme file wrong\.yaml: roles: heading: "red" is not a colour/],
  ];
  for (const [choice, message] of cases) {
    await assert.rejects(choose(choice), (e: unknown) => e instanceof ThemeError && message.test(e.message) && !e.message.includes('\n'), message.source);
  }
});

/** A terminal's input and output: what is written to it is answered by `answer`. */
function fakeTerminal(answer: (query: string) => string | undefined) {
  const input = new PassThrough() as unknown as NodeJS.ReadStream;
  const output = {
    written: '',
    write(s: string) {
      this.written += s;
      const reply = answer(s);
      if (reply !== undefined) setImmediate(() => (input as unknown as PassThrough).write(reply));
      return true;
    },
  };
  return { input, output };
}

test('the background is asked with OSC 11 and DA1, and known from the answer', async () => {
  const white = fakeTerminal(() => '\u001b]11;rgb:ffff/ffff/ffff\u001b\\\u001b[?62;22c');
  assert.equal(await askBackground(white.input, white.output), 'light');
  assert.equal(white.output.written, '\u001b[16t\u001b[14t\u001b]11;?\u001b\\\u001b[c');
  const black = fakeTerminal(() => '\u001b]11;rgb:0000/0000/0000\u0007\u001b[?1;2c');
  assert.equal(await askBackground(black.input, black.output), 'dark');
});

test('the version (XTVERSION) is asked in the same question, before the background; the DA1 reply still ends it', async () => {
  const kitty = fakeTerminal(() => '\u001bP>|kitty(0.40.1)\u001b\\\u001b]11;rgb:0000/0000/0000\u001b\\\u001b[?62;c');
  assert.deepEqual(await askTerminal(kitty.input, kitty.output, { background: true, version: true }), {
    background: 'dark',
    version: 'kitty(0.40.1)',
    attributes: [62],
  });
  assert.equal(kitty.output.written, '\u001b[>q\u001b[16t\u001b[14t\u001b]11;?\u001b\\\u001b[c');
  const other = fakeTerminal(() => '\u001b[?62;22c');
  const start = performance.now();
  assert.deepEqual(await askTerminal(other.input, other.output, { background: false, version: true }), {
    background: undefined,
    version: undefined,
    attributes: [62, 22],
  });
  assert.ok(performance.now() - start < BACKGROUND_QUERY_MS, 'the DA1 reply ends the wait');
  assert.equal(other.output.written, '\u001b[>q\u001b[16t\u001b[14t\u001b[c');
  // DA1's attributes come back too (a 4 among them: the terminal draws sixel).
  const foot = fakeTerminal(() => '\u001bP>|foot(1.16.2)\u001b\\\u001b[?62;4;22c');
  assert.deepEqual((await askTerminal(foot.input, foot.output, { background: false, version: true })).attributes, [62, 4, 22]);
});

test('the size of a cell in pixels is asked in the same question: CSI 16 t, else CSI 14 t over the columns and rows', async () => {
  // Answered in the order asked, the background (which may end the wait) after the sizes.
  const xterm = fakeTerminal(() => '\u001b[6;20;10t\u001b[4;480;800t\u001b]11;rgb:ffff/ffff/ffff\u001b\\\u001b[?62;4;22c');
  const answers = await askTerminal(xterm.input, { ...xterm.output, columns: 100, rows: 30 }, { background: true, version: false });
  assert.deepEqual(answers.cell, { width: 10, height: 20 });
  assert.equal(answers.background, 'light');
  // Only the text area: shared among the cells.
  const area = fakeTerminal(() => '\u001b[4;720;900t\u001b[?62;22c');
  assert.deepEqual((await askTerminal(area.input, { ...area.output, columns: 100, rows: 30 }, { background: false, version: true })).cell, { width: 9, height: 24 });
  // Neither: nothing is known (pictures take 8×16).
  const quiet = fakeTerminal(() => '\u001b[?62;22c');
  assert.equal((await askTerminal(quiet.input, quiet.output, { background: true, version: true })).cell, undefined);
});

test('cell size replies: the cell wins over the text area; nonsense and missing sizes are not known', () => {
  assert.deepEqual(cellPixels(['\u001b[4;480;800t', '\u001b[6;17;7t'], 80, 24), { width: 7, height: 17 });
  assert.deepEqual(cellPixels(['\u001b[4;480;800t'], 80, 24), { width: 10, height: 20 });
  assert.equal(cellPixels(['\u001b[4;480;800t'], undefined, 24), undefined);
  assert.equal(cellPixels(['\u001b[4;0;0t'], 80, 24), undefined);
  assert.deepEqual(cellPixels(['\u001b[6;0;0t', '\u001b[4;480;800t'], 80, 24), { width: 10, height: 20 });
  assert.equal(cellPixels(['\u001b[8;24;80t', '\u001b]11;rgb:0/0/0\u0007'], 80, 24), undefined);
  // Whole or cut in two, a size reply is a reply.
  const f = new ReplyFilter();
  const replies: string[] = [];
  assert.equal(f.push('j\u001b[6;2', (r) => replies.push(r)), 'j');
  assert.equal(f.pending, true);
  assert.equal(f.push('0;10tk\u001b[6;5~', (r) => replies.push(r)), 'k\u001b[6;5~');
  assert.deepEqual(replies, ['\u001b[6;20;10t']);
});

test('a terminal that answers only DA1 is not waited for; one that answers nothing, for a few tens of ms', async () => {
  const da1 = fakeTerminal(() => '\u001b[?62;22c');
  let start = performance.now();
  assert.equal(await askBackground(da1.input, da1.output), undefined);
  assert.ok(performance.now() - start < BACKGROUND_QUERY_MS, 'the DA1 reply ends the wait');
  const mute = fakeTerminal(() => undefined);
  assert.equal(await askBackground(mute.input, mute.output), undefined);
  assert.ok(BACKGROUND_QUERY_MS <= 50);
});

test('keys typed while the terminal is asked are kept for the key reader', async () => {
  const term = fakeTerminal(() => 'j\u001b]11;rgb:ffff/ffff/ffff\u0007k\u001b[?62;22c');
  assert.equal(await askBackground(term.input, term.output), 'light');
  const rest = (term.input as unknown as PassThrough).read() as Buffer;
  assert.equal(rest.toString(), 'jk');
});

test('the reply filter keeps a lone Esc, keys and Alt-letters as keys', () => {
  const f = new ReplyFilter();
  const replies: string[] = [];
  assert.equal(f.push('\u001b', (r) => replies.push(r)), '\u001b');
  assert.equal(f.push('\u001bb\u001b[A', (r) => replies.push(r)), '\u001bb\u001b[A');
  assert.equal(f.push('\u001b[1;5R', (r) => replies.push(r)), '\u001b[1;5R');
  assert.equal(f.push('\u001b]', (r) => replies.push(r)), '');
  assert.equal(f.pending, true);
  assert.equal(f.flush(), '\u001b]');
  assert.deepEqual(replies, []);
});
