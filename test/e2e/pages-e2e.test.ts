// One position, every size: the presenter drives, and next pages a slide too
// tall for the audience screen page by page, as it fits there, whatever the
// presenter's own size. The built CLI in pseudo-terminals of different sizes.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { CLI, fixture, runtime } from '../helpers/channel.js';
import { spawnTerm, type Term } from '../helpers/term.js';

const deck = fixture('tall.md');
const ROWS = 40;
const row = (n: number) => new RegExp(`line number ${n} of the tall slide`);
const shownRows = (screen: string) => [...screen.matchAll(/line number (\d+) of the tall slide/g)].map((m) => Number(m[1]));

function term(t: TestContext, run: string, args: string[], cols: number, rows: number): Term {
  const opened = spawnTerm(process.execPath, [CLI, ...args], { cols, rows, env: { XDG_RUNTIME_DIR: run } });
  t.after(() => opened.dispose());
  return opened;
}

async function pagesThrough(t: TestContext, presenterSize: [number, number], audienceSize: [number, number]) {
  const run = runtime(t);
  const audience = term(t, run, [deck], ...audienceSize);
  const presenter = term(t, run, ['--notes', deck], ...presenterSize);
  await presenter.waitFor(/⇄ linked/);
  await audience.waitFor(/⇄/);
  // The audience screen's pages of the tall slide, as the presenter hears of them.
  const pages = Number((await presenter.waitFor(/audience: page 1\/\d+/)).match(/audience: page 1\/(\d+)/)![1]);
  assert.ok(pages >= 2, `the tall slide takes ${pages} pages on the audience screen`);
  const seen = new Set(shownRows(audience.screen()));
  let before = audience.screen();
  for (let page = 2; page <= pages; page++) {
    presenter.write('l');
    // One next: one visible step on the audience screen, and the presenter says which page it is on.
    await presenter.waitFor(new RegExp(`audience: page ${page}/${pages}`));
    before = await audience.waitFor((s) => s !== before && shownRows(s).length > 0);
    for (const n of shownRows(before)) seen.add(n);
    assert.doesNotMatch(before, /After tall/);
  }
  const missing = Array.from({ length: ROWS }, (_, i) => i + 1).filter((n) => !seen.has(n));
  assert.deepEqual(missing, [], 'every row of the slide reached the audience screen');
  assert.match(audience.screen(), row(ROWS));
  // Past the last page: the next slide.
  presenter.write('l');
  await audience.waitFor(/After tall/);
  // Back: the tall slide at its end, on the audience screen too.
  presenter.write('h');
  await audience.waitFor(row(ROWS));
  await presenter.waitFor(new RegExp(`audience: page ${pages}/${pages}`));
  for (const x of [presenter, audience]) x.write('q');
  await Promise.all([presenter, audience].map((x) => x.waitForExit()));
}

test('presenter 80×24, audience 100×30: next pages the tall slide on the audience screen', async (t) => {
  await pagesThrough(t, [80, 24], [100, 30]);
});

test('presenter 120×40, audience 60×16: the audience screen sees every row of a tall slide', async (t) => {
  await pagesThrough(t, [120, 40], [60, 16]);
});
