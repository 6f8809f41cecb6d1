import { closeSync, openSync, writeSync } from 'node:fs';
import { ReadStream } from 'node:tty';

const ENTER = '\u001b[?1049h\u001b[H\u001b[2J\u001b[?25l';
const LEAVE = '\u001b[?25h\u001b[?1049l';

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

/**
 * Owns the terminal while presenting: the alternate screen, a hidden cursor
 * and raw input. `restore()` gives everything back, once, whatever ends the
 * program: a key, a signal, an error or process exit.
 */
export class TerminalGuard {
  private active = false;
  private readonly onSignal = (signal: NodeJS.Signals) => this.exit(signal);
  private readonly onExit = () => this.restore();
  /** Run before the terminal is given back on a signal (e.g. unmount the interface). */
  beforeExit: (() => void) | null = null;

  constructor(
    private readonly fd = 1,
    private readonly stdin: NodeJS.ReadStream = process.stdin,
  ) {}

  /**
   * Take the terminal. From here on, SIGINT, SIGTERM and SIGHUP give it back
   * and end the program (exit status 128 + the signal's number), and so does
   * process exit for any other reason.
   */
  enter(): void {
    if (this.active) return;
    this.active = true;
    for (const s of Object.keys(SIGNALS)) process.on(s, this.onSignal);
    process.on('exit', this.onExit);
    this.write(ENTER);
    // Raw input from the start: keys typed before the first frame are neither
    // echoed over it nor held back until a newline.
    try {
      if (this.stdin.isTTY) this.stdin.setRawMode(true);
    } catch {
      // not a terminal after all: Ink reports it
    }
  }

  /** Give the terminal back and end the program as the signal would. */
  exit(signal: NodeJS.Signals): never {
    try {
      this.beforeExit?.();
    } catch {
      // already torn down
    }
    this.restore();
    process.exit(128 + (SIGNALS[signal] ?? 0));
  }

  restore(): void {
    if (!this.active) return;
    this.active = false;
    for (const s of Object.keys(SIGNALS)) process.off(s, this.onSignal);
    process.off('exit', this.onExit);
    try {
      if (this.stdin.isTTY) this.stdin.setRawMode(false);
    } catch {
      // stdin already gone: nothing to give back
    }
    this.write(LEAVE);
  }

  private write(s: string): void {
    try {
      writeSync(this.fd, s);
    } catch {
      // the terminal is gone (EIO, EPIPE): nothing left to restore
    }
  }
}

/**
 * The terminal's own input, for keys when standard input is not it (a deck
 * piped in: `cat deck.md | brief-present`): /dev/tty, the controlling
 * terminal. Null when there is none (no controlling terminal, Windows).
 */
export function openTerminalInput(): ReadStream | null {
  let fd: number | undefined;
  try {
    fd = openSync('/dev/tty', 'r');
    return new ReadStream(fd);
  } catch {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    return null;
  }
}
