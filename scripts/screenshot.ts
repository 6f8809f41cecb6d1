/**
 * Pictures of real brief-present screens for the README (docs/images/*.png).
 *
 *   npm run build && node --import tsx scripts/screenshot.ts [NAME...]
 *
 * Each picture runs the built CLI (dist/cli.cjs) in a pseudo-terminal feeding
 * a headless terminal emulator at a given size, sends keys and waits for the
 * screen to show given text (never a fixed sleep), then draws the emulator's
 * cells as an HTML page (scripts/screen-html.ts) and has Chromium, Chrome or
 * Edge (or CHROME_PATH) photograph it, cropped to the terminal.
 * With NAMEs, only those pictures are made.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findBrowser, INSTALL_BROWSER } from '../src/io/browser.js';
import { spawnTerm } from '../test/helpers/term.js';
import { DARK, LIGHT, screenPage, type Palette } from './screen-html.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const OUT = join(ROOT, 'docs', 'images');

interface Step {
	/** Keys to send first (none for the first screen). */
	keys?: string;
	/** Text the screen must show before the next step. */
	wait: string | RegExp;
}

interface Shot {
	name: string;
	args: string[];
	cols: number;
	rows: number;
	palette: Palette;
	steps: Step[];
	/** Extra environment for the CLI. */
	env?: Record<string, string>;
}

/** How the terminal answers "what is your background colour?" (OSC 11). */
const oscColor = (hex: string) =>
	'rgb:' + [1, 3, 5].map((i) => hex.slice(i, i + 2).repeat(2)).join('/');

const AGENDA: Step[] = [{ wait: 'Cambodia' }, { keys: 'j', wait: 'Agenda' }, { wait: 'Source and questions' }];
const DIAGRAMS = join('test', 'fixtures', 'diagrams.md');

const SHOTS: Shot[] = [
	{ name: 'agenda-dark', args: [], cols: 100, rows: 30, palette: DARK, steps: AGENDA },
	{ name: 'agenda-light', args: ['--theme', 'light'], cols: 100, rows: 30, palette: LIGHT, steps: AGENDA },
	{
		name: 'presenter',
		args: [],
		cols: 120,
		rows: 36,
		palette: DARK,
		steps: [...AGENDA, { keys: 'p', wait: 'Next: 3/15' }],
	},
	{
		name: 'pie-chart',
		args: [DIAGRAMS],
		cols: 84,
		rows: 14,
		palette: DARK,
		steps: [{ wait: 'Charts and diagrams' }, { keys: '2G', wait: 'Budget 2026' }],
	},
	{
		name: 'flowchart',
		args: [DIAGRAMS],
		cols: 84,
		rows: 14,
		palette: DARK,
		steps: [{ wait: 'Charts and diagrams' }, { keys: '4G', wait: 'How a request is handled' }],
	},
	{
		// A picture in half blocks, as any colour terminal draws it.
		name: 'picture',
		args: [join('test', 'fixtures', 'pictures', 'deck.md'), '--image-protocol', 'blocks'],
		cols: 84,
		rows: 30,
		palette: DARK,
		env: { COLORTERM: 'truecolor' },
		steps: [{ wait: 'the great lake' }, { wait: '▀▀▀▀▀▀▀▀' }],
	},
];

/** Run the CLI as the shot says and return the finished screen as a page. */
async function screenOf(shot: Shot): Promise<string> {
	const term = spawnTerm(process.execPath, [CLI, ...shot.args], {
		cols: shot.cols,
		rows: shot.rows,
		cwd: ROOT,
		background: oscColor(shot.palette.background),
		env: shot.env,
	});
	try {
		for (const step of shot.steps) {
			if (step.keys) term.write(step.keys);
			await term.waitFor(step.wait);
		}
		return screenPage(term.emulator, { palette: shot.palette });
	} finally {
		term.dispose();
	}
}

async function main(names: string[]): Promise<void> {
	const unknown = names.filter((n) => !SHOTS.some((s) => s.name === n));
	if (unknown.length > 0) throw new Error(`no picture named ${unknown.join(', ')} (${SHOTS.map((s) => s.name).join(', ')})`);
	if (!existsSync(CLI)) throw new Error('dist/cli.cjs is missing: run npm run build first');
	const executablePath = findBrowser();
	if (!executablePath) throw new Error(`no browser found: ${INSTALL_BROWSER}`);
	mkdirSync(OUT, { recursive: true });
	const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
	try {
		const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
		for (const shot of SHOTS.filter((s) => names.length === 0 || names.includes(s.name))) {
			await page.setContent(await screenOf(shot));
			await page.evaluate(() => document.fonts.ready);
			const file = join(OUT, `${shot.name}.png`);
			await page.locator('#screen').screenshot({ path: file });
			console.log(`${file.slice(ROOT.length + 1)}  ${shot.cols}x${shot.rows}  ${Math.round(statSync(file).size / 1024)} KB`);
		}
	} finally {
		await browser.close();
	}
}

main(process.argv.slice(2)).catch((err: unknown) => {
	console.error(`screenshot: ${err instanceof Error ? err.message : String(err)}`);
	process.exit(1);
});
