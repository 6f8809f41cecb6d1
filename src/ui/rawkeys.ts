/**
 * Key presses read from the terminal, named exactly as Ink's useInput names
 * them: the session (session.ts) is the only reader of the terminal's input,
 * and Ink, which draws the other views, never reads it.
 *
 * So the bytes go through Ink's own input parser (which splits a chunk into
 * key presses and holds a lone ESC for a moment) and key parser, then the
 * same mapping to `(input, key)` as Ink's useInput (its use-input.js, line
 * for line), then the key table's names (keyname.ts). Ink does not export
 * its parsers, hence the paths into its build; test/rawkeys.test.tsx feeds
 * the same bytes to useInput and to this reader and compares the names.
 */
import type { Key } from 'ink';
import { createInputParser } from '../../node_modules/ink/build/input-parser.js';
import parseKeypress, { nonAlphanumericKeys } from '../../node_modules/ink/build/parse-keypress.js';
import { keyNames } from './keyname.js';

/** One key press as useInput reports it. */
export function inkKey(data: string): { input: string; key: Key } {
  const keypress = parseKeypress(data);
  const key: Key = {
    upArrow: keypress.name === 'up',
    downArrow: keypress.name === 'down',
    leftArrow: keypress.name === 'left',
    rightArrow: keypress.name === 'right',
    pageDown: keypress.name === 'pagedown',
    pageUp: keypress.name === 'pageup',
    home: keypress.name === 'home',
    end: keypress.name === 'end',
    return: keypress.name === 'return',
    escape: keypress.name === 'escape',
    ctrl: keypress.ctrl,
    shift: keypress.shift,
    tab: keypress.name === 'tab',
    backspace: keypress.name === 'backspace',
    delete: keypress.name === 'delete',
    meta: keypress.meta || keypress.name === 'escape' || keypress.option,
    super: keypress.super ?? false,
    hyper: keypress.hyper ?? false,
    capsLock: keypress.capsLock ?? false,
    numLock: keypress.numLock ?? false,
    eventType: keypress.eventType,
  };
  let input: string;
  if (keypress.isKittyProtocol) {
    if (keypress.isPrintable) input = keypress.text ?? keypress.name;
    else if (keypress.ctrl && keypress.name.length === 1) input = keypress.name;
    else input = '';
  } else if (keypress.ctrl) {
    input = keypress.name;
  } else {
    input = keypress.sequence;
  }
  if (!keypress.isKittyProtocol && nonAlphanumericKeys.includes(keypress.name)) input = '';
  if (input.startsWith('\u001b')) input = input.slice(1);
  if (input.length === 1 && /[A-Z]/.test(input[0])) key.shift = true;
  return { input, key };
}

/** Reads key presses from a terminal's input until stopped, and reports their names. */
export class KeyReader {
  private readonly parser = createInputParser();
  private flush: NodeJS.Immediate | undefined;
  private stopped = true;
  private readonly onReadable = () => this.read();

  constructor(
    private readonly stdin: NodeJS.ReadableStream,
    private readonly onKeys: (names: string[]) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.stdin.setEncoding('utf8');
    this.stdin.on('readable', this.onReadable);
  }

  stop(): void {
    this.stopped = true;
    this.stdin.off('readable', this.onReadable);
    if (this.flush) clearImmediate(this.flush);
    this.flush = undefined;
  }

  private read(): void {
    if (this.flush) clearImmediate(this.flush);
    this.flush = undefined;
    let chunk: string | null;
    while (!this.stopped && (chunk = this.stdin.read() as string | null) !== null) {
      const keys = this.parser.push(chunk);
      for (const key of keys) if (!this.stopped) this.emit(key);
    }
    if (this.stopped) return;
    // A lone ESC is a key of its own unless the rest of a sequence follows at once.
    if (this.parser.hasPendingEscape()) {
      this.flush = setImmediate(() => {
        this.flush = undefined;
        const data = this.parser.flushPendingEscape();
        if (data) this.emit(data);
      });
    }
  }

  private emit(data: string): void {
    const { input, key } = inkKey(data);
    const names = keyNames(input, key);
    if (names.length) this.onKeys(names);
  }
}
