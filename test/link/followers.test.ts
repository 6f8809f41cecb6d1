// Followers on the socket: a follower only connects and says nothing but
// hello; the hub passes a follower's messages to no other follower and an
// answer to a hello only to the terminal that said it; the audience screen's
// fit reaches the presenter.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineBuffer, decode, encode, type Message } from '../../src/link/protocol.js';
import { openLink } from '../../src/link/socket.js';
import type { Remote } from '../../src/link/sync.js';

const DECK = '0123456789abcdef';

function tempDir(t: TestContext): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'bp-follow-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Resolves once `ok()` holds, checked whenever `wake` is called (rejects after 5 s: an upper bound). */
function waiter() {
  const checks = new Set<() => void>();
  return {
    wake: () => [...checks].forEach((c) => c()),
    until: (ok: () => boolean, what: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => (checks.delete(check), reject(new Error(what))), 5000);
        const check = () => ok() && (checks.delete(check), clearTimeout(timer), resolve());
        checks.add(check);
        check();
      }),
  };
}

/** A follower as raw bytes on the socket: everything it is sent, decoded. */
function rawFollower(t: TestContext, path: string, id: string, stalled = false) {
  const heard: Message[] = [];
  const w = waiter();
  const sock = net.connect(path);
  t.after(() => sock.destroy());
  const buf = new LineBuffer();
  sock.setEncoding('utf8');
  sock.on('data', (chunk: string) => {
    for (const line of buf.push(chunk)) {
      const m = decode(line);
      if (m) heard.push(m);
    }
    w.wake();
  });
  const still = { t: 0, id: '' };
  sock.on('connect', () => {
    sock.write(
      encode({ v: 2, type: 'hello', deck: DECK, id, role: 'follower', pos: { index: 0, step: 0 }, stamp: still, timer: { value: { elapsed: 0, running: false, started: false }, stamp: still }, blank: { value: false, stamp: still } }),
    );
    if (stalled) sock.pause(); // it reads nothing more
  });
  return { heard, until: (ok: (m: Message) => boolean, what: string) => w.until(() => heard.some(ok), what) };
}

test('a follower with nobody there waits: it never listens, and makes no socket', async (t) => {
  const path = join(tempDir(t), 'brief.sock');
  const retried = new Promise<void>((resolve) => {
    const l = openLink({ channel: 'x', deckId: DECK, role: 'follower', path, later: () => (resolve(), () => undefined) });
    t.after(() => l.close());
  });
  await retried;
  assert.equal(existsSync(path), false);
});

test('followers hear the presenter and never each other; what a follower does reaches nobody; the audience screen\'s fit reaches the presenter', async (t) => {
  const path = join(tempDir(t), 'brief.sock');
  const heard: Remote[] = [];
  const w = waiter();
  const presenter = openLink({ channel: 'x', deckId: DECK, role: 'presenter', path });
  t.after(() => presenter.close());
  presenter.onRemote((r) => (heard.push(r), w.wake()));
  // The presenter listens (its socket is made on the next turns of the event loop).
  for (let i = 0; !existsSync(path); i++) {
    assert.ok(i < 500, 'the presenter listens');
    await new Promise((r) => setTimeout(r, 10));
  }
  const a = rawFollower(t, path, 'aaaaaaaaaaaa');
  await a.until((m) => m.type === 'hello' && m.role === 'presenter' && m.reply === true, 'a hears the presenter');
  const b = rawFollower(t, path, 'bbbbbbbbbbbb');
  await b.until((m) => m.type === 'hello' && m.role === 'presenter' && m.reply === true, 'b hears the presenter');
  const follower = openLink({ channel: 'x', deckId: DECK, role: 'follower', path });
  t.after(() => follower.close());
  const audience = openLink({ channel: 'x', deckId: DECK, role: 'audience', path });
  t.after(() => audience.close());
  const linked = new Promise<void>((resolve) => follower.onStatus((s) => s === 'linked' && resolve()));
  await linked;
  follower.moved({ index: 3, step: 0 });
  follower.blank(true);
  follower.ask('next', null);
  audience.fit({ pos: { index: 0, step: 0 }, pages: 3, cols: 60, rows: 16 });
  await w.until(() => heard.some((r) => r.type === 'fit'), 'the presenter hears the fit');
  assert.deepEqual(heard.find((r) => r.type === 'fit'), { type: 'fit', fit: { pos: { index: 0, step: 0 }, pages: 3, cols: 60, rows: 16 } });
  presenter.moved({ index: 2, step: 0, page: 1 });
  await Promise.all([a, b].map((f) => f.until((m) => m.type === 'nav' && m.pos.index === 2 && m.pos.page === 1, 'the move')));
  for (const [f, other] of [[a, 'bbbbbbbbbbbb'], [b, 'aaaaaaaaaaaa']] as const) {
    assert.ok(!f.heard.some((m) => m.role === 'follower'), 'nothing from another follower');
    assert.ok(!f.heard.some((m) => m.type === 'hello' && m.to === other), 'no answer meant for another');
  }
  assert.ok(!heard.some((r) => r.type !== 'fit'), `the presenter heard nothing from the follower: ${JSON.stringify(heard)}`);
});

test('a burst of moves with a follower that reads nothing: the others get the latest position, stale ones dropped', async (t) => {
  const path = join(tempDir(t), 'brief.sock');
  const presenter = openLink({ channel: 'x', deckId: DECK, role: 'presenter', path });
  t.after(() => presenter.close());
  for (let i = 0; !existsSync(path); i++) {
    assert.ok(i < 500, 'the presenter listens');
    await new Promise((r) => setTimeout(r, 10));
  }
  const hello = (m: Message) => m.type === 'hello' && m.role === 'presenter' && m.reply === true;
  const stalled = rawFollower(t, path, 'cccccccccccc', true);
  const live = rawFollower(t, path, 'dddddddddddd');
  await live.until(hello, 'the live follower hears the presenter');
  const MOVES = 20_000;
  for (let i = 1; i <= MOVES; i++) presenter.moved({ index: i, step: 0 });
  await live.until((m) => m.type === 'nav' && m.pos.index === MOVES, 'the latest position');
  const navs = live.heard.filter((m) => m.type === 'nav').length;
  assert.ok(navs < MOVES / 2, `stale positions were dropped: ${navs} of ${MOVES} sent`);
  assert.ok(!stalled.heard.some((m) => m.type === 'nav' && m.pos.index === MOVES));
});
