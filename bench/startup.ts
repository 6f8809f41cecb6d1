/**
 * `npm run bench`: how fast brief-present is, measured the way a user sees it.
 *
 * The built CLI runs in a pseudo-terminal feeding a headless terminal emulator
 * (the end-to-end test harness, 100×30). For each deck:
 *   first  spawn → the first slide's title is on the emulated screen
 *   next   once no output has arrived for QUIET_MS, write `l` → the next
 *          slide's title is on the screen (the quiet wait is not measured)
 *   rss    peak resident memory (VmHWM from /proc/PID/status), read after
 *          "next", before any menu has loaded Ink
 *   menu   then the section menu is opened and closed (Ink loads and paints,
 *          then the direct painter takes over again), and after QUIET_MS
 *          `l` → the slide after that one on the screen: "next" after a menu
 * The floor is bare node: `node -e "process.stdout.write('x')"`, timed the
 * same way (spawn → `x` on the screen); its memory is read from the same
 * command kept alive until it has been measured.
 *
 * A 1 MB deck (one slide holding a 100,000-row table) is timed too: spawn →
 * its first slide on the screen, in the same rounds, and then `export` to
 * md, txt and html (spawn → exit, BIG_EXPORT_RUNS times each); each has to
 * take under 2 s.
 *
 * Then 200 followers on one presenter (bench/follow.ts): how soon a move
 * reaches every follower (target: within 1 s), and the presenter's memory
 * with one follower stalled.
 *
 * Runs are interleaved (floor, deck A, deck B, floor, …) so drift in the
 * machine's load affects every row alike. Medians and ratios are what count.
 *
 * Environment: BENCH_RUNS (default 10), BENCH_WARMUP (default 2),
 * BENCH_SLIDES (size of the generated deck, default 2000), BENCH_CLI (the CLI
 * to run, default dist/cli.cjs). To compare builds before and after a change,
 * BENCH_CLI takes several, `name=path` separated by commas
 * (`BENCH_CLI=before=/tmp/a/dist/cli.cjs,after=dist/cli.cjs`): every build is
 * run in the same interleaved rounds and gets its own rows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseFiles } from '../src/deck/parse.js';
import { loadDeck } from '../src/io/load.js';
import { createMarkdownRenderer } from '../src/render/markdown.js';
import { renderSlideLines } from '../src/render/slide.js';
import { makeTheme } from '../src/render/theme.js';
import { spawnTerm, type Term } from '../test/helpers/term.js';
import { generateDeck, GENERATED_TITLE, tableDeck, TABLE_TITLE, topicTitle } from './deck.js';
import { benchFollowers } from './follow.js';
import { pictureDeck, pictureRun, removePictureDeck, type PictureSample } from './pictures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIS: { name: string; path: string }[] = (process.env.BENCH_CLI ?? join(ROOT, 'dist', 'cli.cjs'))
  .split(',')
  .map((spec) => (spec.includes('=') ? spec.split('=') : ['', spec]))
  .map(([name, path]) => ({ name, path }));
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const SLIDES = Number(process.env.BENCH_SLIDES ?? 2000);
const COLS = 100;
const ROWS = 30;
const QUIET_MS = 150;
const BIG_EXPORT_RUNS = 3;
const BIG_TARGET_MS = 2000;
const TIMEOUT = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolve once the program has written nothing for `ms` milliseconds. */
async function quiet(term: Term, ms = QUIET_MS): Promise<void> {
  let len = term.output().length;
  let since = performance.now();
  for (;;) {
    await sleep(10);
    const now = term.output().length;
    if (now !== len) {
      len = now;
      since = performance.now();
    } else if (performance.now() - since >= ms) {
      return;
    }
  }
}

