import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeImage, headerSize, sniffFormat, type Rgba } from '../../src/render/images/decode.js';
import { fitImage, fitSize, scaleImage } from '../../src/render/images/scale.js';
import { ansi256, halfBlockLines } from '../../src/render/images/blocks.js';
import { imageLabel, imagesIn, isRemote } from '../../src/render/images/refs.js';
import { placePictures } from '../../src/render/images/place.js';
import { PNG } from 'pngjs';
import { decodeCommonPng } from '../../src/render/images/png.js';
import { gifBytes, jpegBytes, pngBytes, pngClaiming } from '../helpers/images.js';

const red: [number, number, number] = [255, 0, 0];
const blue: [number, number, number] = [0, 0, 255];

function decoded(bytes: Uint8Array): Rgba {
  const d = decodeImage(bytes);
  if ('error' in d) assert.fail(d.error);
  return d.image;
}

const pixel = (img: Rgba, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];

test('formats are recognised by their bytes, not their names', () => {
  assert.equal(sniffFormat(pngBytes(2, 2, () => red)), 'png');
  assert.equal(sniffFormat(jpegBytes(8, 8, () => red)), 'jpeg');
  assert.equal(sniffFormat(gifBytes(2, 2, [0xff0000, 0x0000ff], [() => 0])), 'gif');
  assert.equal(sniffFormat(Buffer.from('# not a picture\n')), null);
  assert.equal(sniffFormat(Buffer.alloc(0)), null);
  assert.deepEqual(decodeImage(Buffer.from('GIF8')), { error: 'not an image (PNG, JPEG or GIF)' });
});

test('PNG decodes to its pixels, transparency included', () => {
  const img = decoded(pngBytes(3, 2, (x, y) => (x === 0 ? [...red, 255] : y === 1 ? [0, 0, 255, 0] : [...blue, 255])));
  assert.equal(img.width, 3);
  assert.equal(img.height, 2);
  assert.deepEqual(pixel(img, 0, 0), [255, 0, 0, 255]);
  assert.deepEqual(pixel(img, 2, 0), [0, 0, 255, 255]);
  assert.equal(pixel(img, 2, 1)[3], 0);
});

test('JPEG decodes to about its colours', () => {
  const img = decoded(jpegBytes(16, 8, (x) => (x < 8 ? red : blue)));
  assert.deepEqual([img.width, img.height], [16, 8]);
  const [r, g, b] = pixel(img, 2, 2);
  assert.ok(r > 200 && g < 60 && b < 60, `red, got ${r},${g},${b}`);
  const [r2, , b2] = pixel(img, 13, 5);
  assert.ok(b2 > 200 && r2 < 60, `blue, got ${r2},${b2}`);
});

test('a GIF shows its first frame', () => {
  const img = decoded(gifBytes(4, 4, [0xff0000, 0x0000ff], [() => 0, () => 1]));
  assert.deepEqual([img.width, img.height], [4, 4]);
  assert.deepEqual(pixel(img, 3, 3), [255, 0, 0, 255]);
});

test('a 1×1 picture decodes, fits and draws as one cell', () => {
  const img = decoded(pngBytes(1, 1, () => [10, 20, 30]));
  assert.deepEqual(fitSize(1, 1, 80, 20), { width: 1, height: 1 });
  assert.deepEqual(halfBlockLines(fitImage(img, 80, 20), 3), ['\u001b[38;2;10;20;30m▀\u001b[0m']);
});

