import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pngOf, type Rgba } from '../../src/render/images/decode.js';
import { detectImageProtocol, imageReplies } from '../../src/render/images/detect.js';
import { iterm2Sequence, KITTY_CHUNK, KITTY_DELETE_ALL, kittySequence, sixelSequence } from '../../src/render/images/protocols.js';
import { MARK, placePictures } from '../../src/render/images/place.js';
import { GraphicsLayer, takeMarks } from '../../src/ui/graphics.js';

/** 2×1 pixels: red, then blue. */
const tiny: Rgba = { width: 2, height: 1, data: new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]) };

test('kitty: transmit and display raw RGBA over a box of cells, no replies', () => {
  assert.equal(kittySequence(tiny, 3, 1), '\u001b_Ga=T,f=32,s=2,v=1,c=3,r=1,C=1,q=2,m=0;/wAA/wAA//8=\u001b\\');
  assert.equal(KITTY_DELETE_ALL, '\u001b_Ga=d,d=A,q=2\u001b\\');
});

test('kitty: large pictures go in chunks of 4096 base64 bytes, m=1 until the last', () => {
  const big: Rgba = { width: 64, height: 64, data: new Uint8Array(64 * 64 * 4).fill(7) };
  const seq = kittySequence(big, 10, 5);
  const chunks = [...seq.matchAll(/\u001b_G([^;]*);([^\u001b]*)\u001b\\/g)];
  const base64 = Buffer.from(big.data).toString('base64');
  assert.equal(chunks.length, Math.ceil(base64.length / KITTY_CHUNK));
  assert.equal(chunks[0][1], 'a=T,f=32,s=64,v=64,c=10,r=5,C=1,q=2,m=1');
  assert.deepEqual(chunks.slice(1, -1).map((c) => c[1]), Array(chunks.length - 2).fill('m=1'));
  assert.equal(chunks.at(-1)![1], 'm=0');
  assert.ok(chunks.every((c) => c[2].length <= KITTY_CHUNK));
  assert.equal(chunks.map((c) => c[2]).join(''), base64);
});

test('iTerm2: OSC 1337 File with the PNG inline, sized in cells, shape kept', () => {
  const png = pngOf(tiny);
  assert.equal(
    iterm2Sequence(png, 4, 2),
    `\u001b]1337;File=inline=1;size=${png.length};width=4;height=2;preserveAspectRatio=1:${png.toString('base64')}\u0007`,
  );
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
});

test('sixel: palette of the colours used, one band, transparent background', () => {
  // Red is cube colour 5*36 = 180, blue 5.
  assert.equal(sixelSequence(tiny), '\u001bP0;1;0q"1;1;2;1#5;2;0;0;100#180;2;100;0;0#5?@$#180@\u001b\\');
  // Eight rows: two bands; runs of one colour run-length coded.
  const tall: Rgba = { width: 5, height: 8, data: new Uint8Array(5 * 8 * 4).fill(255) };
  assert.equal(sixelSequence(tall), '\u001bP0;1;0q"1;1;5;8#215;2;100;100;100#215!5~-#215!5B\u001b\\');
  // A transparent pixel sets no bit.
  const holed: Rgba = { width: 2, height: 1, data: new Uint8Array([255, 0, 0, 0, 255, 0, 0, 255]) };
  assert.equal(sixelSequence(holed), '\u001bP0;1;0q"1;1;2;1#180;2;100;0;0#180?@\u001b\\');
});

