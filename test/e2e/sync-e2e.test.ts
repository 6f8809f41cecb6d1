// Two terminals kept in step: the built CLI twice, each in its own pseudo-terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chownSync, existsSync, mkdirSync, readdirSync, statSync, watch } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { at, fixture, open, runtime } from '../helpers/channel.js';

/**
 * Resolves when a file matching `pattern` is in `dir` (watching folders, not
 * polling); `dir` itself may not exist yet.
 */
async function fileAppears(dir: string, pattern: RegExp, timeout = 10_000): Promise<void> {
  if (!existsSync(dir)) await fileAppears(dirname(dir), new RegExp(`^${basename(dir)}$`), timeout);
  return new Promise((resolve, reject) => {
    const found = () => readdirSync(dir).some((f) => pattern.test(f));
    const watcher = watch(dir, () => {
      if (found()) done();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`no file matching ${pattern} in ${dir}`));
    }, timeout);
    const done = () => {
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    if (found()) done();
  });
}

/** The audience screen's only sign of the link: a small mark. */
const MARK = /⇄/;
const unmarked = (s: string) => !MARK.test(s);

test('audience and notes terminals find each other and move together, from either side', async (t) => {
  const run = runtime(t);
  const audience = open([fixture('basic.md')], run);
  t.after(() => audience.dispose());
  await audience.waitFor(at(1));
  const notes = open(['--notes', fixture('basic.md')], run, 120);
  t.after(() => notes.dispose());
  await notes.waitFor(/⇄ linked/);
  await audience.waitFor(MARK);
  assert.doesNotMatch(audience.screen(), /linked/, 'no link chatter in front of the room');

  // The notes terminal is the presenter view: notes, next slide, timer.
  assert.match(notes.screen(), /Notes ─/);
  assert.match(notes.screen(), /Next: 2\/6 {2}Opening/);

  audience.write('l');
  await audience.waitFor(at(2));
  await notes.waitFor(at(2));
  await notes.waitFor(/Say hello to the room\./);

  notes.write('l');
  await notes.waitFor(at(3));
  await audience.waitFor(at(3));
  assert.match(audience.screen(), /Second slide/);

  notes.write('G');
  await audience.waitFor(at(6));
  audience.write('gg');
  await notes.waitFor(at(1));

  // The socket folder is private and the socket only the user's.
  const dir = join(run, 'brief-present');
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  const socks = readdirSync(dir).filter((f) => f.endsWith('.sock'));
  assert.equal(socks.length, 1);
  assert.equal(statSync(join(dir, socks[0])).mode & 0o777, 0o600);

  audience.write('q');
  await audience.waitForExit();
  await notes.waitFor(/audience screen disconnected/);
  notes.write('q');
  await notes.waitForExit();
});

test('a terminal started late shows the current slide at once', async (t) => {
  const run = runtime(t);
  const audience = open([fixture('basic.md')], run);
  t.after(() => audience.dispose());
  await audience.waitFor(at(1));
  audience.write('4G');
  await audience.waitFor(at(4));
  const notes = open(['--notes', fixture('basic.md')], run);
  t.after(() => notes.dispose());
  await notes.waitFor(at(4));
  audience.write('q');
  notes.write('q');
  await Promise.all([audience.waitForExit(), notes.waitForExit()]);
});

test('kill -9 the audience terminal: notes keep going, then it comes back on the same slide', async (t) => {
  const run = runtime(t);
  const audience = open([fixture('basic.md')], run);
  t.after(() => audience.dispose());
  await audience.waitFor(at(1));
  const notes = open(['--notes', fixture('basic.md')], run);
  t.after(() => notes.dispose());
  await notes.waitFor(/⇄ linked/);
  notes.write('3G');
  await audience.waitFor(at(3));

  audience.kill('SIGKILL');
  await audience.waitForExit();
  await notes.waitFor(/audience screen disconnected/);
  notes.write('l');
  await notes.waitFor(at(4));

  // Restarted, it reconnects by itself and jumps to where the notes terminal is.
  const again = open([fixture('basic.md')], run);
  t.after(() => again.dispose());
  await again.waitFor(at(4));
  await notes.waitFor(/⇄ linked/);
  again.write('l');
  await notes.waitFor(at(5));
  again.write('q');
  notes.write('q');
  await Promise.all([again.waitForExit(), notes.waitForExit()]);
});

test('kill -9 the notes terminal that held the channel: the audience takes over; notes come back', async (t) => {
  const run = runtime(t);
  const notes = open(['--notes', fixture('basic.md')], run);
  t.after(() => notes.dispose());
  await notes.waitFor(at(1));
  const audience = open([fixture('basic.md')], run);
  t.after(() => audience.dispose());
  await audience.waitFor(MARK);
  notes.kill('SIGKILL');
  await notes.waitForExit();
  // Nothing alarming in front of the room: the mark goes, and the keys move the slides here again.
  await audience.waitFor(unmarked);
  assert.doesNotMatch(audience.screen(), /disconnected/);
  audience.write('ll');
  await audience.waitFor(at(3));
  const back = open(['--notes', fixture('basic.md')], run);
  t.after(() => back.dispose());
  await back.waitFor(at(3));
  back.write('l');
  await audience.waitFor(at(4));
  back.write('q');
  audience.write('q');
  await Promise.all([back.waitForExit(), audience.waitForExit()]);
});

