/**
 * A picture drawn with text: Unicode half blocks, each cell two pixels (the
 * upper half in the foreground colour, the lower in the background), in
 * 24-bit colour, or the nearest of 256 or 16 colours on terminals that have
 * no more. Pure: pixels in, lines out.
 */
import type { Rgba } from './decode.js';

/** Colours a terminal shows: 1 = 16 colours, 2 = 256, 3 = 24-bit. */
export type BlockLevel = 1 | 2 | 3;

const UPPER = '▀';
const LOWER = '▄';
/** Below this opacity a pixel is left out (the terminal's own background shows). */
const OPAQUE = 128;

const CUBE = [0, 95, 135, 175, 215, 255];

function cubeIndex(v: number): number {
  return v < 48 ? 0 : v < 115 ? 1 : Math.min(5, Math.floor((v - 35) / 40));
}

/** The nearest of xterm's 256 colours (the 6×6×6 cube or the grey ramp). */
export function ansi256(r: number, g: number, b: number): number {
  const ri = cubeIndex(r);
  const gi = cubeIndex(g);
  const bi = cubeIndex(b);
  const cube = 16 + 36 * ri + 6 * gi + bi;
  const cubeDist = (CUBE[ri] - r) ** 2 + (CUBE[gi] - g) ** 2 + (CUBE[bi] - b) ** 2;
  const mean = (r + g + b) / 3;
  const grey = Math.max(0, Math.min(23, Math.round((mean - 8) / 10)));
  const level = 8 + grey * 10;
  const greyDist = (level - r) ** 2 + (level - g) ** 2 + (level - b) ** 2;
  return greyDist < cubeDist ? 232 + grey : cube;
}

/** The 16 basic colours as xterm draws them, by SGR offset (0–7 normal, 8–15 bright). */
const BASIC: [number, number, number][] = [
  [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
  [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

function basic16(r: number, g: number, b: number): number {
  let best = 0;
  let bestDist = Infinity;
  BASIC.forEach(([br, bg, bb], i) => {
    const d = (br - r) ** 2 + (bg - g) ** 2 + (bb - b) ** 2;
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  });
  return best;
}

/** SGR parameters for a colour as foreground or background, at a colour level. */
export function colourSgr(r: number, g: number, b: number, level: BlockLevel, background: boolean): string {
  if (level === 3) return `${background ? 48 : 38};2;${r};${g};${b}`;
  if (level === 2) return `${background ? 48 : 38};5;${ansi256(r, g, b)}`;
  const n = basic16(r, g, b);
  return String((n < 8 ? 30 : 82) + n + (background ? 10 : 0));
}

/** The picture as lines of half blocks, one line per two rows of pixels; each line ends with its colours reset. */
export function halfBlockLines(img: Rgba, level: BlockLevel): string[] {
  const { width, height, data } = img;
  const lines: string[] = [];
  const at = (x: number, y: number) => (y < height ? (y * width + x) * 4 : -1);
  for (let y = 0; y < height; y += 2) {
    let line = '';
    let fg = '';
    let bg = '';
    const set = (nextFg: string, nextBg: string) => {
      const parts: string[] = [];
      if (nextFg !== fg) parts.push(nextFg || '39');
      if (nextBg !== bg) parts.push(nextBg || '49');
      if (parts.length) line += `\u001b[${parts.join(';')}m`;
      fg = nextFg;
      bg = nextBg;
    };
    for (let x = 0; x < width; x++) {
      const t = at(x, y);
      const b = at(x, y + 1);
      const top = t >= 0 && data[t + 3] >= OPAQUE;
      const bottom = b >= 0 && data[b + 3] >= OPAQUE;
      const colour = (i: number, back: boolean) => colourSgr(data[i], data[i + 1], data[i + 2], level, back);
      if (top && bottom) {
        set(colour(t, false), colour(b, true));
        line += UPPER;
      } else if (top) {
        set(colour(t, false), '');
        line += UPPER;
      } else if (bottom) {
        set(colour(b, false), '');
        line += LOWER;
      } else {
        set(fg, '');
        line += ' ';
      }
    }
    lines.push(line + '\u001b[0m');
  }
  return lines;
}
