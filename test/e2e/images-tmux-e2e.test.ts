/**
 * Pictures inside tmux, end to end: the built program with TMUX set and a
 * `tmux` of the test's own first on PATH (it answers `show -gv
 * allow-passthrough`). Passthrough on and iTerm2 outside: the picture's
 * sequence wrapped for tmux, in the raw bytes written; off: half blocks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { CLI } from '../helpers/cli.js';
import { spawnTerm } from '../helpers/term.js';
import { pngBytes } from '../helpers/images.js';

async function inTmux(t: { after(fn: () => void): void }, answer: string, sign: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bp-tmux-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'flag.png'), pngBytes(8, 4, (_x, y) => (y < 2 ? [255, 0, 0] : [0, 0, 255])));
  writeFileSync(join(dir, 'deck.md'), '# Flags\n\n![Red over blue](flag.png)\n\nAfter the flag\n');
  const asked = join(dir, 'asked');
  writeFileSync(join(dir, 'tmux'), `#!/bin/sh\necho "$@" >> '${asked}'\necho ${answer}\n`);
  chmodSync(join(dir, 'tmux'), 0o755);
  const env = {
    COLORTERM: 'truecolor',
    TERM: 'tmux-256color',
    TERM_PROGRAM: 'tmux',
    TMUX: '/tmp/tmux-1000/default,1,0',
    LC_TERMINAL: 'iTerm2',
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

test('tmux with passthrough off: half blocks', async (t) => {
  const { term } = await inTmux(t, 'off', '▀▀▀▀▀▀▀▀');
  assert.ok(!term.output().includes('\u001bPtmux;'));
  assert.ok(!term.output().includes('1337;File='));
  term.write('q');
  await term.waitForExit();
});
