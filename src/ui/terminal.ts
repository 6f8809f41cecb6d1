import { closeSync, openSync, writeSync } from 'node:fs';
import { constants } from 'node:os';
import { ReadStream } from 'node:tty';

// Autowrap (DECAWM) is off while presenting: every line is drawn at its
// place, and a character in the last row's last cell never scrolls the screen.
const ENTER = '\u001b[?1049h\u001b[H\u001b[2J\u001b[?25l\u001b[?7l';
const LEAVE = '\u001b[?7h\u001b[?25h\u001b[?1049l';

/**
 * The signals whose default action ends the program and that a handler may
 * take: each gives the terminal back first. Not SIGKILL and SIGSTOP (no
 * handler can take them), SIGUSR1 (Node starts its debugger on it), SIGPIPE
 * (Node ignores it), SIGPROF and SIGTRAP (profilers and debuggers), nor
 * SIGSEGV, SIGBUS, SIGFPE and SIGILL (after a real one no JavaScript can
 * safely run). Only those the platform has (SIGPWR and SIGSTKFLT are Linux's,
 * SIGBREAK is Windows').
 */
export const TERMINATING: readonly NodeJS.Signals[] = (
  [
    'SIGHUP',
    'SIGINT',
    'SIGQUIT',
    'SIGTERM',
    'SIGUSR2',
    'SIGALRM',
    'SIGVTALRM',
    'SIGXCPU',
    'SIGXFSZ',
    'SIGABRT',
    'SIGPOLL',
    'SIGPWR',
    'SIGSTKFLT',
    'SIGBREAK',
  ] as const
).filter((s) => Object.hasOwn(constants.signals, s));

/** 128 + the signal's number: the exit status a shell reports for a program the signal ended. */
function statusFor(signal: NodeJS.Signals): number {
  return 128 + (Object.hasOwn(constants.signals, signal) ? constants.signals[signal as keyof typeof constants.signals] : 0);
}

/**
 * Owns the terminal while presenting: the alternate screen, a hidden cursor
 * and raw input. `restore()` gives everything back, once, whatever ends the
 * program: a key, a signal, an error or process exit. A stop (SIGTSTP, as a
 * shell's job control sends) gives the terminal back for as long as the
 * program is stopped, and takes it again when it continues.
 */
export class TerminalGuard {
  private active = false;
  /** The program stopped itself: the SIGCONT that wakes it is expected. */
  private stopping = false;
  private readonly onSignal = (signal: NodeJS.Signals) => this.exit(signal);
  private readonly onStop = () => this.suspend();
  private readonly onContinue = () => this.continued();
  private readonly onExit = () => this.restore();
  /** Run before the terminal is given back on a signal (e.g. unmount the interface). */
  beforeExit: (() => void) | null = null;
  /** Run once the terminal is taken again after a stop: draw the whole screen again. */
  onResume: (() => void) | null = null;

  constructor(
    private readonly fd = 1,
    private readonly stdin: NodeJS.ReadStream = process.stdin,
  ) {}

  /**
   * Take the terminal. From here on, every signal in TERMINATING gives it
   * back and ends the program (exit status 128 + the signal's number), and
   * so does process exit for any other reason; SIGTSTP stops the program
   * with the terminal given back.
   */
  enter(): void {
    if (this.active) return;
    this.active = true;
    for (const s of TERMINATING) listen(s, this.onSignal);
    listen('SIGTSTP', this.onStop);
    listen('SIGCONT', this.onContinue);
    process.on('exit', this.onExit);
    this.take();
  }

  /** Give the terminal back and end the program as the signal would. */
  exit(signal: NodeJS.Signals): never {
    try {
      this.beforeExit?.();
    } catch {
      // already torn down
    }
    this.restore();
    process.exit(statusFor(signal));
  }

  /**
   * Stop the program as SIGTSTP would, with the terminal given back (main
   * screen, cursor, line input) while it is stopped; when it continues, the
   * terminal is taken again and `onResume` draws the screen.
   */
  suspend(): void {
    if (!this.active) return;
    this.give();
    this.stopping = true;
    // SIGSTOP stops the whole program before kill() returns to this thread:
    // what follows runs once it has been continued (SIGCONT).
    process.kill(process.pid, 'SIGSTOP');
    this.resume();
  }

  restore(): void {
    if (!this.active) return;
    this.active = false;
    for (const s of TERMINATING) process.off(s, this.onSignal);
    process.off('SIGTSTP', this.onStop);
    process.off('SIGCONT', this.onContinue);
    process.off('exit', this.onExit);
    this.give();
  }

  /** Continued: after our own stop, resume() has run already; after anyone else's, the screen may hold a shell's words. */
  private continued(): void {
    if (this.stopping) {
      this.stopping = false;
      return;
    }
    this.resume();
  }

  private resume(): void {
    if (!this.active) return;
    this.take();
    try {
      this.onResume?.();
    } catch {
      // the screen is drawn again on the next change
    }
  }

  /** The alternate screen, a hidden cursor and raw input. */
  private take(): void {
    this.write(ENTER);
    // Raw input from the start: keys typed before the first frame are neither
    // echoed over it nor held back until a newline.
    try {
      if (this.stdin.isTTY) this.stdin.setRawMode(true);
    } catch {
      // not a terminal after all: Ink reports it
    }
  }

  /** The main screen, the cursor and line input, as they were. */
  private give(): void {
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

/** Listen for a signal where the platform lets a program do so. */
function listen(signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void): void {
  try {
    process.on(signal, handler);
  } catch {
    // not a signal on this platform
  }
}