/** Peak resident set size of a live process, in MB. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

// Presenters of the same deck link up through a socket in XDG_RUNTIME_DIR:
// a private one keeps other brief-present processes (tests) out of the runs.
const runtime = mkdtempSync(join(tmpdir(), 'bp-bench-run-'));
const briefingFiles = loadDeck(join(ROOT, 'slides'));
const BRIEFING = parseFiles(briefingFiles.files, { folder: true });
const BRIEFING_SLIDES = BRIEFING.slides.length;

// Each build keeps its code cache in a folder of its own (a launcher removes the
// caches of other builds from its folder): interleaved builds stay warm.
const caches = new Map<string, string>();
const cacheFor = (cli: string) => {
  if (!caches.has(cli)) caches.set(cli, mkdtempSync(join(tmpdir(), 'bp-bench-cache-')));
  return caches.get(cli)!;
};
const spawn = (args: string[], cli?: string) =>
  spawnTerm(process.execPath, args, {
    cols: COLS,
    rows: ROWS,
    env: { XDG_RUNTIME_DIR: runtime, ...(cli ? { XDG_CACHE_HOME: cacheFor(cli) } : {}) },
  });

interface Sample {
  first: number;
  next?: number;
  rss?: number;
  menu?: number;
}

async function floorRun(): Promise<Sample> {
  const t0 = performance.now();
  const term = spawn(['-e', "process.stdout.write('x')"]);
  try {
    await term.waitFor('x', { timeout: TIMEOUT });
    const first = performance.now() - t0;
    await term.waitForExit({ timeout: TIMEOUT });
    return { first };
  } finally {
    term.dispose();
  }
}

/** Bare node's memory: the floor command, kept alive until VmHWM is read. */
async function floorRss(): Promise<number> {
  const term = spawn(['-e', "process.stdout.write('x'); setInterval(() => {}, 1000)"]);
  try {
    await term.waitFor('x', { timeout: TIMEOUT });
    await quiet(term, 50);
    return peakRss(term.pid);
  } finally {
    term.dispose();
  }
}

async function cliRun(cli: string, args: string[], firstTitle: string, nextTitle: string, thirdTitle: string): Promise<Sample> {
  const t0 = performance.now();
  const term = spawn([cli, ...args], cli);
  try {
    await term.waitFor(firstTitle, { timeout: TIMEOUT });
    const first = performance.now() - t0;
    await quiet(term);
    const t1 = performance.now();
    term.write('l');
    await term.waitFor(nextTitle, { timeout: TIMEOUT });
    const next = performance.now() - t1;
    await quiet(term, 50);
    const rss = peakRss(term.pid);
    term.write('s');
    await term.waitFor('Sections', { timeout: TIMEOUT });
    await quiet(term);
    term.write('\u001b');
    await term.waitFor((screen) => !screen.includes('Sections') && screen.includes(nextTitle), { timeout: TIMEOUT });
    await quiet(term);
    const t2 = performance.now();
    term.write('l');
    await term.waitFor(thirdTitle, { timeout: TIMEOUT });
    const menu = performance.now() - t2;
    term.write('q');
    const exit = await term.waitForExit({ timeout: TIMEOUT });
    if (exit.exitCode !== 0) throw new Error(`brief-present exited ${exit.exitCode}`);
    return { first, next, rss, menu };
  } finally {
    term.dispose();
  }
}

/** Spawn → the first slide of a deck on the screen, then quit. */
async function firstOnly(cli: string, args: string[], title: string): Promise<Sample> {
  const t0 = performance.now();
  const term = spawn([cli, ...args], cli);
  try {
    await term.waitFor(title, { timeout: TIMEOUT });
    const first = performance.now() - t0;
    term.write('q');
    await term.waitForExit({ timeout: TIMEOUT });
    return { first };
  } finally {
    term.dispose();
  }
}

/** Spawn → exit of one export (written to a file beside the deck), in ms. */
function exportTime(cli: string, deck: string, format: string): number {
  const t0 = performance.now();
  execFileSync(process.execPath, [cli, 'export', deck, '--format', format, '-o', `${deck}.${format}`, '--force'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, XDG_CACHE_HOME: cacheFor(cli) },
  });
  return performance.now() - t0;
}

function stats(xs: number[]): { min: number; median: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { min: s[0], median, max: s[s.length - 1] };
}

/** Median time of `fn` over `n` calls, in ms (after one warm-up call). */
function timeInProcess(fn: () => unknown, n = 10): { min: number; median: number; max: number } {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return stats(xs);
}

function machine(): string {
  const model = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model;
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  return `${nproc} × ${model}, node ${process.version}, ${process.platform} ${process.arch}`;
}

