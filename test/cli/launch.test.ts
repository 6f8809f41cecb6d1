// The launcher (src/launch.ts) runs the program with V8's code cache: made by
// a run that presented, used by the next run, and never in
// the way (unreadable, corrupt, unwritable, switched off); and used only when
// it is the user's own, private, and the code of this very program.
import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI, run } from '../helpers/cli.js';
import { spawnTerm } from '../helpers/term.js';

const runtime = mkdtempSync(join(tmpdir(), 'bp-launch-run-'));
after(() => rmSync(runtime, { recursive: true, force: true }));
const NAME = /^[0-9a-f]{16}-v\d+\.\d+\.\d+-[a-z0-9]+\.v8$/;
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
/** The status bar of the briefing's first slide, as the program writes it. */
const STATUS = 'slide 1 / 15';

interface Presented {
  exitCode: number;
  /** The screen with the first slide. */
  screen: string;
}

/**
 * Present the bundled briefing, wait for its title, go to the next slide,
 * quit with q. `before` runs once the first slide is on screen, before the
 * keys, with the presenter's process id.
 */
async function present(
  env: Record<string, string | undefined>,
  opts: { cli?: string; before?: (pid: number) => void } = {},
): Promise<Presented> {
  const term = spawnTerm(process.execPath, [opts.cli ?? CLI], {
    cols: 100,
    rows: 30,
    env: { XDG_RUNTIME_DIR: runtime, ...env },
  });
  try {
    const screen = await term.waitFor('Cambodia-US relations');
    opts.before?.(term.pid);
    term.write('l');
    await term.waitFor('Agenda');
    term.write('q');
    return { exitCode: (await term.waitForExit()).exitCode, screen };
  } finally {
    term.dispose();
  }
}

async function presentAndQuit(env: Record<string, string | undefined>): Promise<number> {
  return (await present(env)).exitCode;
}

/** A fresh folder for XDG_CACHE_HOME, removed after the test. */
function freshHome(t: TestContext): string {
  const home = mkdtempSync(join(tmpdir(), 'bp-cache-'));
  t.after(() => {
    // Put back what a test took away, so that the folder can be removed.
    try {
      chmodSync(join(home, 'brief-present'), 0o700);
    } catch {
      // Not there, or a link.
    }
    rmSync(home, { recursive: true, force: true });
  });
  return home;
}

function cacheFiles(home: string): string[] {
  try {
    return readdirSync(join(home, 'brief-present'));
  } catch {
    return [];
  }
}

/** Make the cache in `home` by presenting once: its path. */
async function makeCache(home: string): Promise<string> {
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);
  const files = cacheFiles(home);
  assert.equal(files.length, 1, files.join(', '));
  return join(home, 'brief-present', files[0]);
}

/** A cache file's header line, without its newline. */
const headerOf = (bytes: Buffer) => bytes.toString('latin1', 0, bytes.indexOf(0x0a));

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Rewrite a cache file's compiled code as someone able to write the file
 * would: `edit` changes the code, and the header is made to match it again.
 */
function forge(file: string, edit: (code: Buffer) => void): void {
  const bytes = readFileSync(file);
  const end = bytes.indexOf(0x0a);
  const header = bytes.subarray(0, end).toString('latin1');
  assert.match(header, /data sha256:[0-9a-f]{64}/, 'the header names the compiled code by its SHA-256');
  const code = Buffer.from(bytes.subarray(end + 1));
  edit(code);
  const forged = header.replace(/data sha256:[0-9a-f]{64}/, `data sha256:${sha256(code)}`);
  writeFileSync(file, Buffer.concat([Buffer.from(`${forged}\n`, 'latin1'), code]));
}

/**
 * Replace the status bar's `slide ` (a string constant of the compiled code)
 * with `PWNED `: what the screen shows if the edited code runs.
 */
function inject(code: Buffer): void {
  const at = code.indexOf(Buffer.from('\0\0\0slide \0', 'latin1'));
  assert.ok(at >= 0, 'the status bar text is in the compiled code');
  code.write('PWNED ', at + 3, 'latin1');
}

/** The cache in `file` forged with `inject`, once. */
function forged(file: string): void {
  if (!readFileSync(file).includes('PWNED ')) forge(file, inject);
}

function assertNoTemp(home: string): void {
  assert.deepEqual(
    cacheFiles(home).filter((n) => n.endsWith('.tmp')),
    [],
    'no temporary file is left',
  );
}

/** --version answers, promptly, whatever is at the cache's path. */
function assertVersion(home: string): void {
  const r = run(['--version'], { XDG_CACHE_HOME: home }, { timeout: 10_000 });
  assert.equal(r.error, undefined, `--version finished (${r.error?.message})`);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), VERSION);
}

