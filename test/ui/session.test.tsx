// The session fed with keys and sizes, read through the frames it asks its
// painters for: the direct painter's lines, and Ink's frame of the view
// (ink-testing-library) for every other view. No terminal, no timing.
import type { Preset } from '../../src/state/keymap.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDeck } from '../../src/deck/parse.js';
import type { Deck } from '../../src/deck/types.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { RenderCache } from '../../src/render/cache.js';
import { makeTheme } from '../../src/render/theme.js';
import { initialState } from '../../src/state/reducer.js';
import { parseKeyString } from '../../src/state/keys.js';
import type { FitReport, Position, TimerShare } from '../../src/link/protocol.js';
import type { Link, LinkStatus, Remote } from '../../src/link/sync.js';
import { shapeOf } from '../../src/ui/geometry.js';
import { Session, type DeckSource, type Painter, type Screen } from '../../src/ui/session.js';
import { directText, inkText } from '../helpers/screens.js';

const theme = makeTheme(0);
const basic = parseDeck(readFileSync(new URL('../fixtures/basic.md', import.meta.url), 'utf8'));

/** A painter that keeps what it was asked to draw, as text. */
class Recorder implements Painter {
  frames: string[] = [];
  releases = 0;
  constructor(private readonly draw: (s: Screen) => string) {}
  paint(s: Screen) {
    this.frames.push(this.draw(s));
  }
  release() {
    this.releases++;
  }
  get last(): string {
    return this.frames[this.frames.length - 1] ?? '';
  }
}


function start(
  opts: {
    deck?: Deck;
    cols?: number;
    rows?: number;
    view?: 'slides' | 'presenter' | 'reading';
    source?: DeckSource;
    watch?: boolean;
    keys?: Preset;
  } = {},
) {
  const deck = opts.deck ?? basic;
  const size = { cols: opts.cols ?? 100, rows: opts.rows ?? 24 };
  const direct = new Recorder(directText);
  const ink = new Recorder(inkText);
  let painters: string[] = [];
  const track = (name: string, r: Recorder) => ({
    paint: (s: Screen) => {
      painters.push(name);
      r.paint(s);
    },
    release: () => r.release(),
  });
  const session = new Session({
    deck,
    cache: new RenderCache(deck, createMarkdownRenderer(theme), theme),
    theme,
    state: initialState(shapeOf(deck), { view: opts.view, watch: opts.watch, keys: opts.keys }),
    source: opts.source,
    size: () => size,
    now: () => 1_000_000,
    direct: track('direct', direct),
    ink: async () => track('ink', ink),
    cacheFor: (d) => new RenderCache(d, createMarkdownRenderer(theme), theme),
  });
  let quit = false;
  void session.run().then(() => (quit = true));
  return {
    session,
    direct,
    ink,
    size,
    /** Which painter drew, in order, since the last call. */
    painters: () => {
      const p = painters;
      painters = [];
      return p;
    },
    press: (keys: string) => session.keys(parseKeyString(keys)),
    /** Let a loading Ink painter arrive. */
    settle: () => new Promise((r) => setImmediate(r)),
    quit: () => quit,
  };
}

test('first frame: the title slide, banners and the status line, drawn without Ink', () => {
  const t = start();
  assert.deepEqual(t.painters(), ['direct']);
  assert.match(t.direct.last, /Fixture Briefing/);
  assert.match(t.direct.last, /A deck for tests/);
  assert.equal(t.direct.last.match(/UNCLASSIFIED/g)?.length, 2);
  assert.match(t.direct.last, /Fixture Briefing · Opening.*slide 1 \/ 6/);
  t.session.stop();
});

test('keys move between slides and the status line follows', () => {
  const t = start();
  t.press('l');
  assert.match(t.direct.last, /slide 2 \/ 6/);
  assert.match(t.direct.last, /• First point with bold text/);
  assert.doesNotMatch(t.direct.last, /\*\*|Say hello/);
  t.press('G');
  assert.match(t.direct.last, /Fixture Briefing · Closing.*slide 6 \/ 6/);
  t.press('3');
  assert.match(t.direct.last, /go to 3/);
  t.press('<enter>');
  assert.match(t.direct.last, /slide 3 \/ 6/);
  t.session.stop();
});

test('o shows the notes pane, with "no notes" where there are none', () => {
  const t = start();
  t.press('lo');
  assert.match(t.direct.last, /Notes ─+[\s\S]*Say hello to the room\./);
  t.press('l');
  assert.match(t.direct.last, /Notes start here/);
  t.press('l');
  assert.match(t.direct.last, /no notes for this slide/);
  t.session.stop();
});

