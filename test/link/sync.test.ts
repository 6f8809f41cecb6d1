// The sync protocol and pacing arithmetic: pure, no sockets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineBuffer, decode, encode, newer, type Message } from '../../src/link/protocol.js';
import { LinkEcho, SyncState } from '../../src/link/sync.js';

type NavMessage = Extract<Message, { type: 'nav' }>;
import { clock, pace, plannedStart, sectionBudgets } from '../../src/state/pacing.js';

test('a local move is stamped after everything seen, even with a clock behind', () => {
  const a = new SyncState('a', 'deck', { index: 0, step: 0 });
  const m1 = a.local({ index: 1, step: 0 }, 1000);
  assert.deepEqual(m1.type === 'nav' && m1.stamp, { t: 1000, id: 'a' });
  const m2 = a.local({ index: 2, step: 0 }, 500);
  assert.deepEqual(m2.type === 'nav' && m2.stamp, { t: 1001, id: 'a' });
});

test('both move at once: the last navigation wins and both converge', () => {
  for (const [ta, tb] of [
    [100, 200],
    [200, 100],
    [150, 150],
  ]) {
    const a = new SyncState('a', 'deck', { index: 0, step: 0 });
    const b = new SyncState('b', 'deck', { index: 0, step: 0 });
    const fromA = a.local({ index: 3, step: 0 }, ta);
    const fromB = b.local({ index: 7, step: 1 }, tb);
    // Messages cross in flight.
    b.receive(fromA);
    a.receive(fromB);
    assert.deepEqual(a.pos, b.pos, `converge (${ta}, ${tb})`);
    const winner = ta > tb || (ta === tb && 'a' > 'b') ? { index: 3, step: 0 } : { index: 7, step: 1 };
    assert.deepEqual(a.pos, winner);
  }
});

test('old, foreign and own messages are ignored', () => {
  const a = new SyncState('a', 'deck', { index: 0, step: 0 });
  const b = new SyncState('b', 'deck', { index: 0, step: 0 });
  const first = b.local({ index: 1, step: 0 }, 10);
  const second = b.local({ index: 2, step: 0 }, 20);
  assert.deepEqual(a.receive(second), { index: 2, step: 0 });
  assert.equal(a.receive(first), null, 'out of order: older');
  const other = new SyncState('c', 'another deck', { index: 0, step: 0 }).local({ index: 5, step: 0 }, 99);
  assert.equal(a.receive(other), null, 'another deck');
  assert.equal(a.receive(a.local({ index: 4, step: 0 }, 30)), null, 'own message');
});

test('a terminal that has not moved yet takes the position of one that has', () => {
  const running = new SyncState('r', 'deck', { index: 0, step: 0 });
  running.local({ index: 6, step: 0 }, 5000);
  const fresh = new SyncState('f', 'deck', { index: 0, step: 0 });
  const hello = (s: SyncState) => ({ deck: s.deck, id: s.id, pos: s.pos, stamp: s.latest });
  assert.deepEqual(fresh.receive(hello(running)), { index: 6, step: 0 });
  assert.equal(running.receive(hello(new SyncState('g', 'deck', { index: 0, step: 0 }))), null);
  assert.equal(newer({ t: 0, id: 'z' }, { t: 1, id: 'a' }), false);
});

// Ids and decks in the formats the link makes them: 12 and 16 hex digits.
const ID_A = 'a1b2c3d4e5f6';
const ID_B = '0f0f0f0f0f0f';
const DECK = '0123456789abcdef';

test('messages: one JSON line each; malformed input is dropped, never thrown', () => {
  const m: Message = { v: 2, type: 'nav', deck: DECK, id: ID_A, role: 'presenter', pos: { index: 2, step: 1 }, stamp: { t: 5, id: ID_A } };
  assert.equal(encode(m), JSON.stringify(m) + '\n');
  assert.deepEqual(decode(encode(m)), m);
  for (const bad of ['', 'nope', '{}', '{"v":2}', JSON.stringify({ ...m, pos: { index: -1, step: 0 } }), JSON.stringify({ ...m, type: 'x' }), JSON.stringify({ ...m, v: 1 }), JSON.stringify({ ...m, role: 'notes' })]) {
    assert.equal(decode(bad), null, bad);
  }
  assert.deepEqual(decode(JSON.stringify({ ...m, extra: 'x'.repeat(100) })), m, 'only the known fields are kept');
  const buf = new LineBuffer();
  assert.deepEqual(buf.push('{"a":1}\n{"b"'), ['{"a":1}']);
  assert.deepEqual(buf.push(':2}\n\n'), ['{"b":2}']);
});