test('a run that presents leaves the compiled code, private, for the next run, which uses it', async (t) => {
  const home = freshHome(t);
  // --version and --json present nothing: they write no cache.
  assert.equal(run(['--version'], { XDG_CACHE_HOME: home }).code, 0);
  assert.equal(run(['--json'], { XDG_CACHE_HOME: home }).code, 0);
  assert.deepEqual(cacheFiles(home), []);

  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);
  const files = cacheFiles(home);
  assert.equal(files.length, 1, files.join(', '));
  assert.match(files[0], NAME);
  const file = join(home, 'brief-present', files[0]);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(statSync(join(home, 'brief-present')).mode & 0o777, 0o700);
  const first = readFileSync(file);
  assert.ok(first.length > 100_000, `${first.length} bytes of compiled code`);

  // The next run accepts it, so it has nothing to write: the file stays as it was.
  const before = statSync(file).mtimeMs;
  const next = await present({ XDG_CACHE_HOME: home });
  assert.equal(next.exitCode, 0);
  assert.match(next.screen, new RegExp(STATUS));
  assert.equal(statSync(file).mtimeMs, before, 'an accepted cache is not written again');
  assert.ok(readFileSync(file).equals(first));
  assertNoTemp(home);
});

test('a corrupt cache is ignored and replaced; an unwritable one costs nothing; the switch turns it off', async (t) => {
  const home = freshHome(t);
  const file = await makeCache(home);
  const name = file.slice(file.lastIndexOf('/') + 1);
  writeFileSync(file, Buffer.alloc(4096, 0x5a));
  // A program of another build: its cache goes when this one's is written.
  const old = join(home, 'brief-present', '0000000000000000-v20.0.0-x64.v8');
  writeFileSync(old, 'old');
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);
  assert.ok(statSync(file).size > 100_000, 'the garbage was replaced by compiled code');
  assert.deepEqual(cacheFiles(home), [name]);

  // The cache folder's parent is a file: nothing can be written, the presenter works.
  const blocked = join(freshHome(t), 'a-file');
  writeFileSync(blocked, '');
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: blocked }), 0);

  const off = freshHome(t);
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: off, NODE_DISABLE_COMPILE_CACHE: '1' }), 0);
  assert.deepEqual(cacheFiles(off), []);
});

test('edited compiled code is not run: the cache is checked against its header, and replaced', async (t) => {
  const home = freshHome(t);
  const file = await makeCache(home);

  // The code edited, the header left alone.
  const bytes = readFileSync(file);
  const end = bytes.indexOf(0x0a);
  const code = bytes.subarray(end + 1);
  inject(code);
  writeFileSync(file, bytes);
  const r = await present({ XDG_CACHE_HOME: home });
  assert.equal(r.exitCode, 0);
  assert.match(r.screen, new RegExp(STATUS));
  assert.doesNotMatch(r.screen, /PWNED/);
  assert.equal(readFileSync(file).indexOf('PWNED'), -1, 'the edited cache was replaced');

  // Bytes flipped in the middle of the code.
  const flipped = readFileSync(file);
  for (let i = 0; i < 64; i++) flipped[Math.floor(flipped.length / 2) + i] ^= 0xff;
  writeFileSync(file, flipped);
  assertVersion(home);
  const again = await present({ XDG_CACHE_HOME: home });
  assert.equal(again.exitCode, 0);
  assert.match(again.screen, new RegExp(STATUS));
  assert.ok(!readFileSync(file).equals(flipped), 'the damaged cache was replaced');

  // A header for another program, or for another Node: not loaded, and replaced.
  for (const [from, to] of [
    [/program sha256:[0-9a-f]{64}/, `program sha256:${'0'.repeat(64)}`],
    [/ node v[^ ]+ /, ' node v0.0.0 '],
  ] as const) {
    const good = readFileSync(file);
    const header = headerOf(good);
    assert.match(header, from);
    writeFileSync(file, Buffer.concat([Buffer.from(header.replace(from, to), 'latin1'), good.subarray(header.length)]));
    assertVersion(home);
    assert.equal((await present({ XDG_CACHE_HOME: home })).exitCode, 0);
    const mine = header.slice(0, header.indexOf(' data sha256:'));
    assert.ok(headerOf(readFileSync(file)).startsWith(mine), `a header with ${to} was replaced by this program's`);
  }
  assertNoTemp(home);
});

