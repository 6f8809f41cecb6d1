// The link's socket side, in this process: where the socket goes, what is
// checked before it is used, and what the link says about itself.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import { join } from 'node:path';
import type { LinkStatus } from '../../src/link/sync.js';
import { shortPath, socketDir, socketPath } from '../../src/link/folder.js';
import { openLink, type LinkOptions } from '../../src/link/socket.js';
import { linkText } from '../../src/ui/linkview.js';
import { statusLine } from '../../src/render/status.js';
import { makeTheme } from '../../src/render/theme.js';

const uid = process.getuid?.() ?? 'user';
const DECK = '0123456789abcdef';
const OTHER_DECK = 'fedcba9876543210';

/** A temp folder, removed after the test. */
function tempDir(t: TestContext): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'bp-link-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A link, closed after the test, with its statuses as they come. */
function link(t: TestContext, opts: Partial<LinkOptions> & { dir: string }) {
  const seen: LinkStatus[] = [];
  const waiters = new Set<() => void>();
  const l = openLink({ channel: 'room', deckId: DECK, role: 'audience', ...opts });
  t.after(() => l.close());
  l.onStatus((s) => {
    seen.push(s);
    for (const w of [...waiters]) w();
  });
  return {
    link: l,
    status: () => seen.at(-1),
    /** Resolves once the status is `s` (rejects after `timeout`: an upper bound, not a wait). */
    until(s: LinkStatus, timeout = 5000): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (seen.at(-1) !== s) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`status ${seen.at(-1)}, not ${s} (seen: ${seen.join(', ')})`));
        }, timeout);
        waiters.add(check);
        check();
      });
    },
  };
}

test('the socket folder: $XDG_RUNTIME_DIR only when it is an absolute path, else a per-user temp folder', () => {
  const fallback = join(tmpdir(), `brief-present-${uid}`);
  assert.equal(socketDir({ XDG_RUNTIME_DIR: '/run/user/1000' }), '/run/user/1000/brief-present');
  assert.equal(socketDir({}), fallback);
  assert.equal(socketDir({ XDG_RUNTIME_DIR: '' }), fallback);
  assert.equal(socketDir({ XDG_RUNTIME_DIR: 'run/user/1000' }), fallback, 'relative: ignored');
  assert.equal(socketDir({ XDG_RUNTIME_DIR: './run' }), fallback, 'relative: ignored');
});

test('a socket path longer than the platform takes: a folder too deep is passed over, or the link is off', (t) => {
  const deep = '/' + 'x'.repeat(100);
  assert.equal(socketDir({ XDG_RUNTIME_DIR: deep }), join(tmpdir(), `brief-present-${uid}`));
  for (const channel of ['room', 'deck:/' + 'y'.repeat(500)]) {
    assert.ok(Buffer.byteLength(socketPath(channel, socketDir({ XDG_RUNTIME_DIR: deep }))) <= 103, channel);
  }

  // Given a folder that deep, the link stays off and says why; nothing is made above it.
  const base = tempDir(t);
  const dir = join(base, 'd'.repeat(120 - base.length));
  mkdirSync(dir);
  const l = link(t, { dir, role: 'presenter' });
  assert.equal(l.status(), 'unavailable');
  assert.equal(linkText('unavailable', l.link), 'link off: socket path too long');
  assert.deepEqual(readdirSync(base), [dir.slice(base.length + 1)]);
  assert.deepEqual(readdirSync(dir), []);
});

test('every retry waits longer than the last, up to a cap: no busy loop', async (t) => {
  const dir = tempDir(t);
  // A socket that takes every connection and hangs up at once.
  let hangups = 0;
  const rude = net.createServer((sock) => {
    hangups++;
    sock.destroy();
  });
  t.after(() => rude.close());
  await new Promise<void>((resolve) => rude.listen(socketPath('room', dir), resolve));

  const delays: number[] = [];
  const enough = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`retried ${delays.length} times: ${delays.join(', ')}`)), 5000);
    link(t, {
      dir,
      // Each retry runs at once here, and the delay asked for is noted.
      later: (fn, ms) => {
        delays.push(ms);
        if (delays.length < 12) setImmediate(fn);
        else {
          clearTimeout(timer);
          resolve();
        }
        return () => undefined;
      },
    });
  });
  await enough;
  assert.ok(hangups >= 11, `${hangups} connections`);
  assert.ok(delays[0] <= 100, `first retry soon: ${delays[0]}`);
  for (let i = 1; i < 7; i++) assert.ok(delays[i] >= delays[i - 1], `growing: ${delays.join(', ')}`);
  assert.ok(delays.at(-1)! >= 2500, `then long: ${delays.join(', ')}`);
  assert.ok(Math.max(...delays) <= 5000, `capped: ${delays.join(', ')}`);
});