test('the section menu is drawn by Ink, jumps on Enter, and hands back to the direct painter', async () => {
  const t = start();
  t.painters();
  t.press('s');
  await t.settle();
  assert.deepEqual(t.painters(), ['ink']);
  assert.match(t.ink.last, /1\. Opening {2}slides 1–3/);
  assert.match(t.ink.last, /2\. Middle section {2}slide 4/);
  assert.match(t.ink.last, /3\. Closing {2}slides 5–6/);
  t.press('<down>');
  assert.match(t.ink.last, /❯ 2\. Middle section/);
  t.press('<enter>');
  assert.deepEqual(t.painters(), ['ink', 'direct'], 'the direct painter takes over again');
  assert.equal(t.ink.releases, 1);
  assert.match(t.direct.last, /slide 4 \/ 6/);
  // And the next key is painted directly, as before the menu was opened.
  t.press('l');
  assert.deepEqual(t.painters(), ['direct']);
  assert.match(t.direct.last, /slide 5 \/ 6/);
  t.session.stop();
});

test('? shows the help generated from the key table; Esc closes it', async () => {
  const t = start();
  t.press('?');
  await t.settle();
  assert.match(t.ink.last, /→ l j ↓ Space PgDn Enter\s+next slide/);
  t.press('G'); // not a key of the help: nothing happens
  t.press('<pagedown>');
  assert.match(t.ink.last, /q Ctrl-C\s+quit/);
  t.press('<esc>');
  assert.doesNotMatch(t.direct.last, /Keys\n/);
  assert.match(t.direct.last, /Fixture Briefing/);
  t.session.stop();
});

test('keys typed while Ink loads are applied in order, none lost', async () => {
  const t = start();
  t.press('sj'); // the menu, then down, before Ink has arrived
  await t.settle();
  assert.match(t.ink.last, /❯ 2\. Middle section/);
  t.session.stop();
});

test('q quits; the Ink painter, when it was used, is released', async () => {
  const t = start();
  t.press('p');
  await t.settle();
  t.press('q');
  await t.settle();
  assert.equal(t.quit(), true);
  assert.equal(t.ink.releases, 1);
});

test('two presses together on a scrolled tall slide go two slides on (no phantom scroll)', () => {
  const tall = parseDeck(
    `## Tall\n\n${Array.from({ length: 40 }, (_, i) => `- line ${i}`).join('\n')}\n\n---\n\n## Two\n\n---\n\n## Three\n\n---\n\n## Four`,
  );
  const t = start({ deck: tall, cols: 80, rows: 24 });
  for (let i = 0; i < 5 && !/line 39/.test(t.direct.last); i++) t.press('l');
  assert.match(t.direct.last, /line 39/);
  assert.match(t.direct.last, /slide 1 \/ 4/);
  t.press('ll'); // one read: a held key, a clicker, a paste
  assert.match(t.direct.last, /Three[\s\S]*slide 3 \/ 4/);
  t.press('h');
  assert.match(t.direct.last, /Two[\s\S]*slide 2 \/ 4/);
  t.session.stop();
});

test('too small: a notice laid out for the size, and only q acts', () => {
  const t = start({ cols: 30, rows: 8 });
  assert.match(t.direct.last, /^Too small: 30×8\nneed 40×12\nenlarge, or q to quit$/);
  t.press('llG');
  t.size.cols = 100;
  t.size.rows = 24;
  t.session.resize();
  assert.match(t.direct.last, /slide 1 \/ 6/, 'nothing moved unseen');
  t.size.cols = 20;
  t.session.resize();
  assert.match(t.direct.last, /^20×24\nneed 40×12\nq quits$/);
  t.press('q');
  assert.equal(t.session.current.quit || t.direct.frames.length > 0, true);
});

/** A link that records what the session sends, and lets a test play a partner. */
function fakeLink(role: Link['role']) {
  const sent: Position[] = [];
  const asked: [string, number | null][] = [];
  const timers: TimerShare[] = [];
  const blanks: boolean[] = [];
  const fits: FitReport[] = [];
  let remote: (r: Remote) => void = () => undefined;
  let status: (s: LinkStatus) => void = () => undefined;
  const link: Link = {
    role,
    moved: (p) => sent.push(p),
    ask: (command, count) => asked.push([command, count]),
    timer: (t) => timers.push(t),
    blank: (on) => blanks.push(on),
    fit: (f) => fits.push(f),
    onRemote: (cb) => ((remote = cb), () => undefined),
    onStatus: (cb) => ((status = cb), () => undefined),
    close: () => undefined,
  };
  return { link, sent, asked, timers, blanks, fits, remote: (r: Remote) => remote(r), status: (s: LinkStatus) => status(s) };
}

