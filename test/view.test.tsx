// The Ink views with ink-testing-library: a 100-column, 24-row fake terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import React from 'react';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { parseDeck } from '../src/deck/parse.js';
import { createMarkdownRenderer } from '../src/render/markdown.js';
import { RenderCache } from '../src/render/slide.js';
import { makeTheme } from '../src/render/theme.js';
import { App } from '../src/ui/App.js';
import { initialState } from '../src/state/reducer.js';
import { slidesViewScreen } from '../src/ui/frame.js';
import { shapeOf } from '../src/ui/geometry.js';

const theme = makeTheme(0);
const deck = parseDeck(readFileSync(new URL('./fixtures/basic.md', import.meta.url), 'utf8'));

function mount() {
  let quit = 0;
  const cache = new RenderCache(deck, createMarkdownRenderer(theme), theme);
  const app = render(<App deck={deck} cache={cache} theme={theme} onQuit={() => quit++} />);
  const frame = () => stripAnsi(app.lastFrame() ?? '');
  const turn = () => new Promise((r) => setImmediate(r));
  /**
   * Wait (by turns of the event loop, not time) until the frame matches, then
   * let React run the effects of that frame, as a person's next key would.
   */
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 500; i++) {
      if (pattern.test(frame())) {
        for (let j = 0; j < 5; j++) await turn();
        return frame();
      }
      await turn();
    }
    assert.fail(`frame never matched ${pattern}:\n${frame()}`);
  };
  return { app, frame, waitFor, quits: () => quit };
}

test('first frame: the title slide, banners and the status line', async () => {
  const { app, waitFor } = mount();
  const f = await waitFor(/slide 1 \/ 6/);
  assert.match(f, /Fixture Briefing/);
  assert.match(f, /A deck for tests/);
  assert.equal(f.match(/UNCLASSIFIED/g)?.length, 2);
  assert.match(f, /Fixture Briefing · Opening/);
  app.unmount();
});

test('keys move between slides and the status line follows', async () => {
  const { app, waitFor, frame } = mount();
  await waitFor(/slide 1 \/ 6/);
  app.stdin.write('l');
  await waitFor(/slide 2 \/ 6/);
  assert.match(frame(), /• First point with bold text/);
  assert.doesNotMatch(frame(), /\*\*|Say hello/);
  app.stdin.write('G');
  await waitFor(/slide 6 \/ 6/);
  assert.match(frame(), /Fixture Briefing · Closing/);
  app.stdin.write('3');
  await waitFor(/go to 3/);
  app.stdin.write('\r');
  await waitFor(/slide 3 \/ 6/);
  app.unmount();
});

test('o shows the notes pane, with "no notes" where there are none', async () => {
  const { app, waitFor } = mount();
  await waitFor(/slide 1 \/ 6/);
  app.stdin.write('l');
  await waitFor(/slide 2 \/ 6/);
  app.stdin.write('o');
  await waitFor(/Notes ─+[\s\S]*Say hello to the room\./);
  app.stdin.write('l');
  await waitFor(/Notes start here/);
  app.stdin.write('l');
  await waitFor(/no notes for this slide/);
  app.unmount();
});

test('the section menu lists sections with their slides and jumps on Enter', async () => {
  const { app, waitFor } = mount();
  await waitFor(/slide 1 \/ 6/);
  app.stdin.write('s');
  const menu = await waitFor(/Sections/);
  assert.match(menu, /1\. Opening {2}slides 1–3/);
  assert.match(menu, /2\. Middle section {2}slide 4/);
  assert.match(menu, /3\. Closing {2}slides 5–6/);
  app.stdin.write('\u001b[B'); // down arrow
  await waitFor(/❯ 2\. Middle section/);
  app.stdin.write('\r');
  await waitFor(/slide 4 \/ 6/);
  app.unmount();
});

test('? shows the help generated from the key table; Esc closes it', async () => {
  const { app, waitFor } = mount();
  await waitFor(/slide 1 \/ 6/);
  app.stdin.write('?');
  const help = await waitFor(/Keys/);
  assert.match(help, /→ l j ↓ Space PgDn Enter\s+next slide/);
  assert.match(help, /q Ctrl-C\s+quit/);
  app.stdin.write('\u001b');
  await waitFor(/^(?![\s\S]*Keys\n)[\s\S]*Fixture Briefing/);
  app.unmount();
});

test('q quits', async () => {
  const m = mount();
  await m.waitFor(/slide 1 \/ 6/);
  m.app.stdin.write('q');
  for (let i = 0; i < 500 && m.quits() === 0; i++) await new Promise((r) => setImmediate(r));
  assert.equal(m.quits(), 1);
});

test('the slides view painted without Ink is the frame Ink draws for the same state', async () => {
  const decks = [
    deck,
    parseDeck('# Steps\n\nfirst\n\n<!-- pause -->\n\nsecond\n\n---\n\n# Two'),
    parseDeck(`## Tall\n\n${Array.from({ length: 40 }, (_, i) => `- line ${i}`).join('\n')}`),
  ];
  for (const d of decks) {
    const cache = new RenderCache(d, createMarkdownRenderer(theme), theme);
    const app = render(<App deck={d} cache={cache} theme={theme} />);
    for (let i = 0; i < 20 && !app.lastFrame(); i++) await new Promise((r) => setImmediate(r));
    const ink = stripAnsi(app.lastFrame() ?? '').split('\n').map((l) => l.trimEnd());
    const state = initialState(shapeOf(d));
    const painted = slidesViewScreen({ deck: d, cache, theme, cols: 100, rows: 24, state })!.map((l) => stripAnsi(l).trimEnd());
    assert.deepEqual(painted, ink);
    app.unmount();
  }
});
