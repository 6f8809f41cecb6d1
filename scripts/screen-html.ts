/**
 * A terminal emulator's screen (@xterm/headless) as an HTML page: every cell
 * with its colours (16, 256 and truecolor, inverse, dim) and bold, italic,
 * underline and strike-through, wide characters two cells wide. Used by
 * scripts/screenshot.ts to make the README's pictures of real screens.
 */
import type { IBufferCell, Terminal } from '@xterm/headless';
import { ansi256Rgb } from '../src/render/palette.js';

/** The terminal's own colours: its background, text and 16 ANSI colours. */
export interface Palette {
	background: string;
	foreground: string;
	/** Black, red, green, yellow, blue, magenta, cyan, white, then the bright ones. */
	ansi: readonly string[];
}

/** A dark terminal (the colours of a common dark profile). */
export const DARK: Palette = {
	background: '#1e1e1e',
	foreground: '#d4d4d4',
	ansi: [
		'#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
		'#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff',
	],
};

/** A light terminal on white. */
export const LIGHT: Palette = {
	background: '#ffffff',
	foreground: '#1f1f1f',
	ansi: [
		'#000000', '#cd3131', '#00bc00', '#949800', '#0451a5', '#bc05bc', '#0598bc', '#555555',
		'#666666', '#cd3131', '#14ce14', '#b5ba00', '#0451a5', '#bc05bc', '#0598bc', '#a5a5a5',
	],
};

const hex2 = (n: number) => n.toString(16).padStart(2, '0');
const rgb = (r: number, g: number, b: number) => `#${hex2(r)}${hex2(g)}${hex2(b)}`;

/** Colour n of the 256-colour palette: the 16 of the terminal, the 6×6×6 cube, 24 greys. */
export function color256(n: number, palette: Palette): string {
	return n < 16 ? palette.ansi[n] : rgb(...ansi256Rgb(n));
}

/** Half-way between two #rrggbb colours (how dim text is drawn). */
function mix(a: string, b: string): string {
	const part = (c: string, i: number) => parseInt(c.slice(1 + 2 * i, 3 + 2 * i), 16);
	return rgb(
		...([0, 1, 2].map((i) => Math.round((part(a, i) + part(b, i)) / 2)) as [number, number, number]),
	);
}

type CellAttrs = Pick<
	IBufferCell,
	| 'isFgRGB' | 'isFgPalette' | 'isFgDefault' | 'getFgColor'
	| 'isBgRGB' | 'isBgPalette' | 'isBgDefault' | 'getBgColor'
	| 'isBold' | 'isItalic' | 'isDim' | 'isUnderline' | 'isInverse' | 'isInvisible' | 'isStrikethrough'
>;

function fgOf(cell: CellAttrs, palette: Palette): string | undefined {
	if (cell.isFgRGB()) return `#${cell.getFgColor().toString(16).padStart(6, '0')}`;
	if (cell.isFgPalette()) return color256(cell.getFgColor(), palette);
	return undefined;
}

function bgOf(cell: CellAttrs, palette: Palette): string | undefined {
	if (cell.isBgRGB()) return `#${cell.getBgColor().toString(16).padStart(6, '0')}`;
	if (cell.isBgPalette()) return color256(cell.getBgColor(), palette);
	return undefined;
}

/** The CSS of one cell ('' for plain text in the terminal's colours). */
export function cellStyle(cell: CellAttrs, palette: Palette): string {
	let fg = fgOf(cell, palette);
	let bg = bgOf(cell, palette);
	if (cell.isInverse()) {
		[fg, bg] = [bg ?? palette.background, fg ?? palette.foreground];
	}
	if (cell.isDim()) fg = mix(fg ?? palette.foreground, bg ?? palette.background);
	if (cell.isInvisible()) fg = bg ?? palette.background;
	const css: string[] = [];
	if (fg !== undefined) css.push(`color:${fg}`);
	if (bg !== undefined) css.push(`background:${bg}`);
	if (cell.isBold()) css.push('font-weight:bold');
	if (cell.isItalic()) css.push('font-style:italic');
	const lines = [cell.isUnderline() ? 'underline' : '', cell.isStrikethrough() ? 'line-through' : ''];
	if (lines.some((l) => l)) css.push(`text-decoration:${lines.filter((l) => l).join(' ')}`);
	return css.join(';');
}

