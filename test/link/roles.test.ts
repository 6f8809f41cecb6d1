// Roles on the link: who links with whom, what crosses, and a second presenter.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, encode, partner, type Message } from '../../src/link/protocol.js';
import { SharedTimer, Stamped, type LinkStatus, type Remote } from '../../src/link/sync.js';
import { openLink, type LinkOptions } from '../../src/link/socket.js';
import { presenterThere } from '../../src/link/probe.js';

const ID_A = 'a1b2c3d4e5f6';
const ID_B = '0f0f0f0f0f0f';
const DECK = '0123456789abcdef';

test('partners: a presenter and an audience (or a follower of the presenter); never two of a kind', () => {
  assert.equal(partner('presenter', 'audience'), true);
  assert.equal(partner('audience', 'presenter'), true);
  assert.equal(partner('follower', 'presenter'), true);
  assert.equal(partner('audience', 'audience'), false);
  assert.equal(partner('presenter', 'presenter'), false);
  assert.equal(partner('presenter', 'follower'), false);
  assert.equal(partner('audience', 'follower'), false);
});

test('messages of this version: ask, timer, blank, bye, hello; checked field by field', () => {
  const now = 1_700_000_000_000;
  const stamp = { t: now, id: ID_A };
  const base = { v: 2, deck: DECK, id: ID_A, role: 'audience' } as const;
  const good: Message[] = [
    { ...base, type: 'ask', command: 'next', count: null },
    { ...base, type: 'ask', command: 'last', count: 3 },
    { ...base, type: 'timer', timer: { value: { elapsed: 61_000, running: true, started: true }, stamp } },
    { ...base, type: 'blank', blank: { value: true, stamp } },
    { ...base, type: 'bye' },
    {
      ...base,
      type: 'hello',
      pos: { index: 1, step: 0 },
      stamp,
      timer: { value: { elapsed: 0, running: false, started: false }, stamp: { t: 0, id: '' } },
      blank: { value: false, stamp: { t: 0, id: '' } },
      takeover: true,
      reply: true,
      others: 2,
    },
  ];
  for (const m of good) assert.deepEqual(decode(encode(m), now), m, m.type);
  const bad: Record<string, unknown>[] = [
    { ...base, type: 'ask', command: '../x', count: null },
    { ...base, type: 'ask', command: 'next', count: -1 },
    { ...base, type: 'ask', command: 'next' },
    { ...base, type: 'timer', timer: { value: { elapsed: -5, running: true, started: true }, stamp } },
    { ...base, type: 'timer', timer: { value: { elapsed: 5, running: 'yes', started: true }, stamp } },
    { ...base, type: 'timer', timer: { value: { elapsed: 5, running: true, started: true }, stamp: { t: now + 3_600_000, id: ID_A } } },
    { ...base, type: 'blank', blank: { value: 1, stamp } },
    { ...base, type: 'hello', pos: { index: 0, step: 0 }, stamp },
    { ...base, role: 'notes', type: 'bye' },
    { ...base, v: 1, type: 'bye' },
    { ...base, type: 'size', rows: 40 },
  ];
  for (const m of bad) assert.equal(decode(JSON.stringify(m), now), null, JSON.stringify(m));
  const hello = decode(JSON.stringify({ ...good[5], takeover: 'yes', others: -1 }), now);
  assert.ok(hello && hello.type === 'hello' && hello.takeover === undefined && hello.others === undefined, 'odd extras dropped');
});

test('a shared value: the last change wins on both sides', () => {
  const a = new Stamped(ID_A, false);
  const b = new Stamped(ID_B, false);
  const fromA = a.local(true, 100);
  const fromB = b.local(false, 200);
  assert.equal(b.receive(fromA), false, 'older than what b did');
  assert.equal(a.receive(fromB), true);
  assert.equal(a.value, b.value);
  assert.equal(a.receive(fromB), false, 'once');
});

test('the shared timer is sent as its reading then: elapsed, not a wall-clock time', () => {
  const a = new SharedTimer(ID_A);
  a.local({ elapsed: 10_000, running: true, started: true }, 1_000);
  assert.deepEqual(a.reading(61_000).value, { elapsed: 70_000, running: true, started: true });
  a.local({ elapsed: 70_000, running: false, started: true }, 61_000);
  assert.deepEqual(a.reading(99_000).value, { elapsed: 70_000, running: false, started: true }, 'paused: it stays');
  const late = new SharedTimer(ID_B);
  assert.equal(late.receive(a.reading(99_000), 5), true);
  assert.deepEqual(late.reading(5).value.elapsed, 70_000);
});