test('a link: moves go out, moves that came in are not sent back, and its status is shown', () => {
  const t = start();
  const f = fakeLink('presenter');
  t.session.join(f.link);
  assert.deepEqual(f.sent, [{ index: 0, step: 0, page: 0 }]);
  t.press('l');
  assert.deepEqual(f.sent.at(-1), { index: 1, step: 0, page: 0 });
  f.remote({ type: 'nav', pos: { index: 3, step: 0, page: 0 } });
  assert.match(t.direct.last, /slide 4 \/ 6/);
  assert.equal(f.sent.length, 2, 'a remote move is not echoed');
  f.status('linked');
  assert.match(t.direct.last, /⇄ linked/);
  // What the audience terminal asks for is applied here, and where it led is sent.
  f.remote({ type: 'ask', command: 'next', count: null });
  assert.match(t.direct.last, /slide 5 \/ 6/);
  assert.deepEqual(f.sent.at(-1), { index: 4, step: 0, page: 0 });
  f.remote({ type: 'ask', command: 'presenter', count: null });
  assert.equal(t.session.current.view, 'slides', 'only moves are taken from the audience terminal');
  // Blanking: the presenter's screen says so, and the audience hears it.
  t.press('b');
  assert.deepEqual(f.blanks, [true]);
  assert.match(t.direct.last, /audience blanked/);
  assert.match(t.direct.last, /slide 5 \/ 6/, 'the presenter keeps seeing the slide');
  f.remote({ type: 'blank', on: false });
  assert.doesNotMatch(t.direct.last, /audience blanked/);
  assert.deepEqual(f.blanks, [true], 'a blank that came in is not sent back');
  f.status('lost');
  assert.match(t.direct.last, /audience screen disconnected/);
  t.session.stop();
});

test('an audience terminal linked to a presenter: moves are asked for, notes keys do nothing, no link chatter', () => {
  const t = start();
  const f = fakeLink('audience');
  t.session.join(f.link);
  f.status('linked');
  assert.doesNotMatch(t.direct.last, /linked/);
  t.press('l');
  assert.deepEqual(f.asked, [['next', null]]);
  assert.match(t.direct.last, /slide 1 \/ 6/, 'it waits for the presenter');
  t.press('3G');
  assert.deepEqual(f.asked.at(-1), ['last', 3]);
  t.press('opr/');
  assert.equal(t.session.current.notes, false);
  assert.equal(t.session.current.view, 'slides');
  assert.equal(t.session.current.overlay, 'none');
  f.remote({ type: 'nav', pos: { index: 2, step: 0 } });
  assert.match(t.direct.last, /slide 3 \/ 6/);
  // The timer, from either side, as elapsed time.
  f.remote({ type: 'timer', timer: { elapsed: 90_000, running: false, started: true } });
  assert.equal(t.session.current.timer.banked, 90_000);
  assert.equal(f.timers.length, 0, 'not sent back');
  t.press('t');
  assert.equal(f.timers.at(-1)?.running, true);
  assert.equal(f.timers.at(-1)?.elapsed, 90_000);
  // Blanked: nothing on the screen; a move brings it back without moving.
  f.remote({ type: 'blank', on: true });
  assert.doesNotMatch(t.direct.last, /\S/);
  t.press('l');
  assert.deepEqual(f.blanks, [false]);
  assert.match(t.direct.last, /slide 3 \/ 6/);
  // The presenter went away: the audience terminal is its own again, and says nothing of it.
  f.status('lost');
  assert.doesNotMatch(t.direct.last, /disconnected/);
  t.press('l');
  assert.match(t.direct.last, /slide 4 \/ 6/);
  t.session.stop();
});

test('the Ink views at 40, 80 and 120 columns: menu, help, index, presenter, reading', async () => {
  for (const cols of [40, 80, 120]) {
    for (const [keys, pattern] of [
      ['s', /Sections[\s\S]*3\. Closing/],
      ['?', /Keys[\s\S]*next slide/],
      ['i', /Slides \(6 of 6\)/],
      ['p', /Next: 2\/6/],
      ['r', /Fixture Briefing[\s\S]*\d+%/],
    ] as const) {
      const t = start({ cols, rows: 24 });
      t.press(keys);
      await t.settle();
      assert.match(t.ink.last, pattern, `${keys} at ${cols} columns`);
      for (const line of t.ink.last.split('\n')) assert.ok(line.length <= cols, `${keys} at ${cols}: ${line}`);
      t.session.stop();
    }
  }
});

test('turning watch back on reads the edits made while it was off', async () => {
  let text = '# One\n\n---\n\n# Two';
  let changed: () => void = () => undefined;
  const source: DeckSource = {
    load: async () => parseDeck(text),
    watch: (onChange) => {
      changed = onChange;
      return () => (changed = () => undefined);
    },
  };
  const t = start({ deck: parseDeck(text), source, watch: true });
  t.press('w'); // off
  assert.doesNotMatch(t.direct.last, /watching/);
  text = '# One, edited\n\n---\n\n# Two';
  changed(); // the watcher is off: nothing hears this
  t.press('w'); // on again
  for (let i = 0; i < 20 && !/One, edited/.test(t.direct.last); i++) await t.settle();
  assert.match(t.direct.last, /One, edited/);
  assert.match(t.direct.last, /watching/);
  t.session.stop();
});

