/**
 * `brief-present rehearse`: the session tells the recorder of every state it
 * takes (with its clock's time), and at the end, however the program ends
 * (q, Ctrl-C, a signal, an error), the recorder writes the timings file and
 * prints the table of sections against their budgets, once, after the
 * terminal is given back.
 */
import { neutraliseControls } from '../deck/clean.js';
import { seconds, TIMINGS_VERSION, type Timings } from '../deck/timings.js';
import type { Deck } from '../deck/types.js';
import { plainInline } from '../deck/titles.js';
import { deckFingerprint } from '../link/socket.js';
import { rehearsalReport } from '../render/rehearsal.js';
import { clock } from '../state/pacing.js';
import { endRehearsal, rehearsalAt, sectionTimes, startRehearsal, timedSlide, type Rehearsal } from '../state/rehearsal.js';
import type { State } from '../state/types.js';

/** The deck's plan: its planned minutes and its sections. */
export function planOf(deck: Deck) {
  return { minutes: deck.meta.duration, sections: deck.sections };
}

/** A rehearsal's timings as the file keeps them. */
export function timingsOf(deck: Deck, slideMs: readonly number[], date: Date): Timings {
  const sections = sectionTimes(planOf(deck), slideMs);
  return {
    version: TIMINGS_VERSION,
    deck: {
      title: plainInline(deck.meta.title ?? '') || (deck.slides[0]?.title ?? ''),
      fingerprint: deckFingerprint(deck.slides.map((s) => s.title)),
      slides: deck.slides.length,
    },
    date: date.toISOString(),
    seconds: seconds(sections.reduce((a, s) => a + s.spent, 0)),
    sections: sections.map((s) => ({
      title: s.title,
      first: s.first + 1,
      last: s.last + 1,
      seconds: seconds(s.spent),
      budget: s.budget === undefined ? null : seconds(s.budget),
    })),
    slides: deck.slides.map((s) => ({ slide: s.index + 1, title: s.title, seconds: seconds(slideMs[s.index] ?? 0) })),
  };
}

/** The table printed after a rehearsal, from the timings. */
export function reportOf(timings: Timings): string[] {
  return rehearsalReport(
    timings.deck.title,
    timings.sections.map((s) => ({
      title: s.title,
      spent: s.seconds * 1000,
      budget: s.budget === null ? undefined : s.budget * 1000,
    })),
    (ms) => clock(ms),
  );
}

export interface RecorderOptions {
  /** Where the timings go. */
  path: string;
  now(): number;
  /** Write the timings (throws with a one-line message). */
  write(path: string, timings: Timings): void;
  /** Standard output and standard error. */
  out(text: string): void;
  err(text: string): void;
}

export class RehearsalRecorder {
  private timing: Rehearsal;
  private deck: Deck;
  private finished = false;
  /** The timings could not be written. */
  failed = false;

  constructor(
    deck: Deck,
    private readonly o: RecorderOptions,
  ) {
    this.deck = deck;
    this.timing = startRehearsal(deck.slides.length);
  }

  /** The session's state at `now` (its deck, which a reload may have changed). */
  observe(state: State, deck: Deck, now: number): void {
    if (this.finished) return;
    this.deck = deck;
    this.timing = rehearsalAt(this.timing, timedSlide(state), now);
  }

  /** Stop timing, write the file and print the table: once, whatever calls it. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const now = this.o.now();
    const timings = timingsOf(this.deck, endRehearsal(this.timing, now).ms, new Date(now));
    let saved = `Timings written to ${neutraliseControls(this.o.path)}`;
    try {
      this.o.write(this.o.path, timings);
    } catch (err) {
      this.failed = true;
      saved = '';
      this.o.err(`brief-present: ${neutraliseControls(err instanceof Error ? err.message : String(err))}\n`);
    }
    this.o.out([...reportOf(timings), ...(saved ? [saved] : [])].join('\n') + '\n');
  }
}
