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
 *
 * The terminal's replies to queries (termquery.ts: its background colour,
 * device attributes, its cell size), even ones that come late, are taken out before
 * decoding: they are never key presses.
 */
import { EventEmitter } from 'node:events';
import { emitKeypressEvents } from 'node:readline';
import { ReplyFilter } from './termquery.js';

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

  /** The input without the terminal's replies: what node:readline decodes. */
  private readonly keys = new EventEmitter();
  private readonly filter = new ReplyFilter();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly onData = (chunk: Buffer | string) => {
    clearTimeout(this.flushTimer);
    const keys = this.filter.push(typeof chunk === 'string' ? chunk : chunk.toString('latin1'), () => {});
    if (keys) this.keys.emit('data', Buffer.from(keys, 'latin1'));
    // Half a reply that is not followed by the rest was keys after all (Alt-], say).
    if (this.filter.pending) this.flushTimer = setTimeout(() => this.keys.emit('data', Buffer.from(this.filter.flush(), 'latin1')), ESCAPE_MS);
  };

  constructor(
    private readonly stdin: NodeJS.ReadStream,
    private readonly onKeys: (names: string[]) => void,
  ) {}

  start(): void {
    emitKeypressEvents(this.keys as NodeJS.ReadableStream, { escapeCodeTimeout: ESCAPE_MS } as unknown as Parameters<typeof emitKeypressEvents>[1]);
    this.keys.on('keypress', this.onKeypress);
    this.stdin.on('data', this.onData);
    this.stdin.resume();
  }

  stop(): void {
    clearTimeout(this.flushTimer);
    this.stdin.off('data', this.onData);
    this.keys.off('keypress', this.onKeypress);
    this.stdin.pause();
    this.batch = null;
  }
}