test('the protocol comes from the terminal\'s environment, the option overrides it', () => {
  const d = (env: Record<string, string>, choice?: 'auto' | 'kitty' | 'blocks' | 'none', level = 3) =>
    detectImageProtocol({ env, level, choice });
  assert.equal(d({ TERM: 'xterm-kitty' }), 'kitty');
  assert.equal(d({ TERM: 'xterm-256color', KITTY_WINDOW_ID: '1' }), 'kitty');
  assert.equal(d({ TERM_PROGRAM: 'ghostty' }), 'kitty');
  assert.equal(d({ KONSOLE_VERSION: '230800' }), 'kitty');
  assert.equal(d({ TERM_PROGRAM: 'iTerm.app' }), 'iterm2');
  assert.equal(d({ TERM_PROGRAM: 'WezTerm' }), 'iterm2');
  assert.equal(d({ TERM_PROGRAM: 'vscode' }), 'iterm2');
  assert.equal(d({ LC_TERMINAL: 'iTerm2' }), 'iterm2');
  assert.equal(d({ TERM: 'foot' }), 'sixel');
  assert.equal(d({ TERM: 'mlterm' }), 'sixel');
  assert.equal(d({ WT_SESSION: 'x' }), 'sixel');
  assert.equal(d({ TERM: 'xterm-256color' }), 'blocks');
  // Inside tmux, when it says nothing of passing sequences through: half blocks, whatever the terminal outside.
  assert.equal(d({ TERM: 'screen-256color', TMUX: '/tmp/t,1,0', KITTY_WINDOW_ID: '1' }), 'blocks');
  assert.equal(d({ TERM: 'xterm-kitty' }, 'blocks'), 'blocks');
  assert.equal(d({ TERM: 'xterm-256color' }, 'kitty'), 'kitty');
  assert.equal(d({ TERM: 'xterm-kitty' }, 'none'), 'none');
  // Without colour, text whatever was asked.
  assert.equal(d({ TERM: 'xterm-kitty' }, 'kitty', 0), 'none');
  assert.equal(d({ TERM: 'dumb' }), 'none');
  // The terminal's own answers (when asked) win over the environment.
  assert.equal(detectImageProtocol({ env: { TERM: 'xterm-256color' }, level: 3, replies: { kittyGraphics: true } }), 'kitty');
  assert.equal(detectImageProtocol({ env: { TERM: 'xterm-256color' }, level: 3, replies: { sixel: true } }), 'sixel');
  assert.equal(detectImageProtocol({ env: { TERM: 'xterm-kitty' }, level: 3, replies: { kittyGraphics: false } }), 'blocks');
  // The start-up question's answers: DA1 listing 4 is sixel (in a VT220-style reply only: in a VT100 one, 4 is another option).
  const asked = (env: Record<string, string>, answers: { version?: string; attributes?: number[] }) =>
    detectImageProtocol({ env, level: 3, replies: imageReplies(answers) });
  assert.equal(asked({ TERM: 'xterm-256color' }, { attributes: [62, 4, 22] }), 'sixel');
  assert.equal(asked({ TERM: 'xterm-256color' }, { attributes: [62, 22] }), 'blocks');
  assert.equal(asked({ TERM: 'xterm-256color' }, { attributes: [1, 4] }), 'blocks');
  assert.equal(asked({ TERM: 'xterm-256color' }, { version: 'kitty(0.40.1)' }), 'kitty');
  assert.equal(asked({ TERM: 'xterm-256color' }, { version: 'ghostty 1.1.0' }), 'kitty');
  assert.equal(asked({ TERM: 'xterm-256color' }, { version: 'WezTerm 20240203-110809-5046fc22' }), 'iterm2');
  assert.equal(asked({ TERM: 'xterm-256color' }, { version: 'iTerm2 3.5.0' }), 'iterm2');
  assert.equal(asked({ TERM: 'xterm-256color' }, { version: 'foot(1.16.2)' }), 'sixel');
  assert.equal(asked({ TERM: 'xterm-256color' }, { version: 'XTerm(390)' }), 'blocks');
  // The name counts only where the environment names no terminal; tmux stays half blocks.
  assert.equal(asked({ TERM_PROGRAM: 'iTerm.app' }, { version: 'foot(1.16.2)' }), 'iterm2');
  assert.equal(asked({ TERM: 'foot' }, { version: 'kitty(0.40.1)' }), 'sixel');
  assert.equal(asked({ TMUX: '/tmp/t,1,0' }, { version: 'kitty(0.40.1)', attributes: [62, 4] }), 'blocks');
});

test('a protocol\'s picture is a mark in the lines; the painter finds it, draws it, and clears it when it goes', () => {
  const placed = placePictures(['T', '', '[image: A (a.png)]'], [{ alt: 'A', href: 'a.png' }], 20, 10, () => ({
    kind: 'graphic',
    cols: 4,
    rows: 3,
    key: 'k1',
  }));
  assert.deepEqual(placed.lines, ['T', '', `        ${MARK}k1${MARK}`, '', '']);
  const screen = ['status', ...placed.lines.map((l) => (l ? '  ' + l : ''))];
  const { lines, placements } = takeMarks(screen);
  assert.deepEqual(placements, [{ row: 3, col: 10, key: 'k1' }]);
  assert.equal(lines[3], '');

  const kitty = new GraphicsLayer('kitty', (k) => `<${k}>`);
  assert.deepEqual(kitty.frame(placements, true), { clear: true, before: '', after: '\u001b[s\u001b[4;11H<k1>\u001b[u' });
  // The same pictures again: nothing to write.
  assert.deepEqual(kitty.frame(placements, false), { clear: false, before: '', after: '' });
  // The slide changes: kitty deletes what it showed.
  assert.deepEqual(kitty.frame([], false), { clear: false, before: KITTY_DELETE_ALL, after: '' });
  kitty.frame(placements, false);
  assert.equal(kitty.release(), KITTY_DELETE_ALL);
  assert.equal(kitty.release(), '');

  // Sixel pictures are cells of the screen: the screen is drawn again whole.
  const sixel = new GraphicsLayer('sixel', (k) => `<${k}>`);
  sixel.frame(placements, false);
  assert.deepEqual(sixel.frame([], false), { clear: true, before: '', after: '' });
});
