/**
 * Pictures inside tmux, end to end: the built program with TMUX set and a
 * `tmux` of the test's own first on PATH (it answers `show -gv
 * allow-passthrough`). Passthrough on and iTerm2 outside: the picture's
 * sequence wrapped for tmux, in the raw bytes written; kitty outside: the
 * image sent through tmux with a virtual placement and drawn by Unicode
 * placeholder cells, deleted with its slide; off: half blocks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { CLI } from '../helpers/cli.js';
import { spawnTerm } from '../helpers/term.js';
import { pngBytes } from '../helpers/images.js';

async function inTmux(t: { after(fn: () => void): void }, answer: string, sign: string, outside: Record<string, string> = { LC_TERMINAL: 'iTerm2' }, [w, h] = [8, 4]) {
  const dir = mkdtempSync(join(tmpdir(), 'bp-tmux-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'flag.png'), pngBytes(w, h, (_x, y) => (y < h / 2 ? [255, 0, 0] : [0, 0, 255])));
  writeFileSync(join(dir, 'deck.md'), '# Flags\n\n![Red over blue](flag.png)\n\nAfter the flag\n\n---\n\n# Words only\n');
  const asked = join(dir, 'asked');
  writeFileSync(join(dir, 'tmux'), `#!/bin/sh\necho "$@" >> '${asked}'\necho ${answer}\n`);
  chmodSync(join(dir, 'tmux'), 0o755);
  const env = {
    COLORTERM: 'truecolor',
    TERM: 'tmux-256color',
    TERM_PROGRAM: 'tmux',
    TMUX: '/tmp/tmux-1000/default,1,0',
    ...outside,
    PATH: `${dir}${delimiter}${process.env.PATH}`,
  };
  const term = spawnTerm(process.execPath, [CLI, join(dir, 'deck.md'), '--theme', 'dark'], { cols: 80, rows: 24, env });
  t.after(() => term.dispose());
  await term.waitFor('After the flag');
  await term.waitFor(() => term.output().includes(sign));
  return { term, asked };
}

test('tmux with passthrough on, iTerm2 outside: the iTerm2 picture wrapped in tmux passthrough', async (t) => {
  const { term, asked } = await inTmux(t, 'on', '\u001bPtmux;\u001b\u001b]1337;File=');
  const out = term.output();
  const at = out.indexOf('\u001bPtmux;');
  // Every ESC inside doubled: the picture's sequence ends BEL, then tmux's ST.
  assert.ok(out.slice(at).includes('\u0007\u001b\\'));
  assert.equal(out.indexOf('\u001b]1337;File='), at + 8, 'never unwrapped');
  assert.ok(!term.screen().includes('▀'), 'no half blocks as well');
  assert.equal(readFileSync(asked, 'utf8'), 'show -gv allow-passthrough\n');
  term.write('q');
  await term.waitForExit();
});

test('tmux with passthrough on, kitty outside: the image sent through tmux (U=1), drawn by placeholder cells', async (t) => {
  // 16×32 pixels: 2×2 cells.
  const { term } = await inTmux(t, 'on', '\u{10eeee}', { KITTY_WINDOW_ID: '1' }, [16, 32]);
  const out = term.output();
  const at = out.indexOf('\u001bPtmux;\u001b\u001b_G');
  assert.ok(at >= 0, 'the image passed through tmux');
  const head = out.slice(at, out.indexOf(';', at + 12));
  assert.match(head, /a=T,U=1,i=\d+,f=32,s=\d+,v=\d+,c=\d+,r=\d+,q=2/);
  const id = Number(/i=(\d+)/.exec(head)![1]);
  // The cells: 24-bit colour naming the image, the placeholder with its row's and column's diacritics.
  const colour = `\u001b[38;2;${(id >> 16) & 255};${(id >> 8) & 255};${id & 255}m`;
  assert.ok(out.includes(`${colour}\u{10eeee}\u0305\u0305\u{10eeee}\u0305\u030d`), 'first row of cells');
  assert.ok(out.includes(`${colour}\u{10eeee}\u030d\u0305\u{10eeee}\u030d\u030d\u001b[39m`), 'second row of cells');
  assert.match(head, /c=2,r=2,/);
  assert.ok(term.screen().includes('\u{10eeee}'), 'cells on the screen');
  assert.ok(!term.screen().includes('▀'), 'no half blocks as well');
  assert.ok(!out.includes('\u001b_Ga=T,f=32'), 'never a placement of its own');
  // The next slide: the image deleted through tmux, its cells gone with the screen.
  term.write('l');
  await term.waitFor('Words only');
  await term.waitFor(() => term.output().includes(`\u001bPtmux;\u001b\u001b_Ga=d,d=I,i=${id},q=2`));
  await term.waitFor(() => !term.screen().includes('\u{10eeee}'));
  term.write('q');
  await term.waitForExit();
});

test('tmux with passthrough off: half blocks', async (t) => {
  const { term } = await inTmux(t, 'off', '▀▀▀▀▀▀▀▀');
  assert.ok(!term.output().includes('\u001bPtmux;'));
  assert.ok(!term.output().includes('1337;File='));
  term.write('q');
  await term.waitForExit();
});
