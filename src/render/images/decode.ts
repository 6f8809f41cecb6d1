/**
 * Pictures from their bytes: the format recognised by its first bytes (never
 * by the file's name), the size read from the header before anything is
 * decoded (a picture larger than MAX_PIXELS is refused, not decoded), then
 * PNG (png.ts for the common kind, else pngjs), JPEG (jpeg-js, with its own memory limits) or GIF (omggif, the
 * first frame) decoded to RGBA. Pure: bytes in, pixels or a reason out.
 */
import { PNG } from 'pngjs';
import * as jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { decodeCommonPng } from './png.js';

export type ImageFormat = 'png' | 'jpeg' | 'gif';

/** Decoded pixels: 4 bytes (R, G, B, A) per pixel, row after row. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The largest picture decoded (pixels): 16 megapixels, about 64 MB once decoded. */
export const MAX_PIXELS = 16_000_000;

/** A picture, or one line that says why not. */
export type Decoded = { image: Rgba; format: ImageFormat } | { error: string };

/** The format the bytes are in, by their magic numbers; null when none of ours. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) {
    return 'png';
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61) {
    return 'gif';
  }
  return null;
}

/** The MIME type of a format (for data URIs). */
export function mimeType(format: ImageFormat): string {
  return `image/${format}`;
}

const be16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const be32 = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const le16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);

/** JPEG start-of-frame markers (baseline, progressive, lossless…), which hold the size. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Width and height from the header alone; null when the header is cut short or broken. */
export function headerSize(bytes: Uint8Array, format: ImageFormat): { width: number; height: number } | null {
  const b = bytes;
  if (format === 'png') {
    // The signature, then the IHDR chunk: length, "IHDR", width, height.
    if (b.length < 24 || b[12] !== 0x49 || b[13] !== 0x48 || b[14] !== 0x44 || b[15] !== 0x52) return null;
    return { width: be32(b, 16), height: be32(b, 20) };
  }
  if (format === 'gif') {
    if (b.length < 10) return null;
    return { width: le16(b, 6), height: le16(b, 8) };
  }
  // JPEG: walk the segments up to the first start-of-frame.
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = be16(b, i + 2);
    if (length < 2) return null;
    if (SOF.has(marker)) {
      if (i + 9 > b.length) return null;
      return { width: be16(b, i + 7), height: be16(b, i + 5) };
    }
    i += 2 + length;
  }
  return null;
}

/** Bytes to pixels, or why not: not a picture, too large, cut short or corrupt. */
export function decodeImage(bytes: Uint8Array, maxPixels: number = MAX_PIXELS): Decoded {
  const format = sniffFormat(bytes);
  if (!format) return { error: 'not an image (PNG, JPEG or GIF)' };
  const size = headerSize(bytes, format);
  if (!size) return { error: `not a readable ${format.toUpperCase()} (cut short or corrupt)` };
  if (size.width < 1 || size.height < 1) return { error: `not a readable ${format.toUpperCase()} (no pixels)` };
  if (size.width * size.height > maxPixels) {
    return { error: `too large (${size.width}×${size.height}; the limit is ${Math.round(maxPixels / 1e6)} megapixels)` };
  }
  try {
    const image = decodeAs(bytes, format, maxPixels);
    if (image.width !== size.width || image.height !== size.height || image.data.length < image.width * image.height * 4) {
      return { error: `not a readable ${format.toUpperCase()} (cut short or corrupt)` };
    }
    return { image, format };
  } catch {
    return { error: `not a readable ${format.toUpperCase()} (cut short or corrupt)` };
  }
}

function decodeAs(bytes: Uint8Array, format: ImageFormat, maxPixels: number): Rgba {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'png') {
    const common = decodeCommonPng(buf);
    if (common) return common;
    const png = PNG.sync.read(buf);
    return { width: png.width, height: png.height, data: png.data };
  }
  if (format === 'jpeg') {
    const j = jpeg.decode(buf, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: false,
      maxResolutionInMP: maxPixels / 1e6,
      maxMemoryUsageInMB: 256,
    });
    return { width: j.width, height: j.height, data: j.data };
  }
  const gif = new GifReader(buf);
  const data = new Uint8Array(gif.width * gif.height * 4);
  gif.decodeAndBlitFrameRGBA(0, data);
  return { width: gif.width, height: gif.height, data };
}

/** A picture as PNG file bytes (for iTerm2's inline images and the HTML handout). */
export function pngOf(img: Rgba): Buffer {
  const png = new PNG({ width: img.width, height: img.height });
  Buffer.from(img.data.buffer, img.data.byteOffset, img.width * img.height * 4).copy(png.data);
  return PNG.sync.write(png);
}