test('the first slide says "? help" (unless hints are off); the help at 60×14 scrolls and cuts nothing', async () => {
  const t = start();
  assert.match(t.direct.last, /\? help/);
  t.press('l');
  assert.doesNotMatch(t.direct.last, /\? help/);
  t.session.stop();

  const small = start({ cols: 60, rows: 14 });
  small.press('?');
  await small.settle();
  const first = small.ink.last;
  assert.match(first, /Keys/);
  assert.match(first, /j\/↓ scroll · Space\/PgDn scroll · 1–\d+ of \d+ · Esc close|scroll/);
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    for (const line of small.ink.last.split('\n')) seen.add(line.trim());
    small.press('j');
  }
  // Every description is there in full, on one line or wrapped over two.
  const text = [...seen].join(' ');
  for (const help of ['next slide or step (scrolls a tall slide first)', 'watch the deck: reload when its files change']) {
    for (const word of help.split(' ')) assert.ok(text.includes(word), `${word} of "${help}"`);
  }
  assert.match(small.ink.last, /quit/, 'scrolled to the end');
  for (const line of small.ink.last.split('\n')) assert.ok(line.length <= 60, line);
  small.session.stop();
});

test('format characters (zero-width, soft hyphen, bidi controls) cost no text at the end of a line in the Ink views', async () => {
  const FORMAT = ['\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202a', '\u202e', '\u2066', '\u2069', '\u200e'];
  const runOf = FORMAT.join('').repeat(4);
  const deck = parseDeck(
    [
      '---\ntitle: Deck' + runOf + ' TITLE-END\n---\n',
      '<!-- section: Part' + runOf + ' SECTION-END -->\n',
      '# Slide' + runOf + ' HEADING-END\n',
      'body' + runOf + ' BODY-END\n',
      'Note: notes' + runOf + ' NOTES-END\n',
      '---\n\n# Next' + runOf + ' NEXT-END\n',
    ].join('\n'),
  );
  for (const [keys, ends] of [
    ['lp', ['TITLE-END', 'SECTION-END', 'HEADING-END', 'BODY-END', 'NOTES-END', 'NEXT-END']],
    ['r', ['TITLE-END', 'SECTION-END', 'HEADING-END', 'BODY-END', 'NOTES-END', 'NEXT-END']],
    ['i', ['HEADING-END', 'NEXT-END']],
    ['s', ['SECTION-END']],
  ] as const) {
    const t = start({ deck, cols: 120, rows: 30 });
    try {
      t.press(keys);
      await t.settle();
      for (const end of ends) assert.match(t.ink.last, new RegExp(end), `${keys}: ${end}\n${t.ink.last}`);
      assert.doesNotMatch(t.ink.last, /[\u200b\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\u200e]/, `${keys}: none drawn`);
    } finally {
      t.session.stop();
    }
  }
});

test('format characters typed into the search prompt or shown in a message are not drawn', async (ctx) => {
  const t = start({ cols: 100, rows: 24, view: 'presenter' });
  ctx.after(() => t.session.stop());
  t.press('/');
  t.session.keys(['x', '\u200b', '\u202e', 'y']);
  await t.settle();
  assert.match(t.ink.last, /^\/x\u200b?\u202e?y▏/m);
  assert.doesNotMatch(t.ink.last, /[\u200b\u202e]/);
  t.session.keys(['enter']);
  await t.settle();
  assert.match(t.ink.last, /no match for "xy"/);
});

test('the reload key of a preset reads the deck again, watching or not; the help names the preset', async () => {
  for (const [keys, key] of [['patat', 'r'], ['presenterm', '<ctrl+r>']] as const) {
    let text = '# One\n\n---\n\n# Two';
    let loads = 0;
    const source: DeckSource = {
      load: async () => {
        loads++;
        return parseDeck(text);
      },
      watch: () => () => undefined,
    };
    const t = start({ deck: parseDeck(text), source, keys });
    text = '# One, edited\n\n---\n\n# Two';
    t.press(key);
    for (let i = 0; i < 20 && !/One, edited/.test(t.direct.last); i++) await t.settle();
    assert.match(t.direct.last, /One, edited/, keys);
    assert.equal(loads, 1, keys);
    t.press('?');
    await t.settle();
    assert.match(t.ink.last, new RegExp(`Keys — ${keys} preset`));
    t.session.stop();
  }
  const brief = start();
  brief.press('?');
  await brief.settle();
  assert.doesNotMatch(brief.ink.last, /preset/);
  brief.session.stop();
});
