/**
 * Part of `npm run bench`: 200 followers on one presenter. The built CLI
 * presents in a pseudo-terminal with `--socket`; FOLLOWERS socket clients in
 * this process speak the link protocol (test/helpers/followers.ts), one of
 * them stalled (it reads nothing once it has said hello).
 *   move   `l` or `h` written to the presenter → the last live follower has
 *          the new position (MOVES moves, one at a time)
 *   flood  FLOOD moves written at once while the stalled follower reads
 *          nothing, then one more: time until every live follower has it
 *   rss    the presenter's resident memory before and after the flood, and
 *          its peak (VmRSS, VmHWM): the stalled follower's backlog is bounded
 * Environment: BENCH_FOLLOWERS (default 200), BENCH_MOVES (default 30),
 * BENCH_FLOOD (default 2000).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readDeck } from '../src/io/read-worker.js';
import { linkFingerprint } from '../src/ui/present.js';
import { fakeFollower, type FakeFollower } from '../test/helpers/followers.js';
import { spawnTerm } from '../test/helpers/term.js';

const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS ?? 200);
const MOVES = Number(process.env.BENCH_MOVES ?? 30);
const FLOOD = Number(process.env.BENCH_FLOOD ?? 2000);
const DECK = fileURLToPath(new URL('../test/fixtures/basic.md', import.meta.url));

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1]) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Milliseconds until every follower in `live` has slide `index`, counted from `t0`. */
async function reached(live: FakeFollower[], index: number, t0: number): Promise<number> {
  const ats = await Promise.all(live.map((f) => f.reaches(index, 30_000)));
  return Math.max(...ats) - t0;
}

export async function benchFollowers(cli: string): Promise<string[]> {
  const run = mkdtempSync(join(tmpdir(), 'bp-bench-follow-'));
  const sock = join(run, 'brief.sock');
  const presenter = spawnTerm(process.execPath, [cli, '--notes', '--socket', sock, DECK], {
    cols: 120,
    rows: 30,
    env: { XDG_RUNTIME_DIR: run },
  });
  const fakes: FakeFollower[] = [];
  try {
    await presenter.waitFor(/Notes ─/, { timeout: 30_000 });
    const fingerprint = linkFingerprint(readDeck({ path: DECK, pauses: true }).deck);
    for (let i = 0; i < FOLLOWERS; i++) fakes.push(await fakeFollower(sock, fingerprint, i === 0));
    const live = fakes.slice(1);
    await Promise.all(live.map((f) => f.reaches(0, 30_000)));
    const moves: number[] = [];
    for (let i = 0; i < MOVES; i++) {
      const t0 = performance.now();
      presenter.write(i % 2 === 0 ? 'l' : 'h');
      moves.push(await reached(live, i % 2 === 0 ? 1 : 0, t0));
    }
    const before = memory(presenter.pid);
    presenter.write('lh'.repeat(FLOOD / 2));
    const t0 = performance.now();
    presenter.write('4G');
    const flood = await reached(live, 3, t0);
    const after = memory(presenter.pid);
    moves.sort((a, b) => a - b);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const mb = (x: number) => `${x.toFixed(1)} MB`;
    const worst = Math.max(moves[moves.length - 1], flood);
    return [
      `followers: ${FOLLOWERS} on one presenter (one stalled), ${MOVES} moves one at a time, then ${FLOOD} at once`,
      `  a move reaches the last follower: median ${ms(moves[moves.length >> 1])}, max ${ms(moves[moves.length - 1])}; after the flood ${ms(flood)}`,
      `  presenter memory: ${mb(before.rss)} before the flood, ${mb(after.rss)} after (peak ${mb(after.peak)})`,
      `  target: every follower within 1 s: ${worst < 1000 ? 'met' : 'NOT met'}`,
    ];
  } finally {
    fakes.forEach((f) => f.close());
    presenter.write('q');
    await presenter.waitForExit({ timeout: 10_000 }).catch(() => undefined);
    presenter.dispose();
    rmSync(run, { recursive: true, force: true });
  }
}

// Run alone: `node --import tsx bench/follow.ts` (after `npm run build`).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchFollowers(fileURLToPath(new URL('../dist/cli.cjs', import.meta.url))).then(
    (lines) => (console.log(lines.join('\n')), process.exit(0)),
    (err) => (console.error(err), process.exit(1)),
  );
}