test("another build's cache is not used, though it has the same name and length", async (t) => {
  const home = freshHome(t);
  await makeCache(home);

  // The same launcher with a program that differs from the one cached by one
  // word, of the same length: the status bar says SLIDE.
  const copy = freshHome(t);
  mkdirSync(join(copy, 'dist'));
  copyFileSync(CLI, join(copy, 'dist', 'cli.cjs'));
  const program = join(dirname(CLI), 'brief-present.cjs');
  const text = readFileSync(program, 'latin1');
  const status = /`slide \$\{\w+\+1\} \/ \$\{\w+\}`/g;
  assert.equal(text.match(status)?.length, 1, 'the status bar text is in the program once');
  const other = text.replace(status, (m) => m.replace('slide', 'SLIDE'));
  assert.equal(other.length, text.length);
  writeFileSync(join(copy, 'dist', 'brief-present.cjs'), other, 'latin1');
  cpSync(join(dirname(CLI), '..', 'slides'), join(copy, 'slides'), { recursive: true });

  const r = await present({ XDG_CACHE_HOME: home }, { cli: join(copy, 'dist', 'cli.cjs') });
  assert.equal(r.exitCode, 0);
  assert.match(r.screen, /SLIDE 1 \/ 15/, 'the program run is the one on disk');
});

test('a FIFO, a link to /dev/zero, a folder or a huge file at the cache path: every run goes on', async (t) => {
  const home = freshHome(t);
  const file = await makeCache(home);

  unlinkSync(file);
  execFileSync('mkfifo', [file]);
  assertVersion(home);
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);
  assert.ok(lstatSync(file).isFile(), 'the FIFO was replaced by a cache');

  unlinkSync(file);
  symlinkSync('/dev/zero', file);
  assertVersion(home);
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);

  // A large sparse file: not read.
  unlinkSync(file);
  writeFileSync(file, '');
  execFileSync('truncate', ['-s', '2G', file]);
  assertVersion(home);

  // A folder: the new cache cannot take its place, and its temporary file goes.
  unlinkSync(file);
  mkdirSync(file);
  assertVersion(home);
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);
  assert.ok(lstatSync(file).isDirectory());
  assertNoTemp(home);
});

test('the cache is used only from a folder and a file that are the user\'s own and private', async (t) => {
  const home = freshHome(t);
  const file = await makeCache(home);
  const dir = dirname(file);
  forged(file);
  // Control: the forged cache, in a private folder and file, is taken (so the
  // cache is as trustworthy as the user's own files, and no more).
  assert.match((await present({ XDG_CACHE_HOME: home })).screen, /PWNED 1 \/ 15/);

  const notUsed = async (why: string) => {
    const forged = readFileSync(file);
    const r = await present({ XDG_CACHE_HOME: home });
    assert.equal(r.exitCode, 0);
    assert.match(r.screen, new RegExp(STATUS), `not used: ${why}`);
    assertVersion(home);
    return forged;
  };

  // A folder others may write to: not read, not written.
  for (const mode of [0o770, 0o707, 0o777, 0o1777]) {
    chmodSync(dir, mode);
    const forged = await notUsed(`folder mode ${mode.toString(8)}`);
    assert.ok(readFileSync(file).equals(forged), 'nothing was written there');
    assertNoTemp(home);
  }
  chmodSync(dir, 0o700);

  // A file others may write to: not read (and replaced by a private one).
  for (const mode of [0o620, 0o602]) {
    forged(file);
    chmodSync(file, mode);
    await notUsed(`file mode ${mode.toString(8)}`);
    assert.equal(statSync(file).mode & 0o777, 0o600);
  }

  // A folder that is a link, even to a private folder.
  forged(file);
  const real = join(home, 'real');
  renameSync(dir, real);
  symlinkSync(real, dir);
  const linked = await notUsed('a linked folder');
  assert.deepEqual(readdirSync(real), [file.slice(file.lastIndexOf('/') + 1)], 'nothing was written there');
  assert.ok(readFileSync(join(real, readdirSync(real)[0])).equals(linked), 'nothing was written there');
  unlinkSync(dir);
  renameSync(real, dir);

  // A folder, or a file, of another user (only root can make those here).
  if (process.getuid?.() !== 0) {
    t.diagnostic('not root: the folder and file of another user are not tried');
    return;
  }
  forged(file);
  chownSync(dir, 65534, 65534);
  const foreign = await notUsed("another user's folder");
  assert.ok(readFileSync(file).equals(foreign), 'nothing was written there');
  assertNoTemp(home);
  chownSync(dir, 0, 0);
  chownSync(file, 65534, 65534);
  await notUsed("another user's file");
  assert.equal(statSync(file).uid, 0, 'replaced by a file of the user');
});

test('the temporary file is created, never opened: a link planted in its place is not followed', async (t) => {
  const home = freshHome(t);
  const file = await makeCache(home);
  unlinkSync(file);
  const victim = join(freshHome(t), 'precious.txt');
  writeFileSync(victim, 'precious\n');

  const r = await present(
    { XDG_CACHE_HOME: home },
    { before: (pid) => symlinkSync(victim, `${file}.${pid}.tmp`) },
  );
  assert.equal(r.exitCode, 0);
  assert.ok(readFileSync(victim, 'utf8') === 'precious\n', 'the file the link points to is untouched');
  assert.ok(!existsSync(file) || !lstatSync(file).isSymbolicLink(), 'the link did not become the cache');
});
