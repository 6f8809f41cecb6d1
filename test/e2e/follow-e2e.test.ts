// Followers, end to end: the built CLI in pseudo-terminals (`--follow`), and
// 200 followers on one presenter, most of them socket clients in this process
// that speak the link protocol, one of them stalled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { at, fixture, open, runtime } from '../helpers/channel.js';
import { fakeFollower, type FakeFollower } from '../helpers/followers.js';
import { readDeck } from '../../src/io/read-worker.js';
import { linkFingerprint } from '../../src/ui/present.js';

const deck = fixture('basic.md');
const FOLLOWERS = 200;

test('200 followers, one stalled: a move on the presenter reaches every other one, and the real ones show it', async (t) => {
  const run = runtime(t);
  const sock = join(run, 'brief.sock');
  const presenter = open(['--notes', '--socket', sock, deck], run, 120);
  await presenter.waitFor(/Notes ─/);
  const real = [open(['--follow', '--socket', sock, deck], run, 80), open(['--follow', '--socket', sock, deck], run, 60)];
  const fingerprint = linkFingerprint(readDeck({ path: deck, pauses: true }).deck);
  const fakes: FakeFollower[] = [];
  t.after(() => fakes.forEach((f) => f.close()));
  for (let i = 0; i < FOLLOWERS - real.length; i++) fakes.push(await fakeFollower(sock, fingerprint, i === 0));
  const [stalled, ...live] = fakes;
  await Promise.all(live.map((f) => f.reaches(0)));
  for (const f of real) await f.waitFor(/⇄ following/);

  // Many moves while one follower reads nothing, then one more: everyone else has it soon.
  presenter.write('lh'.repeat(100));
  await presenter.waitFor(at(1));
  const t0 = performance.now();
  presenter.write('3G');
  await Promise.all([...live.map((f) => f.reaches(2)), ...real.map((f) => f.waitFor(at(3)))]);
  const took = performance.now() - t0;
  assert.ok(took < 5000, `every follower had the move after ${Math.round(took)} ms`);
  assert.notEqual(stalled.index, 2, 'the stalled follower read nothing');
  await presenter.waitFor(at(3));

  // Followers show no notes, and their moves move nobody.
  // Keys in order: once the help it opens is up, the moves before it were read (and did nothing).
  real[0].write('lGo?');
  await real[0].waitFor(/quit/);
  assert.match(presenter.screen(), at(3));
  real[0].write('?');
  await real[0].waitFor(at(3));
  presenter.write('l');
  await real[0].waitFor(at(4));
  await presenter.waitFor(at(4));
  for (const f of real) assert.doesNotMatch(f.output(), /Say hello|Notes ─|Next:/);

  // A follower that goes, and one that stalls, hold nobody up.
  fakes.slice(1, 50).forEach((f) => f.close());
  presenter.write('G');
  await Promise.all([...live.slice(49).map((f) => f.reaches(5)), real[1].waitFor(at(6))]);
  for (const x of [presenter, ...real]) x.write('q');
  await Promise.all([presenter, ...real].map((x) => x.waitForExit()));
});

test('a follower of another version of the deck says so, instead of showing wrong slides', async (t) => {
  const run = runtime(t);
  const dir = mkdtempSync(join(tmpdir(), 'bp-other-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const other = join(dir, 'basic.md');
  writeFileSync(other, readFileSync(deck, 'utf8').replace('Some paragraph.', 'Another paragraph.'));
  const sock = join(run, 'brief.sock');
  const presenter = open(['--notes', '--socket', sock, deck], run, 120);
  await presenter.waitFor(/Notes ─/);
  const follower = open(['--follow', '--socket', sock, other], run);
  await follower.waitFor(/The presenter shows a different version of this deck\./);
  assert.doesNotMatch(follower.screen(), /Opening|slide 1/);
  follower.write('q');
  await follower.waitForExit();
  // The same deck follows.
  const same = open(['--follow', '--socket', sock, deck], run);
  await same.waitFor(/⇄ following/);
  presenter.write('l');
  await same.waitFor(at(2));
  for (const x of [presenter, same]) x.write('q');
  await Promise.all([presenter, same].map((x) => x.waitForExit()));
});

test('a follower waits for the presenter, and --follow is not for a presenter', async (t) => {
  const run = runtime(t);
  const sock = join(run, 'brief.sock');
  const follower = open(['--follow', '--socket', sock, deck], run);
  await follower.waitFor(/waiting for the presenter/);
  const presenter = open(['--notes', '--socket', sock, deck], run, 120);
  await follower.waitFor(/⇄ following/);
  presenter.write('G');
  await follower.waitFor(at(6));
  presenter.write('q');
  await presenter.waitForExit();
  await follower.waitFor(/waiting for the presenter/);
  follower.write('q');
  await follower.waitForExit();
  const bad = open(['--follow', '--notes', deck], run);
  assert.equal((await bad.waitForExit()).exitCode, 2);
  assert.match(bad.screen(), /--follow is for a follower/);
});
