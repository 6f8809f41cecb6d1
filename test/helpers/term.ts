/**
 * End-to-end terminal harness: runs a real command in a pseudo-terminal
 * (node-pty) and feeds everything it prints into a headless xterm emulator
 * (@xterm/headless), so tests can assert on what a person would see.
 *
 * Tests never sleep: they wait for the screen to match (`waitFor`) or for the
 * process to end (`waitForExit`). Timeouts are only upper bounds for failure.
 *
 * Usage:
 *   const term = spawnTerm(process.execPath, ['dist/cli.cjs', 'slides/demo.md']);
 *   t.after(() => term.dispose());
 *   await term.waitFor('Section 1');
 *   term.write('j');
 *   await term.waitFor(/Section 2/);
 */
import fs from 'node:fs';
import pty from 'node-pty';
import xtermHeadless from '@xterm/headless';
import type { Terminal as XTerminal } from '@xterm/headless';

// @xterm/headless is a CommonJS bundle whose exports node's ESM loader cannot
// detect statically, so only the default import works at runtime.
const { Terminal } = xtermHeadless;

export interface TermOptions {
	cols?: number;
	rows?: number;
	/**
	 * Extra environment, merged over the cleaned-up `process.env`.
	 * A value of `undefined` removes the variable.
	 */
	env?: Record<string, string | undefined>;
	cwd?: string;
	/**
	 * Send the emulator's replies to terminal queries (cursor position report,
	 * device attributes, ...) back to the program, as a real terminal does.
	 * Default true.
	 */
	answerQueries?: boolean;
	/**
	 * How the terminal answers OSC 11 (what is its background colour?): with
	 * this colour (`rgb:ffff/ffff/ffff`), never (`null`), or as the emulator
	 * does when absent. Answered before anything that follows the query.
	 */
	background?: string | null;
	/**
	 * How the terminal answers XTVERSION (`CSI > q`, what is its name and
	 * version?): with this text (`kitty(0.40.1)`), never (`null`), or as the
	 * emulator does when absent. Answered before anything that follows it.
	 */
	version?: string | null;
	/**
	 * How the terminal answers `CSI 16 t` (what size is a cell in pixels?):
	 * with this size, or never when absent (@xterm/headless, having no
	 * renderer, does not answer it).
	 */
	cellPixels?: { width: number; height: number };
	/** Likewise for `CSI 14 t` (what size is the text area in pixels?). */
	textAreaPixels?: { width: number; height: number };
}

export interface WaitOptions {
	/** Upper bound in milliseconds before the wait fails. Default 10000. */
	timeout?: number;
	/**
	 * Also check while the program is inside a synchronized-output frame
	 * (mode 2026), i.e. mid-frame. Off for screen waits; on for waitUntil.
	 */
	midFrame?: boolean;
}

export type ScreenMatch = string | RegExp | ((screen: string) => boolean);

export interface ExitStatus {
	exitCode: number;
	signal?: number;
}

export interface Term {
	/**
	 * Send keys / bytes to the program, e.g. 'j', '\x1b[B', '\r', '\x03'.
	 * Ignored once the program has exited; throws after dispose().
	 */
	write(data: string): void;
	/** The visible screen: rows joined by '\n', each row right-trimmed. */
	screen(): string;
	/** The visible screen as an array of right-trimmed rows. */
	lines(): string[];
	/**
	 * The visible screen cell by cell, as the emulator laid it out: each row an
	 * array with one entry per column, holding that cell's characters (a base
	 * character with its combining marks), '' for the second half of a wide
	 * character, ' ' for an empty cell.
	 */
	cells(): string[][];
	/**
	 * Resolves with the screen as soon as it matches. Checked once immediately
	 * and again after every chunk of output the emulator has parsed. A function
	 * may ignore its argument and look at other state (e.g. `isAlternateScreen()`).
	 * Rejects on timeout, or early if the program has exited (and all its output
	 * has been parsed) without the screen matching; the error message contains
	 * the expected pattern and the current screen.
	 */
	waitFor(match: ScreenMatch, opts?: WaitOptions): Promise<string>;
	/** Resolves once the program has exited and all its output has been parsed. */
	waitForExit(opts?: WaitOptions): Promise<ExitStatus>;
	/** Resize both the pty (the program gets SIGWINCH) and the emulator. */
	resize(cols: number, rows: number): void;
	/** Send a signal (default SIGHUP, as node-pty does). No-op after exit. */
	kill(signal?: string): void;
	/** True while the emulator shows the alternate screen buffer. */
	isAlternateScreen(): boolean;
	/** DECTCEM state: false after `CSI ?25l`, true after `CSI ?25h` (and initially). */
	isCursorVisible(): boolean;
	/** All raw output received from the program so far. */
	output(): string;
	/** Exit status once the program has exited and its output is parsed, else undefined. */
	exitStatus(): ExitStatus | undefined;
	readonly pid: number;
	readonly cols: number;
	readonly rows: number;
	/** The emulator itself, for reading cell attributes (colours, bold...). */
	readonly emulator: XTerminal;
	/** Kill the program if still running, dispose the emulator, reject pending waits. */
	dispose(): void;
}

