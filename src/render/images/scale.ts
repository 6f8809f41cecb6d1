/**
 * Fitting a picture to an area of the screen: the size it gets (aspect ratio
 * kept, never enlarged), and the pixels at that size by area averaging, each
 * new pixel the mean of the source pixels it covers (colour weighted by
 * opacity, so transparent pixels do not darken their neighbours). Pure.
 */
import type { Rgba } from './decode.js';

/**
 * The pixel size a picture gets in an area of `cols` × `rows` cells, where a
 * cell shows one pixel across and `pixelsPerRow` down (2 with half blocks):
 * as large as fits, keeping its shape, never larger than it is.
 */
export function fitSize(
  width: number,
  height: number,
  cols: number,
  rows: number,
  pixelsPerRow = 2,
): { width: number; height: number } {
  const maxW = Math.max(1, cols);
  const maxH = Math.max(1, rows * pixelsPerRow);
  const scale = Math.min(1, maxW / width, maxH / height);
  return {
    width: Math.max(1, Math.min(maxW, Math.round(width * scale))),
    height: Math.max(1, Math.min(maxH, Math.round(height * scale))),
  };
}

/** The picture at `width` × `height` pixels (smaller or equal), each pixel the mean of the area it covers. */
export function scaleImage(src: Rgba, width: number, height: number): Rgba {
  const w = Math.max(1, Math.min(width, src.width));
  const h = Math.max(1, Math.min(height, src.height));
  if (w === src.width && h === src.height) return src;
  const out = new Uint8Array(w * h * 4);
  const xs = bounds(src.width, w);
  const ys = bounds(src.height, h);
  const d = src.data;
  for (let ty = 0; ty < h; ty++) {
    const y0 = ys[ty];
    const y1 = ys[ty + 1];
    for (let tx = 0; tx < w; tx++) {
      const x0 = xs[tx];
      const x1 = xs[tx + 1];
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let y = y0; y < y1; y++) {
        let i = (y * src.width + x0) * 4;
        for (let x = x0; x < x1; x++, i += 4) {
          const alpha = d[i + 3];
          r += d[i] * alpha;
          g += d[i + 1] * alpha;
          b += d[i + 2] * alpha;
          a += alpha;
        }
      }
      const o = (ty * w + tx) * 4;
      const n = (y1 - y0) * (x1 - x0);
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round(a / n);
    }
  }
  return { width: w, height: h, data: out };
}

/** Where each of `n` target pixels starts in a line of `size` source pixels (n + 1 entries, each span ≥ 1). */
function bounds(size: number, n: number): Int32Array {
  const out = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) out[i] = Math.floor((i * size) / n);
  for (let i = 1; i <= n; i++) if (out[i] <= out[i - 1]) out[i] = Math.min(size, out[i - 1] + 1);
  return out;
}

/** A picture fitted to `cols` × `rows` cells (see fitSize) and scaled to that size. */
export function fitImage(src: Rgba, cols: number, rows: number, pixelsPerRow = 2): Rgba {
  const size = fitSize(src.width, src.height, cols, rows, pixelsPerRow);
  return scaleImage(src, size.width, size.height);
}
