import { writeSync } from 'node:fs';

const ENTER = '\u001b[?1049h\u001b[H\u001b[2J\u001b[?25l';
const LEAVE = '\u001b[?25h\u001b[?1049l';

/**
 * Owns the terminal while presenting: the alternate screen, a hidden cursor
 * and raw input. `restore()` gives everything back, once, whatever ends the
 * program: a key, a signal, an error or process exit.
 */
export class TerminalGuard {
  private active = false;

  constructor(
    private readonly fd = 1,
    private readonly stdin: NodeJS.ReadStream = process.stdin,
  ) {}

  enter(): void {
    if (this.active) return;
    this.active = true;
    this.write(ENTER);
    // Raw input from the start: keys typed before the first frame are neither
    // echoed over it nor held back until a newline.
    try {
      if (this.stdin.isTTY) this.stdin.setRawMode(true);
    } catch {
      // not a terminal after all: Ink reports it
    }
  }

  restore(): void {
    if (!this.active) return;
    this.active = false;
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
