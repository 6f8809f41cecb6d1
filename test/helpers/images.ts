/**
 * Tiny pictures made in the tests themselves: PNG (pngjs), JPEG (jpeg-js's
 * encoder) and GIF (omggif's writer), from a function giving each pixel.
 */
import { PNG } from 'pngjs';
import * as jpeg from 'jpeg-js';
import { GifWriter } from 'omggif';

export type Pixel = (x: number, y: number) => [number, number, number, number?];

function rgba(width: number, height: number, px: Pixel): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a = 255] = px(x, y);
      data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return data;
}

export function pngBytes(width: number, height: number, px: Pixel): Buffer {
  const png = new PNG({ width, height });
  rgba(width, height, px).copy(png.data);
  return PNG.sync.write(png);
}

export function jpegBytes(width: number, height: number, px: Pixel, quality = 95): Buffer {
  return jpeg.encode({ width, height, data: rgba(width, height, px) }, quality).data;
}

/** A GIF of one or more frames, each pixel an index into `palette` (0xRRGGBB, a power of two long). */
export function gifBytes(width: number, height: number, palette: number[], frames: ((x: number, y: number) => number)[]): Buffer {
  const buf = Buffer.alloc(1024 + width * height * frames.length * 2);
  const gif = new GifWriter(buf, width, height, { palette, loop: 0 });
  for (const f of frames) {
    const pixels: number[] = [];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.push(f(x, y));
    gif.addFrame(0, 0, width, height, pixels, { delay: 10 });
  }
  return buf.subarray(0, gif.end());
}

/** A PNG's bytes claiming another size in its header (the pixels are not there: only the header is read). */
export function pngClaiming(width: number, height: number): Buffer {
  const b = Buffer.from(pngBytes(1, 1, () => [0, 0, 0]));
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}