test('pictures larger than the limit are refused from their header, before decoding', () => {
  const huge = pngClaiming(5000, 5000);
  assert.deepEqual(headerSize(huge, 'png'), { width: 5000, height: 5000 });
  const d = decodeImage(huge);
  assert.ok('error' in d && /too large \(5000×5000/.test(d.error), JSON.stringify(d));
  // A JPEG whose start-of-frame claims 5000×5000.
  const jpg = Buffer.from(jpegBytes(8, 8, () => red));
  const sof = jpg.indexOf(Buffer.from([0xff, 0xc0]));
  jpg.writeUInt16BE(5000, sof + 5);
  jpg.writeUInt16BE(5000, sof + 7);
  const dj = decodeImage(jpg);
  assert.ok('error' in dj && /too large/.test(dj.error), JSON.stringify(dj));
});

test('truncated and corrupt files are reported, never thrown', () => {
  for (const bytes of [pngBytes(20, 20, (x) => [x * 10, 0, 0]), jpegBytes(32, 32, (x) => [x * 8, 0, 0]), gifBytes(8, 8, [0, 0xffffff], [(x) => x % 2])]) {
    for (const cut of [6, 12, 30, Math.floor(bytes.length / 2), bytes.length - 3]) {
      const d = decodeImage(bytes.subarray(0, cut));
      assert.ok('error' in d, `cut at ${cut} of ${sniffFormat(bytes)} decoded`);
    }
    const corrupt = Buffer.from(bytes);
    corrupt.fill(0xff, 40, Math.min(corrupt.length - 2, 120));
    const d = decodeImage(corrupt);
    if (!('error' in d)) assert.equal(d.image.data.length, d.image.width * d.image.height * 4);
  }
});

test('fitting keeps the shape and never enlarges', () => {
  // A cell is one pixel across and two down: a square picture in 80×20 cells is at most 40 rows of pixels high.
  assert.deepEqual(fitSize(1000, 1000, 80, 20), { width: 40, height: 40 });
  assert.deepEqual(fitSize(1000, 250, 80, 20), { width: 80, height: 20 });
  assert.deepEqual(fitSize(30, 10, 80, 20), { width: 30, height: 10 });
  assert.deepEqual(fitSize(7, 1001, 80, 20), { width: 1, height: 40 });
  assert.deepEqual(fitSize(5000, 3, 80, 20), { width: 80, height: 1 });
});

test('area averaging: each new pixel is the mean of what it covers, odd sizes too', () => {
  const src = decoded(pngBytes(4, 2, (x) => (x < 2 ? [200, 0, 0] : [0, 0, 100])));
  const two = scaleImage(src, 2, 1);
  assert.deepEqual(pixel(two, 0, 0), [200, 0, 0, 255]);
  assert.deepEqual(pixel(two, 1, 0), [0, 0, 100, 255]);
  const one = scaleImage(src, 1, 1);
  assert.deepEqual(pixel(one, 0, 0), [100, 0, 50, 255]);
  const odd = scaleImage(decoded(pngBytes(7, 5, (x, y) => [x * 30, y * 50, 0])), 3, 2);
  assert.deepEqual([odd.width, odd.height, odd.data.length], [3, 2, 24]);
  // Transparent pixels do not darken their neighbours.
  const half = scaleImage(decoded(pngBytes(2, 1, (x) => (x ? [0, 0, 0, 0] : [200, 100, 50, 255]))), 1, 1);
  assert.deepEqual(pixel(half, 0, 0), [200, 100, 50, 128]);
});

test('half blocks: upper pixel in the foreground, lower in the background, at each colour level', () => {
  const img = decoded(pngBytes(2, 3, (x, y) => (y === 0 ? red : y === 1 ? blue : x ? [0, 0, 0, 0] : [0, 255, 0])));
  assert.deepEqual(halfBlockLines(img, 3), [
    '\u001b[38;2;255;0;0;48;2;0;0;255m▀▀\u001b[0m',
    '\u001b[38;2;0;255;0m▀ \u001b[0m',
  ]);
  assert.deepEqual(halfBlockLines(img, 2)[0], '\u001b[38;5;196;48;5;21m▀▀\u001b[0m');
  assert.deepEqual(halfBlockLines(img, 1)[0], '\u001b[91;44m▀▀\u001b[0m');
  assert.equal(ansi256(128, 128, 128), 244);
  // Only the lower pixel shows: a lower half block in its colour.
  assert.deepEqual(halfBlockLines(decoded(pngBytes(1, 2, (_, y) => (y ? red : [0, 0, 0, 0]))), 3), ['\u001b[38;2;255;0;0m▄\u001b[0m']);
});

test('pictures in a slide: found in the Markdown, named by alt text and file', () => {
  assert.deepEqual(imagesIn('# T\n\n![A map](map.png)\n\n- ![](icon.gif) item\n\n`![not](code.png)`'), [
    { alt: 'A map', href: 'map.png' },
    { alt: '', href: 'icon.gif' },
  ]);
  assert.equal(imageLabel('A map', 'map.png'), '[image: A map (map.png)]');
  assert.equal(imageLabel('Map of the Mekong', 'map.png', 'not found'), '[image: Map of the Mekong (map.png): not found]');
  assert.equal(isRemote('https://example.org/a.png'), true);
  assert.equal(isRemote('pics/a.png'), false);
});

test('a picture takes the rows its slide leaves free, in place of its label', () => {
  const lines = ['Title', '', '[image: A (a.png)]', '', 'after'];
  const asked: [number, number][] = [];
  const placed = placePictures(lines, [{ alt: 'A', href: 'a.png' }], 10, 10, (_r, cols, rows) => {
    asked.push([cols, rows]);
    return { kind: 'lines', lines: ['▀▀▀▀', '▀▀▀▀'] };
  });
  assert.deepEqual(asked, [[10, 6]]);
  assert.deepEqual(placed.lines, ['Title', '', '   ▀▀▀▀', '   ▀▀▀▀', '', 'after']);
  const failed = placePictures(lines, [{ alt: 'A', href: 'a.png' }], 10, 10, () => ({ kind: 'failed', reason: 'not found' }));
  assert.equal(failed.lines[2], '[image: A (a.png): not found]');
  // No room: the label stays.
  const tight = placePictures(lines, [{ alt: 'A', href: 'a.png' }], 10, 5, () => assert.fail('asked without room'));
  assert.deepEqual(tight.lines, lines);
});

test('common PNGs (8-bit RGB and RGBA) decode as pngjs decodes them, for every row filter', () => {
  for (const colorType of [2, 6] as const) {
    for (const filterType of [0, 1, 2, 3, 4]) {
      const width = 13;
      const height = 7;
      const png = new PNG({ width, height });
      for (let i = 0; i < width * height; i++) {
        png.data.set([(i * 37) & 255, (i * 91 + 7) & 255, (i * 13) & 255, colorType === 6 ? (i * 53) & 255 : 255], i * 4);
      }
      const bytes = PNG.sync.write(png, { colorType, filterType, inputHasAlpha: true });
      const fast = decodeCommonPng(bytes);
      assert.ok(fast, `colour type ${colorType} is decoded directly`);
      assert.deepEqual(Buffer.from(fast.data), PNG.sync.read(bytes).data, `colour type ${colorType}, filter ${filterType}`);
      assert.throws(() => decodeCommonPng(bytes.subarray(0, bytes.length - 20)));
    }
  }
  // Other kinds are left to pngjs: grey, 16 bits per channel.
  const grey = PNG.sync.write(Object.assign(new PNG({ width: 2, height: 2 }), {}), { colorType: 0 });
  assert.equal(decodeCommonPng(grey), null);
  const deep = PNG.sync.write(new PNG({ width: 2, height: 2 }), { bitDepth: 16, colorType: 6, inputHasAlpha: true });
  assert.equal(decodeCommonPng(deep), null);
  const d = decodeImage(deep);
  assert.ok(!('error' in d) && d.image.width === 2);
});