test('two decks presented at once never cross-talk', async (t) => {
  const run = runtime(t);
  const a1 = open([fixture('basic.md')], run);
  const a2 = open(['--notes', fixture('basic.md')], run);
  const b1 = open([fixture('pauses.md')], run);
  for (const term of [a1, a2, b1]) t.after(() => term.dispose());
  await a2.waitFor(/⇄ linked/);
  await b1.waitFor(/slide 1 \/ 2/);
  a1.write('G');
  await a2.waitFor(at(6));
  b1.write('G');
  await b1.waitFor(/slide 2 \/ 2/);
  assert.doesNotMatch(b1.screen(), /linked/);
  assert.match(a1.screen(), at(6));
  assert.match(a2.screen(), at(6));
  for (const term of [a1, a2, b1]) term.write('q');
  await Promise.all([a1, a2, b1].map((term) => term.waitForExit()));
});

test('--channel joins terminals whatever the deck path', async (t) => {
  const run = runtime(t);
  const a = open(['--channel', 'room-1', fixture('basic.md')], run);
  const b = open(['--notes', '--channel', 'room-1', fixture('basic.md')], run);
  for (const term of [a, b]) t.after(() => term.dispose());
  await b.waitFor(/⇄ linked/);
  b.write('2G');
  await a.waitFor(at(2));
  a.write('q');
  b.write('q');
  await Promise.all([a.waitForExit(), b.waitForExit()]);
});

test('a stale socket left by a crash is cleaned up, not fatal', async (t) => {
  const run = runtime(t);
  const first = open([fixture('basic.md')], run);
  t.after(() => first.dispose());
  await first.waitFor(at(1));
  const dir = join(run, 'brief-present');
  await fileAppears(dir, /\.sock$/);
  first.kill('SIGKILL');
  await first.waitForExit();
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.sock')).length, 1, 'the crash left its socket');
  const a = open([fixture('basic.md')], run);
  const b = open(['--notes', fixture('basic.md')], run);
  for (const term of [a, b]) t.after(() => term.dispose());
  await b.waitFor(/⇄ linked/);
  a.write('l');
  await b.waitFor(at(2));
  a.write('q');
  b.write('q');
  await Promise.all([a.waitForExit(), b.waitForExit()]);
});

test('the reveal step is kept in step too', async (t) => {
  const run = runtime(t);
  const audience = open([fixture('pauses.md')], run);
  const notes = open(['--notes', fixture('pauses.md')], run);
  for (const term of [audience, notes]) t.after(() => term.dispose());
  await notes.waitFor(/⇄ linked/);
  await audience.waitFor(MARK);
  audience.write('l');
  await audience.waitFor(/step 2\/3/);
  await notes.waitFor(/step 2\/3/);
  notes.write('l');
  await audience.waitFor(/Third part/);
  assert.match(audience.screen(), /step 3\/3/);
  notes.write('h');
  await audience.waitFor((s) => /step 2\/3/.test(s) && !/Third part/.test(s));
  audience.write('q');
  notes.write('q');
  await Promise.all([audience.waitForExit(), notes.waitForExit()]);
});

test('two versions of the deck on one channel: the presenter says so instead of "linked"', async (t) => {
  const run = runtime(t);
  const a = open(['--channel', 'room-2', fixture('basic.md')], run);
  await a.waitFor(at(1));
  const b = open(['--notes', '--channel', 'room-2', fixture('pauses.md')], run, 120);
  await b.waitFor(/linked to a different version of the deck/);
  assert.doesNotMatch(a.screen() + b.screen(), /⇄/);
  a.write('q');
  b.write('q');
  await Promise.all([a.waitForExit(), b.waitForExit()]);
});

test('a runtime folder too deep for a socket path: the terminals meet in the temp folder, and leave nothing behind', async (t) => {
  const run = runtime(t);
  // $XDG_RUNTIME_DIR/brief-present/<hash>.sock would be longer than the 107 bytes a socket path may have.
  const deep = join(run, 'x'.repeat(100 - run.length));
  const temp = join(run, 'tmp');
  mkdirSync(deep, { mode: 0o700 });
  mkdirSync(temp);
  const env = { XDG_RUNTIME_DIR: deep, TMPDIR: temp };
  const audience = open([fixture('basic.md')], run, 100, env);
  const notes = open(['--notes', fixture('basic.md')], run, 100, env);
  await notes.waitFor(/⇄ linked/);
  await audience.waitFor(MARK);
  notes.write('l');
  await audience.waitFor(at(2));
  const sockets = join(temp, `brief-present-${process.getuid?.() ?? 'user'}`);
  assert.equal(readdirSync(sockets).filter((f) => f.endsWith('.sock')).length, 1);
  assert.deepEqual(readdirSync(deep), [], 'nothing in the runtime folder');
  audience.write('q');
  notes.write('q');
  await Promise.all([audience.waitForExit(), notes.waitForExit()]);
  assert.deepEqual(readdirSync(sockets), [], 'the socket is gone');
  assert.deepEqual(readdirSync(run).sort(), [deep.slice(run.length + 1), 'tmp'].sort());
});

test(
  'a socket folder of another user: the notes terminal says the link is off, and why',
  { skip: process.getuid?.() === 0 ? false : 'needs root, to give the folder to another user' },
  async (t) => {
    const run = runtime(t);
    const dir = join(run, 'brief-present');
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, 4242, 4242);
    const notes = open(['--notes', fixture('basic.md')], run);
    await notes.waitFor(/link off: \S*\/brief-present is not yours/);
    notes.write('l');
    await notes.waitFor(at(2));
    notes.write('q');
    await notes.waitForExit();
    assert.deepEqual(readdirSync(dir), []);
  },
);