const DEFAULT_TIMEOUT = 10_000;

/**
 * Variables removed from the inherited environment (unless given in `opts.env`)
 * so the program under test behaves the same whatever terminal or CI the tests
 * are run from. Notably ink renders only the final frame when CI is set.
 */
const SCRUBBED_ENV = [
	'FORCE_COLOR',
	'NO_COLOR',
	'CI',
	'CONTINUOUS_INTEGRATION',
	'COLUMNS',
	'LINES',
	'COLORTERM',
	'TERM_PROGRAM',
	'TERM_PROGRAM_VERSION',
	'KITTY_WINDOW_ID',
	'KONSOLE_VERSION',
	'LC_TERMINAL',
	'WT_SESSION',
	'MLTERM',
	'TMUX',
	'TMUX_PANE',
	'STY',
	'WINDOW',
	'WINDOWID',
	'TERMCAP',
];

function buildEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
	const merged: Record<string, string | undefined> = { ...process.env };
	for (const key of SCRUBBED_ENV) delete merged[key];
	merged.TERM = 'xterm-256color';
	Object.assign(merged, extra);
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(merged)) {
		if (value !== undefined) env[key] = value;
	}
	return env;
}

export function describeMatch(match: ScreenMatch): string {
	if (typeof match === 'string') return JSON.stringify(match);
	if (match instanceof RegExp) return String(match);
	return `predicate ${match.name || match.toString()}`;
}

function matches(match: ScreenMatch, screen: string): boolean {
	if (typeof match === 'string') return screen.includes(match);
	if (match instanceof RegExp) {
		match.lastIndex = 0; // a /g or /y regex would otherwise be stateful
		return match.test(screen);
	}
	return match(screen);
}

/** The screen for error messages: framed, with trailing blank rows summarised. */
function formatScreen(screen: string, cols: number): string {
	const lines = screen.split('\n');
	let end = lines.length;
	while (end > 0 && lines[end - 1] === '') end--;
	const blank = lines.length - end;
	const rule = '-'.repeat(Math.min(cols, 80));
	const footer = blank > 0 ? `\n(${blank} blank row${blank === 1 ? '' : 's'} below)` : '';
	return `--- screen (${cols}x${lines.length}) ---\n${lines.slice(0, end).join('\n')}\n${rule}${footer}`;
}

interface Waiter {
	/** Returns true when the waiter is settled and should be removed. */
	check(): boolean;
	/** Called once the program has exited and all output was parsed. */
	onExit(): void;
	fail(reason: string): void;
}

