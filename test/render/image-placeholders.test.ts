/**
 * kitty's Unicode placeholders (pictures inside tmux): the image sent with a
 * virtual placement through tmux's passthrough, the placeholder cells with
 * their row and column diacritics and the colour naming the image, their
 * width, and how the painter's layer writes and removes them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rgba } from '../../src/render/images/decode.js';
import { tmuxPassthrough } from '../../src/render/images/protocols.js';
import {
  DIACRITICS,
  kittyDeleteImage,
  kittyVirtualSequence,
  MAX_PLACEHOLDER_CELLS,
  PLACEHOLDER,
  placeholderRows,
} from '../../src/render/images/placeholders.js';
import { displayWidth } from '../../src/render/ansi.js';
import { GraphicsLayer } from '../../src/ui/graphics.js';

const E = '\u001b';
const red: Rgba = { width: 1, height: 1, data: new Uint8Array([255, 0, 0, 255]) };

test('the image sent through tmux with a virtual placement (U=1) of 2×2 cells, ESC doubled inside', () => {
  const seq = kittyVirtualSequence(red, 7, 2, 2);
  assert.equal(seq, `${E}_Ga=T,U=1,i=7,f=32,s=1,v=1,c=2,r=2,q=2,m=0;/wAA/w==${E}\\`);
  assert.equal(tmuxPassthrough(seq), `${E}Ptmux;${E}${E}_Ga=T,U=1,i=7,f=32,s=1,v=1,c=2,r=2,q=2,m=0;/wAA/w==${E}${E}\\${E}\\`);
  assert.equal(kittyDeleteImage(7), `${E}_Ga=d,d=I,i=7,q=2${E}\\`);
});

test('placeholder cells of a 2×2 picture: U+10EEEE, the row diacritic, the column diacritic, the id as colour', () => {
  const [r0, c0, r1, c1] = ['\u0305', '\u0305', '\u030d', '\u030d'];
  // 24-bit: the id's three bytes.
  assert.deepEqual(placeholderRows(0x010203, 2, 2, 3), [
    `${E}[38;2;1;2;3m\u{10eeee}${r0}${c0}\u{10eeee}${r0}${c1}${E}[39m`,
    `${E}[38;2;1;2;3m\u{10eeee}${r1}${c0}\u{10eeee}${r1}${c1}${E}[39m`,
  ]);
  // 256 colours: the id is the index.
  assert.deepEqual(placeholderRows(42, 2, 1, 2), [`${E}[38;5;42m\u{10eeee}${r0}${c0}\u{10eeee}${r0}${c1}${E}[39m`]);
});

test('the diacritics table: 297 distinct combining marks, kitty order; cells one column each', () => {
  assert.equal(DIACRITICS.length, 297);
  assert.equal(MAX_PLACEHOLDER_CELLS, 297);
  assert.equal(new Set(DIACRITICS).size, 297);
  assert.ok(DIACRITICS.every((d) => /^\p{Mn}$/u.test(d)));
  assert.deepEqual(DIACRITICS.slice(0, 4), ['\u0305', '\u030d', '\u030e', '\u0310']);
  assert.equal(DIACRITICS[296], '\u{1d244}');
  assert.equal(displayWidth(PLACEHOLDER), 1);
  for (const row of placeholderRows(0x123456, 40, 3, 3)) assert.equal(displayWidth(row), 40);
  assert.equal(displayWidth(placeholderRows(9, 296, 297, 2)[296]), 296);
});

test('the painter writes each row at its place, and on a change deletes the image and draws the screen whole', () => {
  const drawing = { rows: ['<transmit>A', 'B'], remove: '<delete>' };
  const layer = new GraphicsLayer('kitty', (k) => (k === 'p' ? drawing : undefined));
  const first = layer.frame([{ row: 2, col: 5, key: 'p' }], true);
  assert.deepEqual(first, { clear: true, before: '', after: `${E}[s${E}[3;6H<transmit>A${E}[4;6HB${E}[u` });
  // The same screen again: nothing written.
  assert.deepEqual(layer.frame([{ row: 2, col: 5, key: 'p' }], false), { clear: false, before: '', after: '' });
  // Another slide: the image deleted, the cells cleared with the screen.
  assert.deepEqual(layer.frame([], false), { clear: true, before: '<delete>', after: '' });
  layer.frame([{ row: 0, col: 0, key: 'p' }], false);
  assert.equal(layer.release(), '<delete>');
  assert.equal(layer.release(), '');
});
