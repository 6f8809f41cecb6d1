/**
 * Pictures end to end: the built program in a pseudo-terminal draws a
 * slide's picture with half blocks in colour, takes it away with the slide,
 * and names what it cannot show; `check`, `--json` and piped text say the
 * same. The pictures are made here, in a folder the test removes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, run } from '../helpers/cli.js';
import { spawnTerm } from '../helpers/term.js';
import { gifBytes, jpegBytes, pngBytes } from '../helpers/images.js';

/** A deck of three slides: a red-over-blue PNG, a missing map, then text only. */
function deckDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-images-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'flag.png'), pngBytes(8, 4, (_x, y) => (y < 2 ? [255, 0, 0] : [0, 0, 255])));
  writeFileSync(join(dir, 'fake.png'), '# this is text\n');
  writeFileSync(
    join(dir, 'deck.md'),
    '# Flags\n\n![Red over blue](flag.png)\n\nAfter the flag\n\n---\n\n# Maps\n\n![Map of the Mekong](map.png)\n\n![Fake](fake.png)\n\n---\n\n# Words only\n\nNothing to see\n',
  );
  return dir;
}

test('a picture is drawn with coloured half blocks, and gone with its slide', async (t) => {
  const dir = deckDir(t);
  const term = spawnTerm(process.execPath, [CLI, join(dir, 'deck.md')], { cols: 80, rows: 24, env: { COLORTERM: 'truecolor' } });
  t.after(() => term.dispose());
  await term.waitFor('After the flag');
  const screen = await term.waitFor('▀▀▀▀▀▀▀▀');
  // Centred in the slide's width: an 8-pixel-wide picture, two rows of half blocks.
  assert.equal(screen.split('\n').filter((l) => l.includes('▀')).length, 2);
  assert.match(screen, /^ {2}Flags/m);
  assert.ok(term.output().includes('\u001b[38;2;255;0;0;48;2;255;0;0m▀▀▀▀▀▀▀▀'), 'red upper and lower halves');
  assert.ok(term.output().includes('\u001b[38;2;0;0;255;48;2;0;0;255m▀▀▀▀▀▀▀▀'), 'blue upper and lower halves');
  term.write('l');
  const maps = await term.waitFor('[image: Map of the Mekong (map.png): not found]');
  assert.ok(!maps.includes('▀'), 'no half block left over');
  await term.waitFor('[image: Fake (fake.png): not an image (PNG, JPEG or GIF)]');
  term.write('q');
  await term.waitForExit();
});

test('with NO_COLOR a picture stays its alt text and file name', async (t) => {
  const dir = deckDir(t);
  const term = spawnTerm(process.execPath, [CLI, join(dir, 'deck.md')], { cols: 80, rows: 24, env: { NO_COLOR: '1' } });
  t.after(() => term.dispose());
  await term.waitFor('[image: Red over blue (flag.png)]');
  term.write('l');
  await term.waitFor('[image: Map of the Mekong (map.png)]');
  assert.ok(!term.output().includes('▀'));
  term.write('q');
  await term.waitForExit();
});

test('check names each picture a slide cannot show, with its file and line', (t) => {
  const dir = deckDir(t);
  const r = run(['check', join(dir, 'deck.md')]);
  assert.equal(r.code, 1, r.stderr);
  const deck = join(dir, 'deck.md');
  assert.match(r.stdout, new RegExp(`${deck}:11: error: picture "Map of the Mekong" \\(map.png\\): not found`));
  assert.match(r.stdout, new RegExp(`${deck}:13: error: picture "Fake" \\(fake.png\\): not an image`));
  assert.doesNotMatch(r.stdout, /flag\.png/);
});

test('--json lists each slide\'s pictures and whether they can be shown; piped text names them', (t) => {
  const dir = deckDir(t);
  const json = JSON.parse(run([join(dir, 'deck.md'), '--json']).stdout);
  assert.deepEqual(json.slides[0].images, [{ alt: 'Red over blue', path: 'flag.png', resolved: join(dir, 'flag.png'), status: 'ok' }]);
  assert.deepEqual(json.slides[1].images.map((i: { status: string }) => i.status), ['not found', 'not an image (PNG, JPEG or GIF)']);
  assert.deepEqual(json.slides[2].images, []);
  const text = run([join(dir, 'deck.md')]).stdout;
  assert.match(text, /^\[image: Red over blue \(flag\.png\)\]$/m);
  assert.match(text, /^\[image: Map of the Mekong \(map\.png\)\]$/m);
});