export function spawnTerm(file: string, args: string[], opts: TermOptions = {}): Term {
	let cols = opts.cols ?? 100;
	let rows = opts.rows ?? 30;

	const emulator: XTerminal = new Terminal({
		cols,
		rows,
		scrollback: 100,
		// Needed for `buffer` and `parser` on @xterm/headless.
		allowProposedApi: true,
		// Size reports are answered only when a test gives the answer (the
		// emulator never answers them itself, and calls no handler unless allowed).
		windowOptions: { getCellSizePixels: opts.cellPixels !== undefined, getWinSizePixels: opts.textAreaPixels !== undefined },
	});

	// Cursor visibility (DECTCEM) is not part of `terminal.modes`, so hook the
	// emulator's own parser. The handlers run synchronously while xterm parses
	// and return false so xterm's default handling still happens; sequences
	// split across chunks are reassembled by the parser itself.
	let cursorVisible = true;
	// Synchronized output (mode 2026): a program that brackets each frame with
	// it is mid-frame in between; a real terminal shows the frame at the end,
	// and so screens are only matched outside such a bracket.
	let inSync = false;
	const onDecMode = (visible: boolean) => (params: (number | number[])[]) => {
		if (params.includes(25)) cursorVisible = visible;
		if (params.includes(2026)) {
			// A new frame begins: the screen as it stands is the last whole frame,
			// which a terminal would be showing; match it before it is redrawn.
			if (visible && !inSync) runWaiters();
			inSync = visible;
		}
		return false;
	};
	const onReset = () => {
		cursorVisible = true;
		return false;
	};
	const onBackgroundQuery = (data: string) => {
		if (data !== '?' || opts.background === undefined) return false;
		if (opts.background !== null && !exited && !disposed) child.write(`\x1b]11;${opts.background}\x1b\\`);
		return true;
	};
	const onVersionQuery = (params: (number | number[])[]) => {
		if (opts.version === undefined || (params.length > 0 && params[0] !== 0)) return false;
		if (opts.version !== null && !exited && !disposed) child.write(`\x1bP>|${opts.version}\x1b\\`);
		return true;
	};
	const onWindowQuery = (params: (number | number[])[]) => {
		const size = params.length === 1 ? (params[0] === 16 ? opts.cellPixels : params[0] === 14 ? opts.textAreaPixels : undefined) : undefined;
		if (size === undefined) return false;
		if (!exited && !disposed) child.write(`\x1b[${params[0] === 16 ? 6 : 4};${size.height};${size.width}t`);
		return true;
	};
	const parserHooks = [
		emulator.parser.registerCsiHandler({ final: 't' }, onWindowQuery),
		emulator.parser.registerOscHandler(11, onBackgroundQuery),
		emulator.parser.registerCsiHandler({ prefix: '>', final: 'q' }, onVersionQuery),
		emulator.parser.registerCsiHandler({ prefix: '?', final: 'h' }, onDecMode(true)),
		emulator.parser.registerCsiHandler({ prefix: '?', final: 'l' }, onDecMode(false)),
		// RIS (ESC c) and DECSTR (CSI ! p) both make the cursor visible again.
		emulator.parser.registerEscHandler({ final: 'c' }, onReset),
		emulator.parser.registerCsiHandler({ intermediates: '!', final: 'p' }, onReset),
	];

	const env = buildEnv(opts.env);
	const child = pty.spawn(file, args, {
		// node-pty sets TERM to this name: the one in `env` (xterm-256color unless given).
		name: env.TERM,
		cols,
		rows,
		cwd: opts.cwd ?? process.cwd(),
		env,
	});

	// Hold the pty's slave side open ourselves until node-pty reports the exit.
	// Otherwise, when a program writes a lot and exits, the master sees a
	// hang-up while output is still buffered in the kernel, and libuv treats
	// "hang-up + short read" as end of file: the tail of the output (often the
	// final frame, or the sequences leaving the alternate screen) is dropped
	// (microsoft/node-pty#726, #85). With the slave held open there is no
	// hang-up; node-pty drains the master and reports the exit ~200 ms after
	// the process ended (its DESTROY_SOCKET_TIMEOUT).
	let slaveFd: number | undefined;
	const ptsName = (child as { ptsName?: unknown }).ptsName;
	if (typeof ptsName === 'string' && process.platform !== 'win32') {
		try {
			slaveFd = fs.openSync(ptsName, fs.constants.O_RDWR | fs.constants.O_NOCTTY);
		} catch {
			// The program already exited and the pty is gone: nothing to protect.
		}
	}
	const releaseSlave = () => {
		if (slaveFd === undefined) return;
		const fd = slaveFd;
		slaveFd = undefined;
		try {
			fs.closeSync(fd);
		} catch {
			// ignore
		}
	};

	let raw = '';
	let pendingWrites = 0;
	let disposed = false;
	let exited: ExitStatus | undefined; // set when the pty reports exit
	let settledExit: ExitStatus | undefined; // set once output is fully parsed too
	const waiters = new Set<Waiter>();
	const exitListeners: Array<(status: ExitStatus) => void> = [];

	const readScreenLines = (): string[] => {
		const buffer = emulator.buffer.active;
		const top = buffer.viewportY;
		const out: string[] = [];
		for (let y = top; y < top + emulator.rows; y++) {
			out.push(buffer.getLine(y)?.translateToString(true) ?? '');
		}
		return out;
	};
	const readScreen = () => readScreenLines().join('\n');
	const readCells = (): string[][] => {
		const buffer = emulator.buffer.active;
		const top = buffer.viewportY;
		const out: string[][] = [];
		for (let y = top; y < top + emulator.rows; y++) {
			const line = buffer.getLine(y);
			const row: string[] = [];
			for (let x = 0; x < emulator.cols; x++) {
				const cell = line?.getCell(x);
				row.push(cell === undefined ? ' ' : cell.getWidth() === 0 ? '' : cell.getChars() || ' ');
			}
			out.push(row);
		}
		return out;
	};

	const runWaiters = () => {
		for (const waiter of [...waiters]) {
			if (waiter.check()) waiters.delete(waiter);
		}
	};

	const maybeSettleExit = () => {
		if (!exited || pendingWrites > 0 || settledExit || disposed) return;
		settledExit = exited;
		inSync = false; // a program that died mid-frame leaves what it drew
		runWaiters();
		for (const waiter of [...waiters]) waiter.onExit();
		waiters.clear();
		for (const listener of exitListeners.splice(0)) listener(settledExit);
	};

	const dataSub = child.onData((data) => {
		if (disposed) return;
		raw += data;
		pendingWrites++;
		emulator.write(data, () => {
			pendingWrites--;
			if (disposed) return;
			runWaiters();
			maybeSettleExit();
		});
	});

	const exitSub = child.onExit(({ exitCode, signal }) => {
		exited = signal ? { exitCode, signal } : { exitCode };
		releaseSlave();
		// node-pty reports the exit only after it stopped reading the pty, so
		// every chunk has been handed to onData by now; the emulator may still
		// be parsing some of them, in which case the last write callback settles.
		maybeSettleExit();
	});

	// Replies to queries such as CSI 6n (cursor position) or CSI c (device
	// attributes) go back to the program, as a real terminal would send them.
	const replySub =
		opts.answerQueries === false
			? undefined
			: emulator.onData((reply) => {
					if (!exited && !disposed) child.write(reply);
				});

	const withTimeout = <T>(
		timeout: number,
		describe: () => string,
		start: (resolve: (value: T) => void, reject: (error: Error) => void) => Waiter | undefined,
	): Promise<T> => {
		// Created here so the stack trace points at the test that waited.
		const error = new Error('waiting');
		return new Promise<T>((resolve, reject) => {
			let waiter: Waiter | undefined;
			const timer = setTimeout(() => {
				if (waiter) waiters.delete(waiter);
				error.message = `${describe()} timed out after ${timeout} ms\n${formatScreen(readScreenSafe(), cols)}`;
				reject(error);
			}, timeout);
			const done = (value: T) => {
				clearTimeout(timer);
				resolve(value);
			};
			const fail = (err: Error) => {
				clearTimeout(timer);
				error.message = err.message;
				reject(error);
			};
			waiter = start(done, fail);
			if (waiter) {
				if (waiter.check()) return;
				waiters.add(waiter);
				// Already exited and parsed: the screen cannot change any more.
				if (settledExit) {
					waiters.delete(waiter);
					waiter.onExit();
				}
			}
		});
	};

	const readScreenSafe = () => (disposed ? '(terminal disposed)' : readScreen());

	const term: Term = {
		get pid() {
			return child.pid;
		},
		get cols() {
			return cols;
		},
		get rows() {
			return rows;
		},
		emulator,

		write(data) {
			if (disposed) throw new Error('term.write() after dispose()');
			// Like a real terminal, keys typed after the program ended go nowhere.
			if (exited) return;
			child.write(data);
		},

		screen: readScreen,
		cells: readCells,
		lines: readScreenLines,

		waitFor(match, { timeout = DEFAULT_TIMEOUT, midFrame = false } = {}) {
			const what = () => `waitFor(${describeMatch(match)})`;
			return withTimeout<string>(timeout, what, (resolve, reject) => {
				if (disposed) {
					reject(new Error(`${what()} called after dispose()`));
					return undefined;
				}
				let settled = false;
				return {
					check() {
						if (settled) return true;
						if (inSync && !midFrame) return false;
						const screen = readScreen();
						let ok: boolean;
						try {
							ok = matches(match, screen);
						} catch (err) {
							settled = true;
							reject(err instanceof Error ? err : new Error(String(err)));
							return true;
						}
						if (ok) {
							settled = true;
							resolve(screen);
						}
						return settled;
					},
					onExit() {
						if (settled) return;
						settled = true;
						const status = settledExit ? JSON.stringify(settledExit) : '';
						reject(
							new Error(
								`${what()} failed: the program exited ${status} without the screen matching\n` +
									formatScreen(readScreen(), cols),
							),
						);
					},
					fail(reason) {
						if (settled) return;
						settled = true;
						reject(new Error(`${what()} failed: ${reason}`));
					},
				};
			});
		},

		waitForExit({ timeout = DEFAULT_TIMEOUT } = {}) {
			return withTimeout<ExitStatus>(timeout, () => 'waitForExit()', (resolve, reject) => {
				if (settledExit) {
					resolve(settledExit);
					return undefined;
				}
				if (disposed) {
					reject(new Error('waitForExit() called after dispose()'));
					return undefined;
				}
				let settled = false;
				exitListeners.push((status) => {
					if (settled) return;
					settled = true;
					resolve(status);
				});
				// Registered as a waiter only so that dispose() can fail it.
				return {
					check: () => settled,
					onExit() {},
					fail(reason) {
						if (settled) return;
						settled = true;
						reject(new Error(`waitForExit() failed: ${reason}`));
					},
				};
			});
		},

		resize(newCols, newRows) {
			if (disposed) throw new Error('term.resize() after dispose()');
			cols = newCols;
			rows = newRows;
			// Emulator first, so output produced in reaction to SIGWINCH is laid
			// out at the new size.
			emulator.resize(newCols, newRows);
			if (!exited) child.resize(newCols, newRows);
			runWaiters();
		},

		kill(signal) {
			if (exited || disposed) return;
			child.kill(signal);
		},

		isAlternateScreen() {
			return emulator.buffer.active.type === 'alternate';
		},

		isCursorVisible() {
			return cursorVisible;
		},

		output() {
			return raw;
		},

		exitStatus() {
			return settledExit;
		},

		dispose() {
			if (disposed) return;
			if (!exited) {
				try {
					child.kill('SIGKILL');
				} catch {
					// already gone
				}
			}
			for (const waiter of [...waiters]) waiter.fail('terminal disposed');
			waiters.clear();
			disposed = true;
			// Output no longer matters, so the slave can go now.
			releaseSlave();
			dataSub.dispose();
			exitSub.dispose();
			replySub?.dispose();
			for (const hook of parserHooks) hook.dispose();
			emulator.dispose();
		},
	};

	return term;
}

/**
 * Wait until `condition()` holds, re-checking every time `term` parses output.
 * Convenience for conditions that are not about the screen text, e.g.
 * `await waitUntil(term, () => term.isAlternateScreen())`.
 */
export function waitUntil(
	term: Term,
	condition: () => boolean,
	opts: WaitOptions & { description?: string } = {},
): Promise<void> {
	const predicate = Object.defineProperty(() => condition(), 'name', {
		value: opts.description ?? (condition.name || condition.toString()),
	});
	return term.waitFor(predicate, { midFrame: true, ...opts }).then(() => undefined);
}
