/**
 * Key presses from the terminal, named as the key table names them
 * (src/state/keys.ts): printable keys are themselves ("g", "G", "?", "é"),
 * others are named (right left up down pageup pagedown home end enter
 * backspace escape tab space, and ctrl+c ctrl+n … for Ctrl with a letter). The session (session.ts) is the only
 * reader of the terminal's input.
 *
 * The bytes are decoded by Node's own keypress decoder (node:readline's
 * emitKeypressEvents), which knows the sequences of xterm, rxvt, the Linux
 * console and tmux, and tells a lone Esc from the start of a sequence by
 * waiting ESCAPE_MS for the rest.
 */
import { emitKeypressEvents } from 'node:readline';

/** How long a lone Esc waits for the rest of a sequence before it counts as a key. */
export const ESCAPE_MS = 30;

/** What node:readline tells of one key press. */
export interface Keypress {
  sequence?: string;
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

const NAMED: Record<string, string> = {
  right: 'right',
  left: 'left',
  up: 'up',
  down: 'down',
  pageup: 'pageup',
  pagedown: 'pagedown',
  home: 'home',
  end: 'end',
  return: 'enter',
  enter: 'enter',
  backspace: 'backspace',
  delete: 'backspace',
  escape: 'escape',
  tab: 'tab',
  space: 'space',
};

/** The key table's name for a key press, or null for one it has no name for (Alt-x, F5, Ctrl-arrow, …). */
export function keyName(k: Keypress): string | null {
  const named = k.name ? NAMED[k.name] : undefined;
  if (named) return named;
  // Ctrl with a letter; Backspace (Ctrl-H), Tab (Ctrl-I) and Enter (Ctrl-J, Ctrl-M) are named above.
  if (k.ctrl && !k.meta && k.name && /^[a-z]$/.test(k.name)) return `ctrl+${k.name}`;
  if (k.ctrl || k.meta) return null;
  const s = k.sequence ?? '';
  // One character that prints (a code point, which may be two UTF-16 units).
  if (s.length === 0 || [...s].length !== 1 || /[\u0000-\u001f\u007f-\u009f]/.test(s)) return null;
  return s;
}

/**
 * Reads key presses from a terminal's input until stopped. The keys of one
 * read (typed faster than they are read, or pasted) are reported together,
 * in order.
 */
export class KeyReader {
  private batch: string[] | null = null;
  private readonly onKeypress = (_: string | undefined, k: Keypress | undefined) => {
    const name = k ? keyName(k) : null;
    if (!name) return;
    if (this.batch) return void this.batch.push(name);
    this.batch = [name];
    queueMicrotask(() => {
      const names = this.batch ?? [];
      this.batch = null;
      if (names.length) this.onKeys(names);
    });
  };

  constructor(
    private readonly stdin: NodeJS.ReadStream,
    private readonly onKeys: (names: string[]) => void,
  ) {}

  start(): void {
    emitKeypressEvents(this.stdin, { escapeCodeTimeout: ESCAPE_MS } as unknown as Parameters<typeof emitKeypressEvents>[1]);
    this.stdin.on('keypress', this.onKeypress);
    this.stdin.resume();
  }

  stop(): void {
    this.stdin.off('keypress', this.onKeypress);
    this.stdin.pause();
    this.batch = null;
  }
}