/** Block elements, drawn as backgrounds: a colour or a gradient of foreground and background. */
const BLOCKS: Record<string, (fg: string, bg: string) => string> = {
	'█': (fg) => fg,
	'▀': (fg, bg) => `linear-gradient(${fg} 50%, ${bg} 50%)`,
	'▄': (fg, bg) => `linear-gradient(${bg} 50%, ${fg} 50%)`,
	'▌': (fg, bg) => `linear-gradient(to right, ${fg} 50%, ${bg} 50%)`,
	'▐': (fg, bg) => `linear-gradient(to right, ${bg} 50%, ${fg} 50%)`,
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The visible screen as rows of HTML: runs of one style in one span, wide characters 2ch wide. */
export function screenRows(term: Terminal, palette: Palette): string[] {
	const buffer = term.buffer.active;
	const rows: string[] = [];
	const cell = buffer.getNullCell();
	for (let y = buffer.viewportY; y < buffer.viewportY + term.rows; y++) {
		const line = buffer.getLine(y);
		let html = '';
		let run = '';
		let runStyle = '';
		const flush = () => {
			if (run === '') return;
			html += runStyle === '' ? escapeHtml(run) : `<span style="${runStyle}">${escapeHtml(run)}</span>`;
			run = '';
		};
		for (let x = 0; x < term.cols; x++) {
			if (!line?.getCell(x, cell)) break;
			const width = cell.getWidth();
			if (width === 0) continue; // the second half of a wide character
			let style = cellStyle(cell, palette);
			let chars = cell.getChars() || ' ';
			const block = BLOCKS[chars];
			if (block !== undefined) {
				// Drawn as the cell's background, so neighbouring blocks meet without seams.
				const fg = /color:(#\w+)/.exec(style)?.[1] ?? palette.foreground;
				const bg = /background:(#\w+)/.exec(style)?.[1] ?? palette.background;
				style = `background:${block(fg, bg)}`;
				chars = ' ';
			}
			if (width === 2) {
				flush();
				const wide = `display:inline-block;width:2ch;text-align:center${style ? `;${style}` : ''}`;
				html += `<span style="${wide}">${escapeHtml(chars)}</span>`;
				continue;
			}
			if (style !== runStyle) flush();
			runStyle = style;
			run += chars;
		}
		flush();
		rows.push(html);
	}
	return rows;
}

export interface PageOptions {
	palette: Palette;
	/** CSS pixels. */
	fontSize?: number;
}

/** A page showing the screen as a terminal window would: `#screen` is exactly the terminal. */
export function screenPage(term: Terminal, { palette, fontSize = 12 }: PageOptions): string {
	// The height of DejaVu Sans Mono's box-drawing glyphs, so that lines meet from row to row.
	const rowHeight = Math.round(fontSize * 1.164);
	const rows = screenRows(term, palette).map((r) => `<div class="row">${r}</div>`);
	return `<!doctype html>
<html><head><meta charset="utf-8"><style>
html, body { margin: 0; background: ${palette.background}; }
#screen {
  display: inline-block; padding: 8px 10px;
  background: ${palette.background}; color: ${palette.foreground};
  font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: ${fontSize}px;
  font-variant-ligatures: none;
}
.row { white-space: pre; height: ${rowHeight}px; line-height: ${rowHeight}px; width: ${term.cols}ch; overflow: hidden; }
.row span { display: inline-block; height: 100%; vertical-align: top; }
</style></head><body><div id="screen">
${rows.join('\n')}
</div></body></html>
`;
}
