// Backup slides on screen: the status line's count, the section menu and the
// slide index listing them apart, and the presenter's "Next", through the
// session and the frames it asks its painters for.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeck } from '../../src/deck/parse.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { RenderCache } from '../../src/render/cache.js';
import { makeTheme } from '../../src/render/theme.js';
import { initialState } from '../../src/state/reducer.js';
import { parseKeyString } from '../../src/state/keys.js';
import { shapeOf } from '../../src/ui/geometry.js';
import { Session, type Painter, type Screen } from '../../src/ui/session.js';
import { directText, inkText } from '../helpers/screens.js';

const theme = makeTheme(0);
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));
const DECK = parseDeck(
  [
    '---\ntitle: Backup Test\n---',
    '# Opening\n\nfirst',
    '## Second\n\nsecond',
    '# Closing\n\nlast main',
    '<!-- backup -->\n\n## Spare figures\n\nb one',
    '## Spare quote\n\nb two',
    '# Reserve\n\nb three',
  ].join('\n\n---\n\n'),
);

function start(view: 'slides' | 'presenter' = 'slides') {
  let last = '';
  const painter = (draw: (s: Screen) => string): Painter => ({ paint: (s) => (last = draw(s)), release: () => undefined });
  const session = new Session({
    deck: DECK,
    cache: new RenderCache(DECK, createMarkdownRenderer(theme), theme),
    theme,
    state: initialState(shapeOf(DECK), { view }),
    size: () => ({ cols: 100, rows: 24 }),
    now: () => 1_000_000,
    direct: painter(directText),
    ink: async () => painter(inkText),
    cacheFor: (d) => new RenderCache(d, createMarkdownRenderer(theme), theme),
  });
  void session.run();
  stops.push(() => session.stop());
  return {
    session,
    screen: () => last,
    press: (keys: string) => session.keys(parseKeyString(keys)),
    settle: () => new Promise((r) => setImmediate(r)),
  };
}

test('the status line counts main slides only, and says "backup n / N" on a backup slide', () => {
  const t = start();
  assert.match(t.screen(), /slide 1 \/ 4/);
  t.press('G');
  assert.match(t.screen(), /Backup Test · Closing.*slide 4 \/ 4/);
  t.press('l');
  assert.match(t.screen(), /slide 4 \/ 4/, 'next on the last main slide stays');
  t.press('2B');
  assert.match(t.screen(), /b two/);
  assert.match(t.screen(), /backup 2 \/ 3/);
  t.press('<c-o>');
  assert.match(t.screen(), /slide 4 \/ 4/);
});

test('the section menu numbers the main sections and lists the backup ones under "Backup"', async () => {
  const t = start();
  t.press('s');
  await t.settle();
  const menu = t.screen();
  assert.match(menu, /1\. Opening {2}slides 1–3/);
  assert.match(menu, /2\. Closing {2}slide 4/);
  assert.match(menu, /2\. Closing[^\n]*\n\s+Backup\n\s+Backup {2}B1–B2\n\s+Reserve {2}B3/);
  assert.match(menu, /1–2 go/);
  t.press('<down><down>');
  assert.match(t.screen(), /❯ Backup {2}B1–B2/);
  t.press('<down>');
  assert.match(t.screen(), /❯ Reserve {2}B3/);
  t.press('<enter>');
  assert.match(t.screen(), /backup 3 \/ 3/);
});

test('the slide index lists backup slides as B1, B2… under "Backup"; "b2" filters to one', async () => {
  const t = start();
  t.press('i');
  await t.settle();
  const index = t.screen();
  assert.match(index, / 4 {2}Closing {2}— Closing\n\s*Backup\n\s+B1 {2}Spare figures {2}— Backup\n\s+B2 {2}Spare quote\s+— Backup\n\s+B3 {2}Reserve {2}— Reserve/);
  t.press('b2');
  assert.match(t.screen(), /\(1 of 7\)/);
  assert.match(t.screen(), /❯ B2 {2}Spare quote/);
  t.press('<enter>');
  assert.match(t.screen(), /backup 2 \/ 3/);
});

test('the presenter view: no "Next" from the last main slide into the backup slides', async () => {
  const t = start('presenter');
  t.press('G');
  await t.settle();
  assert.match(t.screen(), /Next: end of the briefing/);
  t.press('B');
  assert.match(t.screen(), /Next: B2\/3 {2}Spare quote/);
});

test('the reading view numbers backup slides B1/3…', async () => {
  const t = start();
  t.press('r');
  await t.settle();
  assert.match(t.screen(), /── 3\/4 ─/);
  t.press('3B');
  assert.match(t.screen(), /── B3\/3 ─/);
});
