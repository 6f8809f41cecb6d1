// The link's socket side, in this process: where the socket goes, what is
// checked before it is used, and what the link says about itself.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import { join } from 'node:path';
import type { Link, LinkStatus } from '../src/link/protocol.js';
import { openLink, socketDir, socketPath, type LinkOptions } from '../src/link/socket.js';
import { linkText } from '../src/ui/geometry.js';

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
  const l = link(t, { dir, role: 'notes' });
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
