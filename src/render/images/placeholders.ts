/**
 * kitty's Unicode placeholders: a picture that is text. The image is sent
 * with a virtual placement (`U=1`) and drawn by cells of the character
 * U+10EEEE, each carrying its row and column as combining diacritics, in a
 * foreground colour that names the image. A multiplexer such as tmux keeps
 * such cells in its panes like any text, so the picture moves, scrolls and
 * clears with the screen. Pure: ids and sizes in, strings out.
 */
import { kittyTransmit } from './protocols.js';
import type { Rgba } from './decode.js';

const ESC = '\u001b';
const ST = `${ESC}\\`;

/** The placeholder character: one cell of a picture. */
export const PLACEHOLDER = '\u{10EEEE}';

/**
 * The diacritics for rows and columns 0, 1, 2…: kitty's rowcolumn-diacritics
 * list (combining marks of class 230 in Unicode 6.0 without decompositions,
 * a few that normalisation fuses left out), as code points and ranges.
 */
const TABLE =
  '0305 030D 030E 0310 0312 033D-033F 0346 034A-034C 0350-0352 0357 035B 0363-036F 0483-0487 0592-0595 0597-0599 ' +
  '059C-05A1 05A8 05A9 05AB 05AC 05AF 05C4 0610-0617 0657-065B 065D 065E 06D6-06DC 06DF-06E2 06E4 06E7 06E8 06EB 06EC ' +
  '0730 0732 0733 0735 0736 073A 073D 073F-0741 0743 0745 0747 0749 074A 07EB-07F1 07F3 0816-0819 081B-0823 0825-0827 ' +
  '0829-082D 0951 0953 0954 0F82 0F83 0F86 0F87 135D-135F 17DD 193A 1A17 1A75-1A7C 1B6B 1B6D-1B73 1CD0-1CD2 1CDA 1CDB ' +
  '1CE0 1DC0 1DC1 1DC3-1DC9 1DCB 1DCC 1DD1-1DE6 1DFE 20D0 20D1 20D4-20D7 20DB 20DC 20E1 20E7 20E9 20F0 2CEF-2CF1 ' +
  '2DE0-2DFF A66F A67C A67D A6F0 A6F1 A8E0-A8F1 AAB0 AAB2 AAB3 AAB7 AAB8 AABE AABF AAC1 FE20-FE26 10A0F 10A38 ' +
  '1D185-1D189 1D1AA-1D1AD 1D242-1D244';

/** The diacritic of each row or column number (297 of them). */
export const DIACRITICS: readonly string[] = TABLE.split(' ').flatMap((token) => {
  const [from, to = from] = token.split('-').map((h) => parseInt(h, 16));
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
});

/** The most rows or columns a picture drawn by placeholders can have. */
export const MAX_PLACEHOLDER_CELLS = DIACRITICS.length;

/**
 * Transmit `img` as image `id` with a virtual placement of `cols`×`rows`
 * cells (a=T, U=1), no replies (q=2), in chunks (kittyTransmit); drawn
 * only where placeholder cells name it.
 */
export function kittyVirtualSequence(img: Rgba, id: number, cols: number, rows: number): string {
  return kittyTransmit(img, `a=T,U=1,i=${id},f=32,s=${img.width},v=${img.height},c=${cols},r=${rows},q=2`);
}

/**
 * The foreground colour naming image `id`: 24-bit (`38;2;r;g;b`, the id's
 * three bytes) at colour level 3, else the 256-colour index (ids below 256).
 */
export function placeholderColour(id: number, level: number): string {
  return level >= 3 ? `${ESC}[38;2;${(id >> 16) & 255};${(id >> 8) & 255};${id & 255}m` : `${ESC}[38;5;${id & 255}m`;
}

/**
 * The picture's rows of text: each cell the placeholder with its row's and
 * its column's diacritics, the row in the image's colour, the colour reset
 * after it. At most MAX_PLACEHOLDER_CELLS rows and columns.
 */
export function placeholderRows(id: number, cols: number, rows: number, level: number): string[] {
  const colour = placeholderColour(id, level);
  const n = Math.min(rows, MAX_PLACEHOLDER_CELLS);
  const m = Math.min(cols, MAX_PLACEHOLDER_CELLS);
  return Array.from({ length: n }, (_, r) => {
    let row = colour;
    for (let c = 0; c < m; c++) row += PLACEHOLDER + DIACRITICS[r] + DIACRITICS[c];
    return `${row}${ESC}[39m`;
  });
}

/** Delete image `id`'s placements and free its data (a=d, d=I): its virtual placement too. */
export function kittyDeleteImage(id: number): string {
  return `${ESC}_Ga=d,d=I,i=${id},q=2${ST}`;
}
