/**
 * Colour arithmetic for themes (pure): `#rrggbb` colours, WCAG relative
 * luminance and contrast, a terminal's background colour as it reports it
 * (OSC 11) or advertises it (COLORFGBG), and what a role's style turns into
 * at a colour level.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export type Rgb = readonly [r: number, g: number, b: number];
export type ColorLevel = 0 | 1 | 2 | 3;
export type Style = (text: string) => string;

/** The 16 colours every terminal has, by chalk's names: the fallback at colour level 1. */
export type Ansi16 =
  | 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white'
  | 'blackBright' | 'redBright' | 'greenBright' | 'yellowBright' | 'blueBright' | 'magentaBright' | 'cyanBright' | 'whiteBright';

/** A role's look: colours as `#rrggbb` (with their 16-colour stand-ins) and text attributes. */
export interface RoleStyle {
  fg?: string;
  bg?: string;
  /** The 16-colour stand-in; `default` leaves the terminal's own colour. */
  fg16?: Ansi16 | 'default';
  bg16?: Ansi16;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  dim?: boolean;
  strikethrough?: boolean;
  reverse?: boolean;
}

export const ATTRIBUTES = ['bold', 'italic', 'underline', 'dim', 'strikethrough', 'reverse'] as const;

/** `#rrggbb` or `#rgb` as numbers; undefined for anything else. */
export function parseHex(text: string): Rgb | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return undefined;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A background is light when dark text stands out more on it than light text does. */
export function isLight(bg: Rgb): boolean {
  return contrast(bg, [0, 0, 0]) > contrast(bg, [255, 255, 255]);
}

/**
 * The colour in a terminal's answer to OSC 11 (`ESC ] 11 ; rgb:ffff/ffff/ffff BEL`):
 * `rgb:` with 1 to 4 hex digits a channel (`rgba:` too), or `#rrggbb`.
 */
export function parseOscColor(text: string): Rgb | undefined {
  const m = /^rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})/i.exec(text.trim());
  if (!m) return parseHex(text);
  return [m[1], m[2], m[3]].map((h) => Math.round((parseInt(h, 16) / (16 ** h.length - 1)) * 255)) as unknown as Rgb;
}

/**
 * What COLORFGBG (`fg;bg` or `fg;other;bg`, set by rxvt, Konsole, iTerm2…) says of
 * the background: colour 7 and 9 to 15 are light, the others dark; undefined when
 * it is absent or says nothing usable.
 */
export function colorfgbgBackground(value: string | undefined): 'light' | 'dark' | undefined {
  const last = value?.split(';').pop()?.trim();
  if (!last || !/^\d+$/.test(last)) return undefined;
  const n = Number(last);
  return n === 7 || (n >= 9 && n <= 15) ? 'light' : 'dark';
}

/**
 * A role's style as a function at a colour level. Colours are written as
 * 24-bit at level 3, the nearest of 256 at level 2 and the 16-colour stand-in
 * (or the nearest of 16) at level 1. With `structure`, the attributes (bold,
 * italic…) are written even at level 0 (NO_COLOR drops colour, not structure);
 * without it and at level 0, text comes back as it is.
 */
export function roleStyle(spec: RoleStyle, level: ColorLevel, structure: boolean): Style {
  if (level === 0 && !structure) return (s) => s;
  let c: ChalkInstance = new Chalk({ level: level === 0 ? 1 : level });
  for (const a of ATTRIBUTES) if (spec[a]) c = c[a === 'reverse' ? 'inverse' : a];
  const fg = level > 0 && spec.fg && !(level === 1 && spec.fg16 === 'default') ? spec.fg : undefined;
  const bg = level > 0 ? spec.bg : undefined;
  if (fg) c = level === 1 && spec.fg16 ? c[spec.fg16 as Ansi16] : level === 2 ? c.ansi256(ansi256(hex(fg))) : c.hex(fg);
  if (bg) c = level === 1 && spec.bg16 ? c[bgName(spec.bg16)] : level === 2 ? c.bgAnsi256(ansi256(hex(bg))) : c.bgHex(bg);
  const styled = c;
  const plain = !ATTRIBUTES.some((a) => spec[a]) && !fg && !bg;
  return plain ? (s) => s : (s) => styled(s);
}

const hex = (s: string): Rgb => parseHex(s) ?? [0, 0, 0];

/** The six levels of each channel in the xterm 256-colour cube (16 to 231). */
const CUBE = [0, 95, 135, 175, 215, 255];

/** The colour a 256-colour index stands for (16 to 255, xterm's palette). */
export function ansi256Rgb(n: number): Rgb {
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return [v, v, v];
  }
  const i = n - 16;
  return [CUBE[Math.floor(i / 36)], CUBE[Math.floor(i / 6) % 6], CUBE[i % 6]];
}

/** The nearest of xterm's 256 colours (the cube or the grey ramp; 16 to 255). */
export function ansi256(rgb: Rgb): number {
  const near = (v: number) => CUBE.reduce((best, c, i) => (Math.abs(c - v) < Math.abs(CUBE[best] - v) ? i : best), 0);
  const cube = 16 + 36 * near(rgb[0]) + 6 * near(rgb[1]) + near(rgb[2]);
  const mean = (rgb[0] + rgb[1] + rgb[2]) / 3;
  const grey = 232 + Math.max(0, Math.min(23, Math.round((mean - 8) / 10)));
  const dist = (n: number) => ansi256Rgb(n).reduce((sum, v, k) => sum + (v - rgb[k]) ** 2, 0);
  return dist(grey) < dist(cube) ? grey : cube;
}

function bgName(name: Ansi16): `bg${Capitalize<Ansi16>}` {
  return `bg${name[0].toUpperCase()}${name.slice(1)}` as `bg${Capitalize<Ansi16>}`;
}
