// Roles on the link, end to end: the built CLI in pseudo-terminals. A presenter
// and an audience terminal, never two of a kind; one presenter per channel; the
// audience screen safe from the notes; blanking; the shared timer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, fixture, open, runtime } from '../helpers/channel.js';

const MARK = /⇄/;
const deck = fixture('basic.md');

test('two plain runs of a deck do not link: one opened to look ahead moves nothing', async (t) => {
  const run = runtime(t);
  const live = open([deck], run);
  await live.waitFor(at(1));
  live.write('l');
  await live.waitFor(at(2));
  const ahead = open([deck], run);
  await ahead.waitFor(at(1));
  ahead.write('G');
  await ahead.waitFor(at(6));
  live.write('l');
  await live.waitFor(at(3));
  ahead.write('h');
  await ahead.waitFor(at(5));
  assert.match(live.screen(), at(3));
  assert.doesNotMatch(live.screen() + ahead.screen(), MARK);
  live.write('q');
  ahead.write('q');
  await Promise.all([live.waitForExit(), ahead.waitForExit()]);
});

test('a second presenter is refused before it takes the screen; --takeover takes over', async (t) => {
  const run = runtime(t);
  const first = open(['--notes', deck], run, 120);
  const audience = open([deck], run);
  await first.waitFor(/⇄ linked/);
  await audience.waitFor(MARK);

  const second = open(['--presenter', deck], run, 120);
  const status = await second.waitForExit();
  assert.equal(status.exitCode, 2);
  assert.match(second.screen(), /^brief-present: another presenter is on this channel already \(--takeover takes over from it\)$/m);
  assert.doesNotMatch(second.output(), /\u001b\[\?1049h/, 'the screen was never taken');

  const next = open(['--notes', '--takeover', deck], run, 120);
  await first.waitFor(/another presenter took over/);
  await next.waitFor(/⇄ linked/);
  next.write('3G');
  await audience.waitFor(at(3));
  // The old one presents on, unlinked: its moves reach nobody.
  first.write('G');
  await first.waitFor(at(6));
  next.write('l');
  await audience.waitFor(at(4));
  assert.match(first.screen(), /another presenter took over/);
  for (const term of [first, next, audience]) term.write('q');
  await Promise.all([first, next, audience].map((term) => term.waitForExit()));
});

test('the audience terminal, linked: o, p and r show no notes, its moves go through the presenter, b blanks from either side', async (t) => {
  const run = runtime(t);
  const audience = open([deck], run);
  const presenter = open(['--notes', deck], run, 120);
  await presenter.waitFor(/⇄ linked/);
  await audience.waitFor(MARK);
  presenter.write('l');
  await audience.waitFor(at(2));
  await presenter.waitFor(/Say hello to the room\./);

  // Keys in order: once the blank it asks for reaches the presenter, o, p and r were read.
  audience.write('opr');
  audience.write('b');
  await presenter.waitFor(/audience blanked/);
  assert.doesNotMatch(audience.output(), /Say hello|Notes ─|Next:/);
  await audience.waitFor((s) => !/slide 2/.test(s));
  assert.match(presenter.screen(), /Say hello to the room\./, 'the presenter still sees the slide and notes');

  // A move on the presenter brings the slide back, without moving.
  presenter.write('l');
  await audience.waitFor(at(2));
  await presenter.waitFor((s) => !/audience blanked/.test(s));
  assert.match(presenter.screen(), at(2));

  // From the presenter; back with b on the audience terminal; a move there is the presenter's.
  presenter.write('.');
  await audience.waitFor((s) => !/slide 2/.test(s));
  audience.write('b');
  await audience.waitFor(at(2));
  await presenter.waitFor((s) => !/audience blanked/.test(s));
  audience.write('l');
  await presenter.waitFor(at(3));
  await audience.waitFor(at(3));

  // The presenter goes: the presenter's screen is not the one that says so; the audience keeps calm.
  presenter.write('q');
  await presenter.waitForExit();
  await audience.waitFor((s) => !MARK.test(s));
  assert.doesNotMatch(audience.screen(), /disconnected/);
  audience.write('q');
  await audience.waitForExit();
});

test('--audience: keys that show notes do nothing even before a presenter links', async (t) => {
  const run = runtime(t);
  const audience = open(['--audience', deck], run);
  await audience.waitFor(at(1));
  audience.write('lopr/l');
  await audience.waitFor(at(3));
  assert.doesNotMatch(audience.output(), /Say hello|Notes ─|search/);
  audience.write('q');
  await audience.waitForExit();
});

test('a plain run alone: b blanks its own screen', async (t) => {
  const run = runtime(t);
  const alone = open([deck], run);
  await alone.waitFor(at(1));
  alone.write('b');
  await alone.waitFor((s) => s.trim() === '');
  alone.write('b');
  await alone.waitFor(at(1));
  alone.write('q');
  await alone.waitForExit();
});

test('the shared timer: started and paused on either side, and a late joiner gets its elapsed time', async (t) => {
  const run = runtime(t);
  const first = open(['--notes', deck], run, 120);
  await first.waitFor(/0:00 starts on the next slide/);
  first.write('t');
  await first.waitFor(/0:0[2-9] running/, { timeout: 15_000 });
  first.write('t');
  const paused = (await first.waitFor(/0:0\d paused/)).match(/0:0\d(?= paused)/)![0];

  // The audience terminal joins late; the presenter goes; another presenter joins later still.
  const audience = open([deck], run);
  await audience.waitFor(MARK);
  first.write('q');
  await first.waitForExit();
  await audience.waitFor((s) => !MARK.test(s));
  const second = open(['--notes', deck], run, 120);
  await second.waitFor(new RegExp(`${paused} paused`));

  // Started on the audience terminal, reset there: the presenter follows.
  audience.write('t');
  await second.waitFor(/running/);
  audience.write('T');
  await second.waitFor(/0:00 starts on the next slide/);
  for (const term of [second, audience]) term.write('q');
  await Promise.all([second, audience].map((term) => term.waitForExit()));
});