test('in a folder deck, pictures are found beside the slide\'s own file; JPEG and GIF too', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-images-folder-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'pics'));
  writeFileSync(join(dir, 'pics', 'green.jpg'), jpegBytes(16, 8, () => [0, 255, 0]));
  writeFileSync(join(dir, 'pics', 'any-name.png'), gifBytes(4, 4, [0xffff00, 0], [() => 0]));
  writeFileSync(join(dir, '01-a.md'), '# One\n\n![Green](pics/green.jpg)\n');
  writeFileSync(join(dir, '02-b.md'), '# Two\n\n![Yellow](pics/any-name.png)\n');
  assert.equal(run(['check', dir]).code, 0);
  const term = spawnTerm(process.execPath, [CLI, dir], { cols: 80, rows: 24, env: { COLORTERM: 'truecolor' } });
  t.after(() => term.dispose());
  await term.waitFor('▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀');
  term.write('l');
  await term.waitFor((s) => s.includes('Two') && s.includes('▀▀▀▀') && !s.includes('▀▀▀▀▀'));
  assert.ok(term.output().includes('\u001b[38;2;255;255;0;48;2;255;255;0m▀▀▀▀'), 'the GIF, by its bytes, in yellow');
  term.write('q');
  await term.waitForExit();
});

/** Present the flag deck in a terminal of this environment; the raw bytes once the picture is drawn. */
async function drawnWith(
  t: { after(fn: () => void): void },
  env: Record<string, string>,
  args: string[],
  sign: string,
  answers: { version?: string } = {},
) {
  const dir = deckDir(t);
  const term = spawnTerm(process.execPath, [CLI, join(dir, 'deck.md'), ...args], { cols: 80, rows: 24, env: { COLORTERM: 'truecolor', ...env }, ...answers });
  t.after(() => term.dispose());
  await term.waitFor('After the flag');
  await term.waitFor(() => term.output().includes(sign));
  return term;
}

const KITTY = '\u001b_Ga=T,f=32,s=8,v=4,c=1,r=1,C=1,q=2,m=0;';
const ITERM2 = '\u001b]1337;File=inline=1;size=';
const SIXEL = '\u001bP0;1;0q"1;1;8;4#';

for (const [name, env, args, sign] of [
  ['kitty (TERM=xterm-kitty)', { TERM: 'xterm-kitty' }, [], KITTY],
  ['kitty (Ghostty)', { TERM_PROGRAM: 'ghostty' }, [], KITTY],
  ['kitty (--image-protocol kitty)', {}, ['--image-protocol', 'kitty'], KITTY],
  ['iTerm2 (TERM_PROGRAM=iTerm.app)', { TERM_PROGRAM: 'iTerm.app' }, [], ITERM2],
  ['iTerm2 (--image-protocol iterm2)', {}, ['--image-protocol', 'iterm2'], ITERM2],
  ['sixel (Windows Terminal)', { WT_SESSION: 'a1' }, [], SIXEL],
  ['sixel (--image-protocol sixel)', {}, ['--image-protocol', 'sixel'], SIXEL],
] as const) {
  test(`pictures in ${name}: the protocol's sequence at the picture's place, gone with the slide`, async (t) => {
    const term = await drawnWith(t, env, [...args], sign);
    const out = term.output();
    // Written at the picture's place (centred: column 2 + (76 - 1) / 2), the cursor put back.
    assert.ok(out.includes(`\u001b[s\u001b[4;40H${sign}`), JSON.stringify(out.slice(out.indexOf(sign) - 30, out.indexOf(sign) + 40)));
    assert.ok(!term.screen().includes('▀'), 'no half blocks as well');
    const before = out.length;
    term.write('l');
    await term.waitFor('[image: Map of the Mekong (map.png): not found]');
    const after = term.output().slice(before);
    if (sign === KITTY) assert.ok(after.startsWith('\u001b_Ga=d,d=A,q=2\u001b\\'), 'kitty deletes the picture first');
    else assert.ok(after.includes('\u001b[2J'), 'the screen is drawn again whole');
    term.write('q');
    await term.waitForExit();
  });
}

