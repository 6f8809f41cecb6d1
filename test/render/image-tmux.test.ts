/**
 * Pictures inside tmux: the passthrough wrapping (exact bytes), the protocol
 * chosen from the environment and tmux's answer, and how tmux is asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectImageProtocol, throughTmux } from '../../src/render/images/detect.js';
import { iterm2Sequence, tmuxPassthrough } from '../../src/render/images/protocols.js';
import { askTmuxPassthrough } from '../../src/cli/tmux.js';

test('tmux passthrough: ESC P tmux;, the sequence with every ESC doubled, ESC \\', () => {
  assert.equal(tmuxPassthrough('\u001b]1337;File=inline=1:QQ==\u0007'), '\u001bPtmux;\u001b\u001b]1337;File=inline=1:QQ==\u0007\u001b\\');
  assert.equal(tmuxPassthrough('\u001bP0;1;0q#0!4~\u001b\\'), '\u001bPtmux;\u001b\u001bP0;1;0q#0!4~\u001b\u001b\\\u001b\\');
  const png = Buffer.from([1, 2, 3]);
  assert.equal(tmuxPassthrough(iterm2Sequence(png, 2, 1)), `\u001bPtmux;\u001b\u001b]1337;File=inline=1;size=3;width=2;height=1;preserveAspectRatio=1:AQID\u0007\u001b\\`);
});

test('inside tmux: the terminal outside when tmux passes sequences through and the environment names it', () => {
  const d = (env: Record<string, string>, tmuxPassthrough: boolean, choice?: 'auto' | 'kitty' | 'blocks', level = 3) =>
    detectImageProtocol({ env: { TERM: 'tmux-256color', TERM_PROGRAM: 'tmux', TMUX: '/tmp/t,1,0', ...env }, level, choice, replies: { tmuxPassthrough } });
  assert.equal(d({ LC_TERMINAL: 'iTerm2' }, true), 'iterm2');
  assert.equal(d({ WEZTERM_PANE: '0' }, true), 'iterm2');
  assert.equal(d({ WT_SESSION: 'x' }, true), 'sixel');
  assert.equal(d({ MLTERM: '3.9' }, true), 'sixel');
  // kitty and Ghostty outside: kitty's protocol, by Unicode placeholders, in 256 colours or more (the colour names the image).
  assert.equal(d({ KITTY_WINDOW_ID: '1' }, true), 'kitty');
  assert.equal(d({ KITTY_WINDOW_ID: '1' }, true, 'auto', 2), 'kitty');
  assert.equal(d({ KITTY_WINDOW_ID: '1' }, true, 'auto', 1), 'blocks');
  assert.equal(d({ GHOSTTY_RESOURCES_DIR: '/usr/share/ghostty' }, true), 'kitty');
  assert.equal(d({ KITTY_WINDOW_ID: '1', LC_TERMINAL: 'iTerm2' }, true), 'kitty');
  assert.equal(d({ KITTY_WINDOW_ID: '1' }, false), 'blocks');
  // No passthrough, or no terminal named: half blocks.
  assert.equal(d({ LC_TERMINAL: 'iTerm2' }, false), 'blocks');
  assert.equal(d({}, true), 'blocks');
  // The option still decides.
  assert.equal(d({ LC_TERMINAL: 'iTerm2' }, true, 'blocks'), 'blocks');
  assert.equal(d({}, false, 'kitty'), 'kitty');
  // Wrapped: every graphics protocol inside tmux (kitty's by placeholders, `--image-protocol kitty` too), never outside it.
  assert.equal(throughTmux({ TMUX: '/tmp/t,1,0' }, 'iterm2'), true);
  assert.equal(throughTmux({ TMUX: '/tmp/t,1,0' }, 'sixel'), true);
  assert.equal(throughTmux({ TMUX: '/tmp/t,1,0' }, 'kitty'), true);
  assert.equal(throughTmux({}, 'kitty'), false);
  assert.equal(throughTmux({ TMUX: '/tmp/t,1,0' }, 'blocks'), false);
  assert.equal(throughTmux({}, 'iterm2'), false);
});

test('tmux is asked `show -gv allow-passthrough` once, with a short timeout; on and all say yes', async () => {
  const calls: unknown[][] = [];
  const answering = (stdout: string, error: Error | null = null) =>
    ((file: string, args: string[], options: { timeout: number }, done: (e: Error | null, out: string) => void) => {
      calls.push([file, args, options.timeout]);
      done(error, stdout);
    });
  const env = { TMUX: '/tmp/t,1,0' };
  assert.equal(await askTmuxPassthrough(env, answering('on\n')), true);
  assert.deepEqual(calls, [['tmux', ['show', '-gv', 'allow-passthrough'], 300]]);
  assert.equal(await askTmuxPassthrough(env, answering('all\n')), true);
  assert.equal(await askTmuxPassthrough(env, answering('off\n')), false);
  assert.equal(await askTmuxPassthrough(env, answering('', new Error('invalid option: allow-passthrough'))), false);
  // Outside tmux nothing is run.
  calls.length = 0;
  assert.equal(await askTmuxPassthrough({}, answering('on\n')), false);
  assert.equal(calls.length, 0);
});
