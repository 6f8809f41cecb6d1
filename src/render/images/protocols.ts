/**
 * Pictures as terminal graphics: the escape sequences of the kitty graphics
 * protocol, iTerm2's inline images and sixel, each drawing a picture at the
 * cursor over a box of cells. Pure: pixels in, one string out. Nothing here
 * loads a decoder: the kitty delete command is wanted before any picture is.
 */
import type { Rgba } from './decode.js';

const ESC = '\u001b';
const ST = `${ESC}\\`;

/** Base64 per kitty escape: the protocol's limit for one chunk. */
export const KITTY_CHUNK = 4096;

/**
 * kitty: transmit and display (a=T) raw RGBA (f=32) of `s`×`v` pixels, fitted by
 * the terminal to `cols`×`rows` cells, the cursor left where it was (C=1), no
 * replies (q=2); the data in chunks (kittyTransmit).
 */
export function kittySequence(img: Rgba, cols: number, rows: number): string {
  return kittyTransmit(img, `a=T,f=32,s=${img.width},v=${img.height},c=${cols},r=${rows},C=1,q=2`);
}

/**
 * kitty: `img`'s pixels as base64 in chunks of 4096 bytes (m=1 until the
 * last), the keys in `head` on the first.
 */
export function kittyTransmit(img: Rgba, head: string): string {
  const data = Buffer.from(img.data.buffer, img.data.byteOffset, img.width * img.height * 4).toString('base64');
  let out = '';
  for (let at = 0; at < data.length || at === 0; at += KITTY_CHUNK) {
    const chunk = data.slice(at, at + KITTY_CHUNK);
    const more = at + KITTY_CHUNK < data.length ? 1 : 0;
    out += `${ESC}_G${at === 0 ? `${head},` : ''}m=${more};${chunk}${ST}`;
  }
  return out;
}

/** kitty: delete every picture on the screen, and free their data (a=d, d=A). */
export const KITTY_DELETE_ALL = `${ESC}_Ga=d,d=A,q=2${ST}`;

/** iTerm2: OSC 1337 File, inline, sized in cells, shape kept; the picture as PNG bytes (decode.ts `pngOf`) in base64. */
export function iterm2Sequence(png: Buffer, cols: number, rows: number): string {
  return `${ESC}]1337;File=inline=1;size=${png.length};width=${cols};height=${rows};preserveAspectRatio=1:${png.toString('base64')}\u0007`;
}

/**
 * tmux (3.3 and later, with `allow-passthrough` on) hands a sequence wrapped
 * in its passthrough DCS to the terminal outside: `ESC P tmux;`, the sequence
 * with every ESC doubled, `ESC \`.
 */
export function tmuxPassthrough(sequence: string): string {
  return `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ST}`;
}

/** Below this opacity a pixel is left out (the background shows through). */
const OPAQUE = 128;
/** The sixel palette: a 6×6×6 colour cube. */
const LEVELS = 6;

const q = (v: number) => Math.round((v * (LEVELS - 1)) / 255);

/**
 * sixel: DCS q with transparent background (P2=1), the picture's size, a
 * palette of the colours it uses (the 6×6×6 cube, in percent), then bands six
 * pixels high, one run of each colour per band (`$` back to the band's start,
 * `-` to the next band), repeats run-length coded (`!n`).
 */
export function sixelSequence(img: Rgba): string {
  const { width, height, data } = img;
  const index = new Int16Array(width * height).fill(-1);
  const used = new Set<number>();
  for (let p = 0; p < width * height; p++) {
    if (data[p * 4 + 3] < OPAQUE) continue;
    const c = q(data[p * 4]) * 36 + q(data[p * 4 + 1]) * 6 + q(data[p * 4 + 2]);
    index[p] = c;
    used.add(c);
  }
  const colours = [...used].sort((a, b) => a - b);
  const pct = (n: number) => Math.round((n * 100) / (LEVELS - 1));
  let out = `${ESC}P0;1;0q"1;1;${width};${height}`;
  for (const c of colours) out += `#${c};2;${pct(Math.floor(c / 36))};${pct(Math.floor(c / 6) % 6)};${pct(c % 6)}`;
  for (let y = 0; y < height; y += 6) {
    const runs: string[] = [];
    for (const c of colours) {
      let row = '';
      let any = false;
      for (let x = 0; x < width; x++) {
        let bits = 0;
        for (let k = 0; k < 6 && y + k < height; k++) if (index[(y + k) * width + x] === c) bits |= 1 << k;
        if (bits) any = true;
        row += String.fromCharCode(63 + bits);
      }
      if (any) runs.push(`#${c}${runLength(row.replace(/\?+$/, ''))}`);
    }
    out += runs.join('$') + (y + 6 < height ? '-' : '');
  }
  return out + ST;
}

/** Repeats of a sixel character written `!n` + the character, when that is shorter. */
function runLength(row: string): string {
  return row.replace(/(.)\1{3,}/g, (run, ch: string) => `!${run.length}${ch}`);
}