test('a stamp far ahead of the clock, or an id not in its format, is dropped: the terminals stay in step', () => {
  const now = 1_700_000_000_000;
  const nav = (stamp: unknown, over: Record<string, unknown> = {}) =>
    JSON.stringify({ v: 2, type: 'nav', deck: DECK, id: ID_B, role: 'audience', pos: { index: 5, step: 0 }, stamp, ...over });
  assert.notEqual(decode(nav({ t: now + 30_000, id: ID_B }), now), null, 'a little ahead: kept');
  for (const t of [now + 60_001, 1e300, Number.MAX_SAFE_INTEGER, now + 0.5, -1]) {
    assert.equal(decode(nav({ t, id: ID_B }), now), null, `stamp ${t}`);
  }
  assert.equal(decode(nav({ t: 5, id: '' }), now), null, 'a moved stamp without an id');
  assert.notEqual(decode(nav({ t: 0, id: '' }), now), null, 'not moved yet');
  for (const id of ['x', 'A1B2C3D4E5F6', 'a1b2c3d4e5f', 'a1b2c3d4e5f60', '../../etc']) {
    assert.equal(decode(nav({ t: 5, id }), now), null, `stamp id ${id}`);
    assert.equal(decode(nav({ t: 5, id: ID_B }, { id }), now), null, `id ${id}`);
  }
  assert.equal(decode(nav({ t: 5, id: ID_B }, { deck: 'd' }), now), null, 'deck not a fingerprint');
  assert.equal(decode(nav({ t: 5, id: ID_B }, { pos: { index: 1e300, step: 0 } }), now), null, 'index out of range');

  // The line that would have won over every later move is dropped; later moves still go both ways.
  const a = new SyncState(ID_A, DECK, { index: 0, step: 0 });
  const b = new SyncState(ID_B, DECK, { index: 0, step: 0 });
  const bogus = decode(nav({ t: now + 3_600_000, id: ID_B }), now);
  if (bogus) a.receive(bogus as NavMessage);
  assert.deepEqual(a.receive(decode(encode(b.local({ index: 2, step: 0 }, now)), now) as NavMessage), { index: 2, step: 0 });
  assert.deepEqual(b.receive(decode(encode(a.local({ index: 3, step: 1 }, now + 1)), now + 1) as NavMessage), { index: 3, step: 1 });
});

const MIN = 60_000;
const sections = [
  { first: 0, last: 3 },
  { first: 4, last: 5, minutes: 6 },
  { first: 6, last: 9 },
];

test('pacing: a deck duration spread over the slides; section minutes honoured', () => {
  assert.equal(sectionBudgets({ sections: sections.map(({ first, last }) => ({ first, last })) }), undefined, 'no plan');
  const even = { minutes: 10, sections: sections.map(({ first, last }) => ({ first, last })) };
  assert.equal(plannedStart(even, 0), 0);
  assert.equal(plannedStart(even, 5), 5 * MIN);
  const plan = { minutes: 14, sections };
  // 6 minutes for section 2; the other 8 shared by the other 8 slides.
  assert.deepEqual(sectionBudgets(plan), [4 * MIN, 6 * MIN, 4 * MIN]);
  assert.equal(plannedStart(plan, 4), 4 * MIN);
  assert.equal(plannedStart(plan, 5), 7 * MIN);
  assert.equal(plannedStart(plan, 6), 10 * MIN);
  const p = pace(plan, 5, 6 * MIN)!;
  assert.deepEqual(p, { total: 14 * MIN, remaining: 8 * MIN, ahead: 1 * MIN });
  assert.equal(pace(plan, 6, 12 * MIN)!.ahead, -2 * MIN, 'behind');
  // Only section minutes: the plan is their sum.
  assert.deepEqual(sectionBudgets({ sections: [{ first: 0, last: 1, minutes: 2 }, { first: 2, last: 3, minutes: 3 }] }), [2 * MIN, 3 * MIN]);
});

test('clock formatting', () => {
  assert.equal(clock(0), '0:00');
  assert.equal(clock(65_000), '1:05');
  assert.equal(clock(3_725_000), '1:02:05');
  assert.equal(clock(-30_000), '-0:30');
  assert.equal(clock(30_000, true), '+0:30');
});

test('a view reports its moves, but not a position that has just come from the link', () => {
  const echo = new LinkEcho();
  assert.equal(echo.shouldSend({ index: 1, step: 0 }), true);
  echo.received({ index: 4, step: 1 });
  assert.equal(echo.shouldSend({ index: 4, step: 1 }), false);
  assert.equal(echo.shouldSend({ index: 4, step: 1 }), false, 'still the remote position');
  assert.equal(echo.shouldSend({ index: 5, step: 0 }), true);
  assert.equal(echo.shouldSend({ index: 4, step: 1 }), true, 'moved back here: a move of its own');
});