const asRoot = process.getuid?.() === 0;
const needsRoot = asRoot ? false : 'needs root, to give files to another user';
const STRANGER = 4242;

test('a socket planted by another user in a once-loose folder is removed, never connected to', { skip: needsRoot }, async (t) => {
  const dir = join(tempDir(t), 'sockets');
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  const path = socketPath('room', dir);
  let planted = 0;
  const stranger = net.createServer((sock) => {
    planted++;
    sock.destroy();
  });
  t.after(() => stranger.close());
  await new Promise<void>((resolve) => stranger.listen(path, resolve));
  chownSync(path, STRANGER, STRANGER);

  const a = link(t, { dir });
  const b = link(t, { dir, role: 'presenter' });
  await Promise.all([a.until('linked'), b.until('linked')]);
  assert.equal(planted, 0, 'nobody connected to the planted socket');
  assert.equal(lstatSync(dir).mode & 0o777, 0o700, 'the folder is private again');
  const st = lstatSync(path);
  assert.ok(st.isSocket());
  assert.equal(st.uid, process.getuid!(), 'the socket is the user’s own');
  assert.equal(st.mode & 0o777, 0o600);
});

test('something else in the socket’s place, or a link for the folder: never used', async (t) => {
  const base = tempDir(t);
  const dir = join(base, 'sockets');
  mkdirSync(dir, { mode: 0o700 });
  writeFileSync(socketPath('room', dir), 'not a socket');
  const a = link(t, { dir });
  const b = link(t, { dir, role: 'presenter' });
  await Promise.all([a.until('linked'), b.until('linked')]);
  assert.ok(lstatSync(socketPath('room', dir)).isSocket());

  // The folder itself a symbolic link (to a private folder of the user's): refused.
  const alias = join(base, 'alias');
  symlinkSync(dir, alias);
  const c = link(t, { dir: alias, role: 'presenter' });
  assert.equal(c.status(), 'unavailable');
  assert.match(linkText('unavailable', c.link), /^link off: .*alias is not a folder$/);
});

test('a socket folder of another user: the link is off, and the presenter says why', { skip: needsRoot }, (t) => {
  const base = tempDir(t);
  const dir = join(base, 'bp');
  mkdirSync(dir, { mode: 0o700 });
  chownSync(dir, STRANGER, STRANGER);
  const notes = link(t, { dir, role: 'presenter' });
  const audience = link(t, { dir });
  assert.equal(notes.status(), 'unavailable');
  assert.equal(audience.status(), 'unavailable');
  assert.deepEqual(readdirSync(dir), [], 'nothing made in it');
  const text = linkText('unavailable', notes.link);
  assert.match(text, /^link off: .*\/bp is not yours$/);
  assert.equal(linkText('unavailable', audience.link), '', 'the audience sees nothing of it');
  // Short enough for the status line: of 80 columns, and of 100 with a reveal step beside it.
  for (const [cols, hint] of [
    [80, text],
    [100, `${text}  step 2/3`],
  ] as const) {
    const line = statusLine({ deckTitle: 'Deck', section: 'Part', index: 11, count: 40, hint }, cols, makeTheme(0));
    assert.ok(line.includes(text), line);
  }
});

test('paths in the reasons are kept short: ~ for home, the last folders of a long one', () => {
  assert.equal(shortPath('/tmp/brief-present-0', '/root'), '/tmp/brief-present-0');
  assert.equal(shortPath('/home/ann/run/brief-present', '/home/ann'), '~/run/brief-present');
  assert.equal(shortPath('/run/user/1000/brief-present', '/home/ann'), '…/1000/brief-present');
  assert.equal(shortPath('/' + 'z'.repeat(40), '/home/ann'), '…' + 'z'.repeat(23));
});

test('linked to a terminal showing another version of the deck: said so, and no position crosses', async (t) => {
  const dir = tempDir(t);
  const audience = link(t, { dir });
  const notes = link(t, { dir, role: 'presenter', deckId: OTHER_DECK });
  await Promise.all([audience.until('mismatch'), notes.until('mismatch')]);
  assert.equal(linkText('mismatch', audience.link), '', 'nothing of it in front of the room');
  assert.equal(linkText('mismatch', notes.link), 'linked to a different version of the deck');

  // A third terminal with the audience's version: those two are linked; the odd one out still says so.
  const moves: unknown[] = [];
  notes.link.onRemote((pos) => moves.push(pos));
  const same = link(t, { dir, role: 'presenter' });
  const followed = new Promise((resolve) => same.link.onRemote(resolve));
  await Promise.all([same.until('linked'), audience.until('linked')]);
  audience.link.moved({ index: 3, step: 0 });
  assert.deepEqual(await followed, { type: 'nav', pos: { index: 3, step: 0 } });
  assert.equal(notes.status(), 'mismatch');
  assert.deepEqual(moves, []);
});
