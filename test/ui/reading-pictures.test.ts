/**
 * The reading view's pictures: the document keeps the same room for each
 * picture whether or not it is ready, and the screen draws it there, in part
 * when the document is scrolled past its top; only pictures on the screen are
 * asked for.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeck } from '../../src/deck/parse.js';
import { RenderCache } from '../../src/render/cache.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { makeTheme } from '../../src/render/theme.js';
import type { Picture } from '../../src/render/images/place.js';
import { imagesIn, type ImageRef } from '../../src/render/images/refs.js';
import type { Slide } from '../../src/deck/types.js';
import { readingLines } from '../../src/ui/reading-pictures.js';
import type { SlidePictures } from '../../src/ui/pictures.js';

const theme = makeTheme(0);
const deck = parseDeck('# One\n\n![Map](map.png)\n\nAfter the map\n\n---\n\n# Two\n\n![Flag](flag.png)\n\nEnd\n');

/** Pictures of `rows` lines `P0`, `P1`…, ready or not; the ones asked for are noted. */
function pictures(ready: boolean, asked: string[]): SlidePictures {
  return {
    refs: (slide: Slide) => imagesIn(slide.body),
    lookup: () => (ref: ImageRef, cols: number, rows: number): Picture => {
      asked.push(`${ref.href} ${cols}x${rows}`);
      return ready ? { kind: 'lines', lines: Array.from({ length: rows }, (_, r) => `P${r}`) } : { kind: 'pending' };
    },
  };
}

test('the reading document keeps room for each picture only when pictures are drawn', () => {
  const md = createMarkdownRenderer(theme);
  const plain = new RenderCache(deck, md, theme).reading(40, 5).lines;
  const drawn = new RenderCache(deck, md, theme, true).reading(40, 5).lines;
  assert.equal(drawn.length, plain.length + 2 * 4);
  const at = drawn.indexOf('[image: Map (map.png)]');
  assert.deepEqual(drawn.slice(at, at + 6), ['[image: Map (map.png)]', '', '', '', '', '']);
  assert.equal(drawn[at + 6], 'After the map');
});

test('a ready picture is drawn over its room, in part at the top; one not ready stays its label; only those on the screen are asked for', () => {
  const cache = new RenderCache(deck, createMarkdownRenderer(theme), theme, true);
  const doc = cache.reading(40, 4);
  const map = doc.lines.indexOf('[image: Map (map.png)]');
  const flag = doc.lines.indexOf('[image: Flag (flag.png)]');
  const asked: string[] = [];
  const shown = readingLines(doc, map, 6, deck, 40, 4, theme, pictures(true, asked));
  // Two columns wide, centred in 40: 19 spaces; the text after it where it was.
  const pad = ' '.repeat(19);
  assert.deepEqual(shown, [pad + 'P0', pad + 'P1', pad + 'P2', pad + 'P3', '', 'After the map']);
  assert.deepEqual(asked, ['map.png 40x4']);
  // Scrolled two lines past the picture's top: its lower half.
  assert.deepEqual(readingLines(doc, map + 2, 2, deck, 40, 4, theme, pictures(true, [])), [pad + 'P2', pad + 'P3']);
  const pending: string[] = [];
  assert.deepEqual(readingLines(doc, flag, 4, deck, 40, 4, theme, pictures(false, pending)), ['[image: Flag (flag.png)]', '', '', '']);
  assert.deepEqual(pending, ['flag.png 40x4']);
  // Without pictures, the document as it is.
  assert.deepEqual(readingLines(doc, map, 3, deck, 40, 4, theme), doc.lines.slice(map, map + 3));
});
