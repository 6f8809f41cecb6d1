// What version 2 of the link protocol gained for pages and followers (the
// page in a position, the audience screen's fit, a hello's addressee), and
// the bounded outbox of each connection: pure, no sockets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PAGES, decode, encode, type Message } from '../../src/link/protocol.js';
import { OUTBOX_MAX, Outbox, kindOf } from '../../src/link/outbox.js';
import { LinkEcho, samePos } from '../../src/link/sync.js';

const DECK = '0123456789abcdef';
const ID = 'a1b2c3d4e5f6';
const OTHER = 'ffeeddccbbaa';
const now = 1_000_000;
const stamp = { t: 5, id: ID };
const base = { v: 2, deck: DECK, id: ID, role: 'audience' };
const fit = (over: Record<string, unknown> = {}) => JSON.stringify({ ...base, type: 'fit', pos: { index: 1, step: 0, page: 2 }, pages: 3, cols: 100, rows: 30, ...over });

test('a position carries the audience screen\'s page; a bad page drops the message', () => {
  const nav = (pos: unknown) => decode(JSON.stringify({ ...base, type: 'nav', pos, stamp }), now);
  assert.deepEqual((nav({ index: 1, step: 0, page: 2 }) as Extract<Message, { type: 'nav' }>).pos, { index: 1, step: 0, page: 2 });
  assert.deepEqual((nav({ index: 1, step: 0 }) as Extract<Message, { type: 'nav' }>).pos, { index: 1, step: 0 }, 'no page: the top');
  assert.deepEqual((nav({ index: 1, step: 0, page: 0 }) as Extract<Message, { type: 'nav' }>).pos, { index: 1, step: 0 });
  for (const page of [-1, 1.5, '2', MAX_PAGES + 1, null]) assert.equal(nav({ index: 1, step: 0, page }), null, `page ${page}`);
  assert.ok(samePos({ index: 1, step: 0 }, { index: 1, step: 0, page: 0 }));
  assert.ok(!samePos({ index: 1, step: 0, page: 1 }, { index: 1, step: 0 }));
  // A page that came from the link is not sent back; another page is.
  const echo = new LinkEcho();
  echo.received({ index: 1, step: 0, page: 1 });
  assert.equal(echo.shouldSend({ index: 1, step: 0, page: 1 }), false);
  assert.equal(echo.shouldSend({ index: 1, step: 0, page: 2 }), true);
});

test('the audience screen\'s fit: validated field by field, of version 2 only', () => {
  const m = decode(fit(), now);
  assert.deepEqual(m, { ...base, type: 'fit', pos: { index: 1, step: 0, page: 2 }, pages: 3, cols: 100, rows: 30 });
  assert.deepEqual(decode(encode(m!), now), m, 'round trip');
  for (const over of [{ pages: 0 }, { pages: -1 }, { pages: MAX_PAGES + 1 }, { pages: '3' }, { cols: 1e9 }, { rows: -2 }, { pos: { index: -1, step: 0 } }, { pos: null }, { v: 3 }, { v: 1 }]) {
    assert.equal(decode(fit(over), now), null, JSON.stringify(over));
  }
  // Unknown fields are not kept.
  assert.equal('extra' in (decode(fit({ extra: 'x' }), now) as object), false);
});

test('a hello answered to one terminal names it; a bad addressee is left out', () => {
  const hello = (to: unknown) =>
    decode(JSON.stringify({ ...base, type: 'hello', pos: { index: 0, step: 0 }, stamp, timer: { value: { elapsed: 0, running: false, started: false }, stamp }, blank: { value: false, stamp }, reply: true, to }), now) as Extract<Message, { type: 'hello' }>;
  assert.equal(hello(OTHER).to, OTHER);
  for (const to of ['x', 'A1B2C3D4E5F6', 5, null]) assert.equal(hello(to).to, undefined, String(to));
});

test('an outbox writes at once while the connection takes it, then keeps only the latest of each kind', () => {
  const written: string[] = [];
  let takes = true;
  const box = new Outbox((data) => (written.push(data), takes));
  assert.ok(box.send('nav', 'n1\n'));
  takes = false;
  assert.ok(box.send('nav', 'n2\n'), 'the write that fills the connection is still written');
  assert.deepEqual(written, ['n1\n', 'n2\n']);
  // Blocked: positions replace each other; each asked move is kept.
  for (let i = 3; i <= 50; i++) assert.ok(box.send('nav', `n${i}\n`));
  assert.ok(box.send('timer', 't\n'));
  assert.ok(box.send('nav', 'n51\n'));
  assert.equal(box.size, 2);
  takes = true;
  box.drained();
  assert.deepEqual(written.slice(2), ['t\nn51\n'], 'in order of arrival, the latest position last');
  assert.equal(box.size, 0);
});

test('an outbox never holds more than its bound: past it, the connection is given up on', () => {
  const box = new Outbox(() => false, 4);
  box.send('x', 'first\n');
  for (let i = 0; i < 4; i++) assert.ok(box.send(`hello:${i}`, 'h\n'));
  assert.equal(box.send('hello:4', 'h\n'), false);
  assert.ok(box.size <= 5);
  assert.equal(OUTBOX_MAX, 64);
  const m = decode(fit(), now)!;
  assert.equal(kindOf(m, 1), 'fit');
  assert.notEqual(kindOf({ ...base, type: 'ask', command: 'next', count: null } as Message, 1), kindOf({ ...base, type: 'ask', command: 'next', count: null } as Message, 2));
  assert.equal(kindOf({ ...base, type: 'bye' } as Message, 1), `bye:${ID}`);
});
