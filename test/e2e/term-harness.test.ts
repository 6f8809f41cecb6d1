import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnTerm, waitUntil, type Term, type TermOptions } from '../helpers/term.js';

// Every test is bounded: waits have their own timeouts, and this caps the test.
const TEST_TIMEOUT = 30_000;

/** Spawn `node -e script` in a pty; the term is disposed when the test ends. */
function spawnNode(t: { after(fn: () => void): void }, script: string, opts?: TermOptions): Term {
	const term = spawnTerm(process.execPath, ['-e', script], opts);
	t.after(() => term.dispose());
	return term;
}

/** Child-side snippet: run `body` (source of a function) on the first key press. */
const onKey = (body: string) =>
	`process.stdin.setRawMode(true); process.stdin.once('data', (key) => { ${body} });`;

test('waitFor sees printed text, keys reach the program, waitForExit reports the code', { timeout: TEST_TIMEOUT }, async (t) => {
	const term = spawnNode(
		t,
		[
			// Listen first, then announce readiness, so the key cannot be missed.
			onKey(`process.stdout.write('got key ' + JSON.stringify(String(key)) + '\\r\\n'); process.exit(3);`),
			`process.stdout.write('hello from the child\\r\\npress a key\\r\\n');`,
		].join('\n'),
	);

	assert.equal(typeof term.pid, 'number');
	const screen = await term.waitFor('press a key');
	assert.match(screen, /hello from the child\npress a key/);

	// Shape of the screen: one entry per row, right-trimmed.
	const lines = term.lines();
	assert.equal(lines.length, 30);
	assert.equal(lines[0], 'hello from the child');
	assert.equal(lines[29], '');
	assert.equal(term.screen(), lines.join('\n'));

	// Already matching: resolves straight away; regexes and predicates work too.
	assert.match(await term.waitFor(/hello from the \w+/g), /hello/);
	assert.match(await term.waitFor(/hello from the \w+/g), /hello/); // /g lastIndex is reset
	await term.waitFor((s) => s.split('\n')[1] === 'press a key');

	term.write('x');
	assert.deepEqual(await term.waitForExit(), { exitCode: 3 });
	// Output written just before exit has been parsed by the time exit resolves.
	assert.match(term.screen(), /got key "x"/);
	assert.match(term.output(), /got key "x"/);
	assert.deepEqual(term.exitStatus(), { exitCode: 3 });
	// A second wait after exit resolves with the same status.
	assert.deepEqual(await term.waitForExit({ timeout: 1000 }), { exitCode: 3 });
});

test('waitForExit resolves only after all output has reached the screen', { timeout: TEST_TIMEOUT }, async (t) => {
	// Several MB of output right before exiting. Without the harness holding
	// the pty slave open, node-pty/libuv drop the buffered tail on Linux,
	// especially while the emulator keeps the event loop busy.
	const term = spawnNode(
		t,
		`const line = 'x'.repeat(99) + '\\r\\n'; process.stdout.write(line.repeat(40000) + 'FINAL LINE\\r\\n'); process.exit(5);`,
	);
	assert.deepEqual(await term.waitForExit(), { exitCode: 5 });
	assert.match(term.screen(), /FINAL LINE/);
	// The pty's ONLCR turns the child's '\r\n' into '\r\r\n' in the raw output.
	assert.match(term.output(), /FINAL LINE\r*\n$/);
});

test('output buffered in the pty when the program exits is not lost', { timeout: TEST_TIMEOUT }, async (t) => {
	// Deterministic version of the race above: the program writes ~10 KB (fits
	// in the kernel's pty buffers) and exits while this process is not reading.
	// When we read again the pty has hung up with the data still buffered;
	// without the harness's safeguard libuv reports EOF after the first 4 KB.
	const term = spawnNode(
		t,
		[
			`process.stdout.on('resize', () => {`,
			`  process.stdout.write(('y'.repeat(99) + '\\r\\n').repeat(100) + 'TAIL END\\r\\n');`,
			`  process.exit(0);`,
			`});`,
			`setInterval(() => {}, 60_000); // stay alive until the resize`,
			`process.stdout.write('ready\\r\\n');`,
		].join('\n'),
	);
	await term.waitFor('ready');
	term.resize(90, 30); // the ioctl is synchronous: SIGWINCH is on its way
	blockUntilProcessGone(term.pid, 10_000);
	assert.deepEqual(await term.waitForExit(), { exitCode: 0 });
	assert.match(term.screen(), /TAIL END/);
	assert.equal(term.output().match(/y{99}/g)?.length, 100);
});