function tempDir(t: TestContext): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'bp-roles-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function link(t: TestContext, opts: Partial<LinkOptions> & { dir: string }) {
  const seen: LinkStatus[] = [];
  const remote: Remote[] = [];
  const waiters = new Set<() => void>();
  const l = openLink({ channel: 'room', deckId: DECK, role: 'audience', ...opts });
  t.after(() => l.close());
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  l.onStatus((s) => (seen.push(s), wake()));
  l.onRemote((r) => (remote.push(r), wake()));
  /** Resolves once `ok()` holds (rejects after 5 s: an upper bound, not a wait). */
  const until = (ok: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!ok()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${what}: status ${seen.at(-1)}, heard ${JSON.stringify(remote)}`));
      }, 5000);
      waiters.add(check);
      check();
    });
  return {
    link: l,
    seen,
    remote,
    status: () => seen.at(-1),
    until: (s: LinkStatus) => until(() => seen.at(-1) === s, s),
    hears: (ok: (r: Remote) => boolean) => until(() => remote.some(ok), 'message'),
  };
}

test('two audience terminals never link; a presenter links with both, and they follow it', async (t) => {
  const dir = tempDir(t);
  const a = link(t, { dir });
  const b = link(t, { dir });
  b.link.moved({ index: 2, step: 0 });
  const p = link(t, { dir, role: 'presenter' });
  await Promise.all([p.until('linked'), a.until('linked'), b.until('linked')]);
  assert.ok(!a.remote.some((r) => r.type === 'nav' && r.pos.index === 2), 'one audience never moves the other');
  p.link.moved({ index: 4, step: 1 });
  await Promise.all([a, b].map((x) => x.hears((r) => r.type === 'nav' && r.pos.index === 4 && r.pos.step === 1)));
  // Asked moves, the timer and the blanked screen, from either side.
  a.link.ask('next', null);
  await p.hears((r) => r.type === 'ask' && r.command === 'next');
  assert.ok(!b.remote.some((r) => r.type === 'ask'), 'only the presenter hears what is asked');
  p.link.blank(true);
  await a.hears((r) => r.type === 'blank' && r.on);
  b.link.timer({ elapsed: 5000, running: true, started: true });
  await p.hears((r) => r.type === 'timer' && r.timer.running);
  // The presenter goes: each audience terminal sees it gone (even the one that heard it through the other).
  p.link.close();
  await Promise.all([a.until('lost'), b.until('lost')]);
});

test('a late audience terminal gets the presenter timer as its elapsed time now', async (t) => {
  const dir = tempDir(t);
  let clock = 1_000_000;
  const p = link(t, { dir, role: 'presenter', now: () => clock });
  p.link.timer({ elapsed: 30_000, running: true, started: true });
  clock += 15_000;
  const a = link(t, { dir, now: () => clock });
  await a.hears((r) => r.type === 'timer' && r.timer.elapsed === 45_000 && r.timer.running);
});

test('the presenter sees the audience screen go; a second presenter is found; one that takes over replaces it', async (t) => {
  const dir = tempDir(t);
  assert.equal(await presenterThere('room', dir), false, 'nobody there');
  const p = link(t, { dir, role: 'presenter' });
  const a = link(t, { dir });
  await Promise.all([p.until('linked'), a.until('linked')]);
  assert.equal(await presenterThere('room', dir), true);
  assert.equal(await presenterThere('another room', dir), false);
  a.link.close();
  await p.until('lost');
  const a2 = link(t, { dir });
  await p.until('linked');
  const q = link(t, { dir, role: 'presenter', takeover: true });
  await p.until('replaced');
  await Promise.all([q.until('linked'), a2.until('linked')]);
  assert.equal(p.link.reason, 'another presenter took over');
  q.link.moved({ index: 5, step: 0 });
  await a2.hears((r) => r.type === 'nav' && r.pos.index === 5);
  assert.equal(await presenterThere('room', dir), true, 'the new one');
});

test('two presenters started at once (both past the check): one stays, the other is told', async (t) => {
  const dir = tempDir(t);
  const a = link(t, { dir });
  const p1 = link(t, { dir, role: 'presenter' });
  const p2 = link(t, { dir, role: 'presenter' });
  await Promise.race([p1.until('replaced'), p2.until('replaced')]);
  const [gone, kept] = p1.status() === 'replaced' ? [p1, p2] : [p2, p1];
  await Promise.all([kept.until('linked'), a.until('linked')]);
  assert.equal(gone.status(), 'replaced');
  kept.link.moved({ index: 2, step: 0 });
  await a.hears((r) => r.type === 'nav' && r.pos.index === 2);
});