test('where the environment names no terminal, the name it gives when asked at start-up chooses the protocol', async (t) => {
  // No question of its own: the theme's question (OSC 11 and DA1) carries XTVERSION.
  const wezterm = await drawnWith(t, {}, [], ITERM2, { version: 'WezTerm 20240203-110809-5046fc22' });
  assert.ok(!wezterm.screen().includes('▀'));
  await drawnWith(t, {}, [], SIXEL, { version: 'foot(1.16.2)' });
  // The environment wins over the name.
  await drawnWith(t, { TERM_PROGRAM: 'iTerm.app' }, [], ITERM2, { version: 'foot(1.16.2)' });
  // With the theme fixed, nothing is asked, so nothing is waited for: half blocks.
  const fixed = await drawnWith(t, {}, ['--theme', 'dark'], '▀▀▀▀▀▀▀▀', { version: 'WezTerm 20240203-110809-5046fc22' });
  assert.ok(!fixed.output().includes('\u001b[>q'), 'XTVERSION not asked');
  assert.ok(!fixed.output().includes('\u001b]1337;'));
});

test('sixel pictures are sized by the cell size the terminal gives (CSI 16 t, else CSI 14 t), else 8×16 pixels a cell', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-images-cells-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // Wider than any slide: it fills the slide's width, whatever a cell's pixels.
  writeFileSync(join(dir, 'wide.png'), pngBytes(1200, 120, (x) => (x < 600 ? [255, 0, 0] : [0, 0, 255])));
  writeFileSync(join(dir, 'deck.md'), '# Wide\n\n![Wide](wide.png)\n\nBelow the picture\n');
  const drawn = async (answers: { cellPixels?: { width: number; height: number }; textAreaPixels?: { width: number; height: number } }) => {
    const term = spawnTerm(process.execPath, [CLI, join(dir, 'deck.md'), '--image-protocol', 'sixel'], {
      cols: 80,
      rows: 24,
      env: { COLORTERM: 'truecolor' },
      ...answers,
    });
    t.after(() => term.dispose());
    await term.waitFor('Below the picture');
    await term.waitFor(() => /\u001bP0;1;0q"1;1;\d+;\d+#/.test(term.output()));
    const size = /\u001bP0;1;0q"1;1;(\d+);(\d+)#/.exec(term.output())!;
    const below = term.lines().findIndex((l) => l.includes('Below the picture'));
    term.write('q');
    await term.waitForExit();
    return { width: Number(size[1]), height: Number(size[2]), below };
  };
  // The slide's 76 columns (80, less its margins) at 10×20 pixels a cell: 760 pixels wide, 76 high (4 rows).
  const told = await drawn({ cellPixels: { width: 10, height: 20 }, textAreaPixels: { width: 1600, height: 960 } });
  assert.deepEqual({ width: told.width, height: told.height }, { width: 760, height: 76 });
  // Only the text area: 800 × 480 pixels over 80 × 24 cells, the same 10×20.
  const area = await drawn({ textAreaPixels: { width: 800, height: 480 } });
  assert.deepEqual({ width: area.width, height: area.height }, { width: 760, height: 76 });
  // Not told: 8×16 pixels a cell.
  const guessed = await drawn({});
  assert.deepEqual({ width: guessed.width, height: guessed.height }, { width: 608, height: 61 });
  // The text below the picture comes after the rows it covers either way (4 rows at 20 or at 16 pixels).
  assert.equal(told.below, guessed.below);
});

