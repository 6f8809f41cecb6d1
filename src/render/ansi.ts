import { eastAsianWidth } from 'get-east-asian-width';
import { SIMPLE_TEXT } from './simple-text.js';

/** The one description of the styles (SGR sequences) the renderer writes: `ESC [ … m`. */
export const SGR_SOURCE = '\\u001b\\[[0-9;]*m';

/** Every SGR sequence in a string (a global expression: use it with replace or matchAll). */
export const SGR = new RegExp(SGR_SOURCE, 'g');

/** A line without its styles. */
export function stripSgr(s: string): string {
  return s.replace(SGR, '');
}

/**
 * Display width: the columns a terminal gives a string, counted per code
 * point as terminals draw it (wcwidth, as xterm, VTE, xterm.js and tmux do),
 * not per grapheme cluster. East Asian Wide and Fullwidth characters take 2
 * (emoji with emoji presentation among them); combining marks (Mn, Me),
 * format characters (Cf: ZWJ, ZWNJ, zero-width space, soft hyphen…),
 * variation selectors, control characters and the medial and final Hangul
 * jamo take 0; everything else takes 1, spacing marks (Mc) included. So a
 * Khmer word such as `កម្ពុជា` is 5 columns (its 4 clusters hold 5 code
 * points of non-zero width), `❤️` is 1 (the selector adds nothing), and an
 * emoji ZWJ sequence is the sum of its emoji (👨‍👩‍👧 is 6): what xterm and VTE
 * draw; terminals that draw it in 2 (tmux 3.3, kitty) end the line earlier,
 * and lose nothing. Escape sequences (SGR, OSC 8 links) take nothing.
 *
 * Everything in the program measures with this one: the renderer, and Ink,
 * wrap-ansi and cli-table3 in the bundle (scripts/build.mjs resolves their
 * `string-width` here).
 */
export function displayWidth(s: string): number {
  if (SIMPLE_TEXT.test(s)) return s.length;
  const text = s.includes('\u001b') || s.includes('\u009b') ? s.replace(ESCAPES, '') : s;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x300) {
      width += (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c !== 0xad) ? 1 : 0;
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    width += codePointWidth(c);
  }
  return width;
}

/** Every escape sequence: CSI (SGR among them), OSC (links) and two-character escapes. */
const ESCAPES =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;

/** Code points a terminal gives no column (see displayWidth). */
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u1160-\u11ff\ud7b0-\ud7ff]$/u;

/** Widths of the basic plane, worked out on first sight (-1: not yet). */
let basic: Int8Array | undefined;

/** Columns of one code point: 0, 1 or 2. */
export function codePointWidth(c: number): number {
  if (c < 0x10000) {
    basic ??= new Int8Array(0x10000).fill(-1);
    let w = basic[c];
    if (w < 0) basic[c] = w = widthOf(c);
    return w;
  }
  return widthOf(c);
}

function widthOf(c: number): number {
  if (ZERO.test(String.fromCodePoint(c))) return 0;
  return eastAsianWidth(c);
}
