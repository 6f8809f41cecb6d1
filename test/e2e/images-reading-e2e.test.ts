/**
 * Pictures in the reading view, end to end: the built program in a
 * pseudo-terminal draws each picture with half blocks in the room the
 * document keeps for it (whatever protocol the slides use), and its label
 * without colour. The picture is made here, in a folder the test removes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../helpers/cli.js';
import { spawnTerm } from '../helpers/term.js';
import { pngBytes } from '../helpers/images.js';

/** Two slides: a red-over-blue PNG with text after it, then text only. */
function deckDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-reading-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'flag.png'), pngBytes(8, 4, (_x, y) => (y < 2 ? [255, 0, 0] : [0, 0, 255])));
  writeFileSync(join(dir, 'deck.md'), '# Flags\n\n![Red over blue](flag.png)\n\nAfter the flag\n\n---\n\n# Words only\n\nNothing to see\n');
  return dir;
}

async function reading(t: { after(fn: () => void): void }, env: Record<string, string>, args: string[] = []) {
  const dir = deckDir(t);
  const term = spawnTerm(process.execPath, [CLI, join(dir, 'deck.md'), ...args], { cols: 80, rows: 24, env });
  t.after(() => term.dispose());
  await term.waitFor('After the flag');
  term.write('r');
  await term.waitFor('§ Flags');
  return term;
}

for (const [name, env] of [
  ['half blocks', { COLORTERM: 'truecolor' }],
  ['iTerm2 for the slides', { COLORTERM: 'truecolor', TERM_PROGRAM: 'iTerm.app' }],
] as const) {
  test(`the reading view draws a picture with half blocks, in its room before the text after it (${name})`, async (t) => {
    const term = await reading(t, env);
    const screen = (await term.waitFor('▀▀▀▀▀▀▀▀')).split('\n');
    const rows = screen.map((l, i) => (l.includes('▀') ? i : -1)).filter((i) => i >= 0);
    // An 8×4 picture: two rows of half blocks, where its label was, the room after it blank.
    assert.equal(rows.length, 2, screen.join('\n'));
    assert.equal(rows[1], rows[0] + 1);
    assert.ok(!screen.some((l) => l.includes('[image: ')), 'the label is drawn over');
    const after = screen.findIndex((l) => l.includes('After the flag'));
    // The room kept is half the reading view's rows (23 with the status line): 11.
    assert.equal(after - rows[0], 11 + 1);
    const out = term.output();
    assert.ok(out.includes('38;2;255;0;0') && out.includes('48;2;0;0;255'), JSON.stringify(out.slice(out.indexOf('▀') - 60, out.indexOf('▀') + 10)));
    term.write('qq');
    await term.waitForExit();
  });
}

test('without colour the reading view keeps the picture as its label', async (t) => {
  const term = await reading(t, { NO_COLOR: '1' });
  const screen = await term.waitFor('[image: Red over blue (flag.png)]');
  assert.ok(!screen.includes('▀'));
  const lines = screen.split('\n');
  // No room kept for a picture never drawn.
  const at = lines.findIndex((l) => l.includes('[image: '));
  assert.equal(lines.findIndex((l) => l.includes('After the flag')), at + 2);
  term.write('qq');
  await term.waitForExit();
});