test('kitty 0.40: the title at twice the size and the picture with kitty graphics, on the same slide', async (t) => {
  const term = await drawnWith(t, { TERM: 'xterm-kitty' }, [], KITTY, { version: 'kitty(0.40.1)' });
  const out = term.output();
  assert.ok(out.includes('\u001b]66;s=2;Flags'), 'the big title');
  // The picture's place: below the title's two rows and the blank line after it.
  const at = /\u001b\[s\u001b\[(\d+);(\d+)H\u001b_Ga=T/.exec(out);
  assert.ok(at && Number(at[1]) >= 4, JSON.stringify(at?.[0]));
  assert.ok(!term.screen().includes('▀'));
  term.write('q');
  await term.waitForExit();
});

test('inside tmux, and with --image-protocol blocks, pictures are half blocks; with none, their labels', async (t) => {
  const tmux = await drawnWith(t, { TERM: 'xterm-kitty', TMUX: '/tmp/tmux-1/default,1,0' }, [], '▀▀▀▀▀▀▀▀');
  assert.ok(!tmux.output().includes('\u001b_G'));
  await drawnWith(t, { TERM_PROGRAM: 'iTerm.app' }, ['--image-protocol', 'blocks'], '▀▀▀▀▀▀▀▀');
  const none = await drawnWith(t, { TERM: 'xterm-kitty' }, ['--image-protocol', 'none'], '[image: Red over blue (flag.png)]');
  assert.ok(!none.output().includes('\u001b_G') && !none.output().includes('▀'));
});

test('handouts: HTML embeds the pictures that are pictures by their bytes; Markdown keeps the links; text names them', (t) => {
  const dir = deckDir(t);
  const deck = join(dir, 'deck.md');
  const html = run(['export', deck, '--format', 'html']);
  assert.equal(html.code, 0, html.stderr);
  const flag = readFileSync(join(dir, 'flag.png')).toString('base64');
  assert.ok(html.stdout.includes(`<img class="picture" src="data:image/png;base64,${flag}" alt="Red over blue">`));
  assert.equal(html.stdout.match(/<img /g)?.length, 1, 'the text file named .png and the missing map are not embedded');
  assert.match(html.stdout, /\[image: Map of the Mekong\]/);
  assert.match(html.stdout, /\[image: Fake\]/);
  assert.match(html.stdout, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
  assert.doesNotMatch(html.stdout, /src="(?!data:)/);
  const md = run(['export', deck, '--format', 'md']).stdout;
  assert.match(md, /^!\[Red over blue\]\(flag\.png\)$/m);
  const txt = run(['export', deck, '--format', 'txt']).stdout;
  assert.match(txt, /^\[image: Red over blue \(flag\.png\)\]$/m);
});

test('kitty pictures go when a menu opens and when the terminal is resized, and come back after', async (t) => {
  const term = await drawnWith(t, { TERM: 'xterm-kitty' }, [], KITTY);
  const DELETE = '\u001b_Ga=d,d=A,q=2\u001b\\';
  let from = term.output().length;
  term.write('s');
  await term.waitFor('Sections');
  assert.ok(term.output().slice(from).includes(DELETE), 'deleted as the menu opens');
  assert.ok(!term.output().slice(from).includes('\u001b_Ga=T'), 'not drawn over the menu');
  from = term.output().length;
  term.write('\u001b');
  await term.waitFor((s) => !s.includes('Sections') && term.output().slice(from).includes(KITTY));
  from = term.output().length;
  term.resize(90, 26);
  await term.waitFor(() => term.output().slice(from).includes('\u001b_Ga=T'));
  const after = term.output().slice(from);
  assert.ok(after.indexOf(DELETE) >= 0 && after.indexOf(DELETE) < after.indexOf('\u001b_Ga=T'), 'deleted, then drawn at the new size');
  term.write('q');
  await term.waitForExit();
});

test('views drawn by Ink (the presenter view) show pictures as half blocks, even in kitty', async (t) => {
  const dir = deckDir(t);
  const term = spawnTerm(process.execPath, [CLI, join(dir, 'deck.md'), '--presenter'], {
    cols: 120,
    rows: 30,
    env: { TERM: 'xterm-kitty', COLORTERM: 'truecolor' },
  });
  t.after(() => term.dispose());
  await term.waitFor((s) => s.includes('Notes') && s.includes('▀▀▀▀▀▀▀▀'));
  assert.ok(!term.output().includes('\u001b_Ga=T'), 'no kitty picture under Ink');
  term.write('q');
  await term.waitForExit();
});

test('with --watch, a picture saved again is read again when the deck reloads', async (t) => {
  const dir = deckDir(t);
  const term = spawnTerm(process.execPath, [CLI, join(dir, 'deck.md'), '--watch'], { cols: 80, rows: 24, env: { COLORTERM: 'truecolor' } });
  t.after(() => term.dispose());
  await term.waitFor(() => term.output().includes('\u001b[38;2;255;0;0;48;2;255;0;0m▀'));
  writeFileSync(join(dir, 'flag.png'), pngBytes(8, 4, () => [0, 255, 0]));
  writeFileSync(join(dir, 'deck.md'), '# Flags\n\n![Red over blue](flag.png)\n\nAfter the flag, saved again\n');
  await term.waitFor('saved again');
  await term.waitFor(() => term.output().includes('\u001b[38;2;0;255;0;48;2;0;255;0m▀▀▀▀▀▀▀▀'));
  term.write('q');
  await term.waitForExit();
});

test('on a 256-colour terminal, half blocks take the nearest of its 256 colours', async (t) => {
  const term = await drawnWith(t, { COLORTERM: '', TERM: 'xterm-256color' }, [], '▀▀▀▀▀▀▀▀');
  // Red is colour 196, blue 21.
  assert.ok(term.output().includes('\u001b[38;5;196;48;5;196m▀▀▀▀▀▀▀▀'));
  assert.ok(term.output().includes('\u001b[38;5;21;48;5;21m▀▀▀▀▀▀▀▀'));
  assert.ok(!term.output().includes('38;2;'));
  term.write('q');
  await term.waitForExit();
});