async function main(): Promise<void> {
  for (const cli of CLIS) if (!existsSync(cli.path)) throw new Error(`${cli.path} is missing: run \`npm run build\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'bp-bench-'));
  const bigDeck = join(dir, `deck-${SLIDES}.md`);
  const bigText = generateDeck(SLIDES);
  writeFileSync(bigDeck, bigText);
  const tableFile = join(dir, 'table-100000.md');
  writeFileSync(tableFile, tableDeck(100_000));
  const tableName = `1 MB deck, a 100,000-row table`;

  const cases: { name: string; run: () => Promise<Sample> }[] = [{ name: 'floor', run: floorRun }];
  const decks: [string, string][] = [];
  for (const cli of CLIS) {
    const label = (deck: string) => (cli.name ? `${cli.name}: ${deck}` : deck);
    const briefing = label(`bundled briefing, ${BRIEFING_SLIDES} slides`);
    const big = label(`generated, ${SLIDES} slides`);
    decks.push([briefing, big]);
    cases.push(
      { name: briefing, run: () => cliRun(cli.path, [], 'Cambodia-US relations', 'Agenda', BRIEFING.slides[2].title) },
      { name: big, run: () => cliRun(cli.path, [bigDeck], GENERATED_TITLE, topicTitle(1), topicTitle(2)) },
      { name: label(tableName), run: () => firstOnly(cli.path, [tableFile], TABLE_TITLE) },
    );
  }
  // Pictures: the last build only (see bench/pictures.ts).
  const pictures = pictureDeck();
  const pictureSamples: PictureSample[] = [];
  const lastCli = CLIS[CLIS.length - 1].path;
  const tools = { spawn: (args: string[]) => spawn(args, lastCli), quiet, peakRss, timeout: TIMEOUT };
  cases.push({ name: 'pictures', run: async () => ((pictureSamples.push(await pictureRun(tools, lastCli, pictures.deck))), { first: 0 }) });
  const [briefingName, bigName] = decks[decks.length - 1];
  const deckNames = decks.flat();
  const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
  const rssFloor: number[] = [];
  process.stderr.write(`bench: ${WARMUP} warm-up + ${RUNS} runs of each, interleaved\n`);
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const c of cases) {
      const s = await c.run();
      if (i >= WARMUP) samples.get(c.name)!.push(s);
    }
    const r = await floorRss();
    if (i >= WARMUP) rssFloor.push(r);
    process.stderr.write(i < WARMUP ? 'w' : '.');
  }
  process.stderr.write('\n');
  const exports = new Map<string, number[]>();
  for (let i = 0; i < BIG_EXPORT_RUNS; i++) {
    for (const cli of CLIS) {
      for (const format of ['md', 'txt', 'html']) {
        const name = `${cli.name ? `${cli.name}: ` : ''}export ${format}`;
        exports.set(name, [...(exports.get(name) ?? []), exportTime(cli.path, tableFile, format)]);
      }
    }
  }

  // In-process figures (not part of the targets): what start-up spends parsing
  // the big deck, and what one slide costs to render.
  const parse = timeInProcess(() => parseFiles([{ path: bigDeck, text: bigText }], { folder: false }));
  const deck = parseFiles([{ path: bigDeck, text: bigText }], { folder: false });
  const md = createMarkdownRenderer(makeTheme(2));
  let k = 0;
  const render = timeInProcess(() => renderSlideLines(deck.slides[1 + (k++ % 50)], 96, md), 50);
  rmSync(dir, { recursive: true, force: true });
  rmSync(runtime, { recursive: true, force: true });
  removePictureDeck(pictures.dir);
  const pics = pictureSamples.slice(WARMUP);
  for (const dir of caches.values()) rmSync(dir, { recursive: true, force: true });

  const floor = stats(samples.get('floor')!.map((s) => s.first));
  const floorMem = stats(rssFloor);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const mb = (x: number) => `${x.toFixed(1)} MB`;
  const ratio = (x: number, f: number) => `${(x / f).toFixed(2)}×`;
  const rows: string[][] = [];
  const row = (what: string, deckName: string, xs: number[], unit: (x: number) => string, base: number) => {
    const s = stats(xs);
    rows.push([what, deckName, unit(s.min), unit(s.median), unit(s.max), ratio(s.median, base)]);
  };
  row('start (floor)', "`node -e \"process.stdout.write('x')\"`", samples.get('floor')!.map((s) => s.first), ms, floor.median);
  for (const name of deckNames) row('first', name, samples.get(name)!.map((s) => s.first), ms, floor.median);
  for (const name of deckNames) row('next', name, samples.get(name)!.map((s) => s.next!), ms, floor.median);
  for (const name of deckNames) row('next after the menu', name, samples.get(name)!.map((s) => s.menu!), ms, floor.median);
  for (const cli of CLIS) {
    const name = cli.name ? `${cli.name}: ${tableName}` : tableName;
    row('first', name, samples.get(name)!.map((s) => s.first), ms, floor.median);
  }
  for (const [name, xs] of exports) row(name, tableName, xs, ms, floor.median);
  const pictureDeckName = 'ten slides, a 1000×1000 PNG each';
  row('first, text', pictureDeckName, pics.map((s) => s.text), ms, floor.median);
  row('first, picture', pictureDeckName, pics.map((s) => s.picture), ms, floor.median);
  row('next, picture cached', pictureDeckName, pics.map((s) => s.nextCached), ms, floor.median);
  row('peak RSS (floor)', 'bare node', rssFloor, mb, floorMem.median);
  for (const name of deckNames) row('peak RSS', name, samples.get(name)!.map((s) => s.rss!), mb, floorMem.median);
  row('peak RSS, ten pictures shown', pictureDeckName, pics.map((s) => s.rss), mb, floorMem.median);

  const header = ['measure', 'deck', 'min', 'median', 'max', 'median ÷ floor'];
  const table = [header, header.map((h, i) => (i >= 2 ? '---:' : '---')), ...rows].map((r) => `| ${r.join(' | ')} |`);
  const date = new Date().toISOString().slice(0, 10);
  console.log(`brief-present benchmark — ${date} — ${machine()}`);
  console.log(`terminal ${COLS}×${ROWS}, ${RUNS} runs after ${WARMUP} warm-up, quiet wait ${QUIET_MS} ms before "next"\n`);
  console.log(table.join('\n'));
  console.log('');
  console.log(`in process: parse the ${SLIDES}-slide deck ${ms(parse.median)} (median of 10; min ${ms(parse.min)});`);
  console.log(`            render one slide at width 96 ${ms(render.median)} (median of 50)`);

  const median = (name: string, pick: (s: Sample) => number) => stats(samples.get(name)!.map(pick)).median;
  const first = median(briefingName, (s) => s.first);
  const firstBig = median(bigName, (s) => s.first);
  const nexts = [briefingName, bigName].map((n) => median(n, (s) => s.next!));
  const menus = [briefingName, bigName].map((n) => median(n, (s) => s.menu!));
  const rssBriefing = median(briefingName, (s) => s.rss!);
  const rssBig = median(bigName, (s) => s.rss!);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log('');
  console.log(`targets (medians${CLIS.length > 1 ? `, ${CLIS[CLIS.length - 1].name}` : ''}):`);
  console.log(`  first (briefing) ≤ 1.3× floor: ${ratio(first, floor.median)} — ${verdict(first <= 1.3 * floor.median)}`);
  console.log(`  next ≤ 3 ms (briefing, ${SLIDES} slides): ${nexts.map(ms).join(', ')} — ${verdict(nexts.every((n) => n <= 3))}`);
  console.log(
    `  next after the menu ≤ next + 1 ms: ${menus.map(ms).join(', ')} — ${verdict(menus.every((m, i) => m <= nexts[i] + 1))}`,
  );
  console.log(
    `  first (${SLIDES} slides) ≤ floor + 150 ms: floor + ${ms(firstBig - floor.median)} — ` +
      verdict(firstBig <= floor.median + 150),
  );
  console.log(`  peak RSS (briefing) ≤ 50 MB: ${mb(rssBriefing)} — ${verdict(rssBriefing <= 50)}`);
  console.log(`  peak RSS (${SLIDES} slides) ≤ 55 MB: ${mb(rssBig)} — ${verdict(rssBig <= 55)}`);
  const last = CLIS[CLIS.length - 1].name;
  const prefix = last ? `${last}: ` : '';
  const big = [
    median(prefix + tableName, (s) => s.first),
    ...['md', 'txt', 'html'].map((f) => stats(exports.get(`${prefix}export ${f}`)!).median),
  ];
  console.log(
    `  ${tableName}: first, export md, txt, html ≤ ${BIG_TARGET_MS} ms: ${big.map(ms).join(', ')} — ` +
      verdict(big.every((x) => x <= BIG_TARGET_MS)),
  );
  const pic = (pick: (s: PictureSample) => number) => stats(pics.map(pick)).median;
  const [pText, pPicture, pNext, pRss] = [pic((s) => s.text), pic((s) => s.picture), pic((s) => s.nextCached), pic((s) => s.rss)];
  console.log(`  first text (1000×1000 PNG) ≤ floor + 150 ms: floor + ${ms(pText - floor.median)} — ${verdict(pText <= floor.median + 150)}`);
  console.log(`  first picture ≤ 300 ms: ${ms(pPicture)} — ${verdict(pPicture <= 300)}`);
  console.log(`  next onto a cached picture ≤ 5 ms: ${ms(pNext)} — ${verdict(pNext <= 5)}`);
  console.log(`  peak RSS, ten pictures ≤ 80 MB: ${mb(pRss)} — ${verdict(pRss <= 80)}`);
  console.log('\n' + (await benchFollowers(CLIS[CLIS.length - 1].path)).join('\n'));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
