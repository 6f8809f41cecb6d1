// The cell-to-HTML conversion behind the README's pictures (scripts/screen-html.ts):
// each cell's colours and attributes, as a terminal emulator laid them out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import xtermHeadless from '@xterm/headless';
import { DARK, LIGHT, color256, screenPage, screenRows } from '../../scripts/screen-html.js';

const { Terminal } = xtermHeadless;

/** The first row of a 20×2 emulator after `data` was written to it. */
async function firstRow(data: string, palette = DARK): Promise<string> {
	const term = new Terminal({ cols: 20, rows: 2, allowProposedApi: true });
	try {
		await new Promise<void>((resolve) => term.write(data, resolve));
		return screenRows(term, palette)[0];
	} finally {
		term.dispose();
	}
}

test('a bold red cell is bold in the palette red; plain text carries no style', async () => {
	assert.equal(await firstRow('\x1b[1;31mA\x1b[0mb'), `<span style="color:${DARK.ansi[1]};font-weight:bold">A</span>b${' '.repeat(18)}`);
});

test('256-colour and truecolor foregrounds and backgrounds', async () => {
	const row = await firstRow('\x1b[38;5;196mX\x1b[0m\x1b[48;2;1;2;3mY\x1b[0m\x1b[38;5;244mZ');
	assert.match(row, /<span style="color:#ff0000">X<\/span>/);
	assert.match(row, /<span style="background:#010203">Y<\/span>/);
	assert.match(row, /<span style="color:#808080">Z<\/span>/);
	assert.equal(color256(16, DARK), '#000000');
	assert.equal(color256(231, DARK), '#ffffff');
	assert.equal(color256(4, LIGHT), LIGHT.ansi[4]);
});

test('italic, underline, strike-through, dim and inverse', async () => {
	const row = await firstRow('\x1b[3;4mI\x1b[0m\x1b[9mS\x1b[0m\x1b[2mD\x1b[0m\x1b[7mV', LIGHT);
	assert.match(row, /<span style="font-style:italic;text-decoration:underline">I<\/span>/);
	assert.match(row, /<span style="text-decoration:line-through">S<\/span>/);
	// Dim: half-way between the text colour (#1f1f1f) and the background (#ffffff).
	assert.match(row, /<span style="color:#8f8f8f">D<\/span>/);
	assert.match(row, new RegExp(`<span style="color:${LIGHT.background};background:${LIGHT.foreground}">V</span>`));
});

test('a run of one style is one span; characters are escaped', async () => {
	assert.match(await firstRow('\x1b[32m<a&b>\x1b[0m'), new RegExp(`^<span style="color:${DARK.ansi[2]}">&lt;a&amp;b&gt;</span> `));
});

test('a wide character is one span two cells wide, and the next cell follows it', async () => {
	const row = await firstRow('界x');
	assert.match(row, /^<span style="display:inline-block;width:2ch;text-align:center">界<\/span>x {17}$/);
});

test('block elements are drawn as backgrounds, so neighbours meet', async () => {
	const row = await firstRow('\x1b[34m██\x1b[41m▀');
	assert.match(row, new RegExp(`^<span style="background:${DARK.ansi[4]}">  </span>`));
	assert.match(row, new RegExp(`<span style="background:linear-gradient\\(${DARK.ansi[4]} 50%, ${DARK.ansi[1]} 50%\\)"> </span>`));
});

test('the page shows every row of the screen on the terminal background', async () => {
	const term = new Terminal({ cols: 10, rows: 3, allowProposedApi: true });
	try {
		await new Promise<void>((resolve) => term.write('one\r\ntwo\r\nthree', resolve));
		const page = screenPage(term, { palette: LIGHT });
		assert.equal(page.match(/<div class="row">/g)?.length, 3);
		assert.match(page, /<div class="row">three {5}<\/div>/);
		assert.match(page, /background: #ffffff/);
	} finally {
		term.dispose();
	}
});