test('tracks the alternate screen and cursor visibility', { timeout: TEST_TIMEOUT }, async (t) => {
	const term = spawnNode(
		t,
		[
			onKey(`process.stdout.write('\\x1b[?1049l\\x1b[?25h'); process.stdout.write('back on main\\r\\n'); process.exit(0);`),
			`process.stdout.write('on main first\\r\\n');`,
			`process.stdout.write('\\x1b[?1049h\\x1b[?25l');`,
			`process.stdout.write('ALT');`,
		].join('\n'),
	);

	// Nothing has been parsed yet: the emulator is in its initial state.
	assert.equal(term.isAlternateScreen(), false);
	assert.equal(term.isCursorVisible(), true);

	const alt = await term.waitFor('ALT');
	assert.equal(term.isAlternateScreen(), true);
	assert.equal(term.isCursorVisible(), false);
	assert.doesNotMatch(alt, /on main first/, 'the alternate screen starts blank');
	assert.match(term.output(), /\x1b\[\?1049h/);

	term.write('q');
	assert.deepEqual(await term.waitForExit(), { exitCode: 0 });
	assert.equal(term.isAlternateScreen(), false);
	assert.equal(term.isCursorVisible(), true);
	const main = term.screen();
	assert.match(main, /on main first/, 'the main screen is restored');
	assert.match(main, /back on main/);
	assert.doesNotMatch(main, /ALT/);
});

test('cursor visibility survives escape sequences split across chunks', { timeout: TEST_TIMEOUT }, async (t) => {
	// The child sends half of `CSI ?25l`, then the rest only after a key press,
	// so the two halves necessarily reach the emulator as separate chunks.
	const term = spawnNode(
		t,
		[
			onKey(`process.stdout.write('5lSTEP2\\r\\n'); process.stdin.once('data', () => process.exit(0));`),
			`process.stdout.write('STEP1\\r\\n\\x1b[?2');`,
		].join('\n'),
	);
	await term.waitFor('STEP1');
	assert.equal(term.isCursorVisible(), true);
	term.write(' ');
	const screen = await term.waitFor('STEP2');
	assert.equal(term.isCursorVisible(), false);
	assert.doesNotMatch(screen, /5l/, 'the sequence was not printed as text');
	// waitUntil re-checks non-screen state on every parsed chunk.
	await waitUntil(term, () => !term.isCursorVisible(), { timeout: 1000 });
	term.write(' ');
	assert.equal((await term.waitForExit()).exitCode, 0);
});

test('waitFor rejects after its timeout, showing the pattern and the screen', { timeout: TEST_TIMEOUT }, async (t) => {
	const term = spawnNode(
		t,
		[onKey(`process.exit(0);`), `process.stdout.write('only this is shown\\r\\n');`].join('\n'),
	);
	await term.waitFor('only this is shown');

	const started = Date.now();
	await assert.rejects(term.waitFor('text that never appears', { timeout: 300 }), (error: Error) => {
		assert.match(error.message, /"text that never appears"/);
		assert.match(error.message, /timed out after 300 ms/);
		assert.match(error.message, /only this is shown/);
		return true;
	});
	assert.ok(Date.now() - started >= 250, 'waited for (about) the timeout');

	await assert.rejects(term.waitFor(/never \d+/, { timeout: 100 }), /\/never \\d\+\/[\s\S]*only this is shown/);

	term.write('q');
	assert.equal((await term.waitForExit()).exitCode, 0);
});

test('waitFor fails fast once the program has exited without a match', { timeout: TEST_TIMEOUT }, async (t) => {
	const term = spawnNode(t, `process.stdout.write('goodbye\\r\\n'); process.exit(7);`);
	await assert.rejects(term.waitFor('never printed', { timeout: 20_000 }), (error: Error) => {
		assert.match(error.message, /"never printed"/);
		assert.match(error.message, /exited/);
		assert.match(error.message, /goodbye/);
		return true;
	});
	assert.equal((await term.waitForExit()).exitCode, 7);
});

test('resize changes what the program sees', { timeout: TEST_TIMEOUT }, async (t) => {
	const term = spawnNode(
		t,
		[
			// node updates process.stdout.columns/rows on SIGWINCH and then emits 'resize'.
			`process.stdout.on('resize', () => process.stdout.write('resized to ' + process.stdout.columns + 'x' + process.stdout.rows + '\\r\\n'));`,
			onKey(`process.exit(0);`),
			`process.stdout.write('started at ' + process.stdout.columns + 'x' + process.stdout.rows + '\\r\\n');`,
		].join('\n'),
		{ cols: 100, rows: 30 },
	);
	await term.waitFor('started at 100x30');

	term.resize(60, 20);
	assert.equal(term.cols, 60);
	assert.equal(term.rows, 20);
	await term.waitFor('resized to 60x20');
	assert.equal(term.lines().length, 20);

	term.resize(120, 40);
	await term.waitFor('resized to 120x40');
	assert.equal(term.lines().length, 40);

	term.write('q');
	assert.equal((await term.waitForExit()).exitCode, 0);
});

test('kill ends the program and reports the signal', { timeout: TEST_TIMEOUT }, async (t) => {
	const term = spawnNode(t, `setInterval(() => {}, 1000); process.stdout.write('running\\r\\n');`);
	await term.waitFor('running');
	term.kill('SIGTERM');
	const status = await term.waitForExit();
	assert.equal(status.signal, 15);
});

test('the emulator answers terminal queries like a real terminal', { timeout: TEST_TIMEOUT }, async (t) => {
	// Cursor position report: the program asks with CSI 6n, the terminal replies CSI row;col R.
	const term = spawnNode(
		t,
		[
			onKey(`process.stdout.write('\\r\\nreply: ' + JSON.stringify(String(key)) + '\\r\\n'); process.exit(0);`),
			`process.stdout.write('abc\\x1b[6n');`,
		].join('\n'),
	);
	await term.waitFor('reply: "\\u001b[1;4R"');
	assert.equal((await term.waitForExit()).exitCode, 0);
});

test('environment: TERM is xterm-256color, FORCE_COLOR and CI unset unless given', { timeout: TEST_TIMEOUT }, async (t) => {
	const script = `process.stdout.write(['TERM=' + process.env.TERM, 'FORCE_COLOR=' + process.env.FORCE_COLOR, 'CI=' + process.env.CI, 'EXTRA=' + process.env.EXTRA].join(' ') + '\\r\\n');`;
	// Pretend the tests run in CI from a terminal that forces colour.
	const saved = { FORCE_COLOR: process.env.FORCE_COLOR, CI: process.env.CI, TERM: process.env.TERM };
	Object.assign(process.env, { FORCE_COLOR: '3', CI: 'true', TERM: 'dumb' });
	let plain: Term;
	try {
		plain = spawnNode(t, script, { env: { EXTRA: 'yes' } });
	} finally {
		for (const [key, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
	}
	await plain.waitFor('TERM=xterm-256color FORCE_COLOR=undefined CI=undefined EXTRA=yes');

	const forced = spawnNode(t, script, { env: { FORCE_COLOR: '1', CI: 'true' } });
	await forced.waitFor('FORCE_COLOR=1 CI=true');
	await Promise.all([plain.waitForExit(), forced.waitForExit()]);
});

test('dispose kills a running program and rejects pending waits', { timeout: TEST_TIMEOUT }, async (t) => {
	const term = spawnNode(t, `setInterval(() => {}, 1000); process.stdout.write('running\\r\\n');`);
	await term.waitFor('running');
	const pending = term.waitFor('never', { timeout: 20_000 });
	const exit = term.waitForExit({ timeout: 20_000 });
	term.dispose();
	await assert.rejects(pending, /disposed/);
	await assert.rejects(exit, /disposed/);
	assert.throws(() => term.write('x'), /dispose/);
	term.dispose(); // idempotent
});

/**
 * Block the event loop (so nothing is read from the pty) until `pid` has exited
 * and been reaped, which node-pty does on its own thread. Bounded by `limit`.
 */
function blockUntilProcessGone(pid: number, limit: number): void {
	const deadline = Date.now() + limit;
	while (Date.now() < deadline) {
		try {
			process.kill(pid, 0);
		} catch {
			return;
		}
	}
	throw new Error(`process ${pid} still running after ${limit} ms`);
}

test('a frame in synchronized output is matched only once it is complete', { timeout: TEST_TIMEOUT }, async (t) => {
	const term = spawnNode(
		t,
		[
			onKey(`process.stdout.write(' and the rest of the frame\\x1b[?2026l'); setTimeout(() => process.exit(0), 50);`),
			// Begin a frame and draw half of it; the rest comes on a key press.
			`process.stdout.write('\\x1b[?2026hhalf a frame');`,
		].join('\n'),
	);
	await waitUntil(term, () => term.output().includes('half a frame'));
	let resolved = '';
	const waiting = term.waitFor(/half a frame/).then((s) => (resolved = s));
	// Mid-frame: on screen, but not matched.
	assert.match(term.screen(), /half a frame/);
	assert.equal(resolved, '');
	term.write('x');
	await waiting;
	assert.match(resolved, /half a frame and the rest of the frame/);
	await term.waitForExit();
});

test('a whole screen drawn just before a synchronized frame begins is matched', { timeout: TEST_TIMEOUT }, async (t) => {
	// Both in one write: a plain frame, then the start of a bracketed one that never ends.
	const term = spawnNode(
		t,
		`process.stdout.write('first frame\\r\\n\\x1b[?2026h\\x1b[2Jsecond'); setTimeout(() => {}, 10000);`,
	);
	const screen = await term.waitFor(/first frame/);
	assert.match(screen, /first frame/);
	assert.doesNotMatch(screen, /second/);
});
