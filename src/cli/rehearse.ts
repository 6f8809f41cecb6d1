/**
 * What presenting takes from rehearsals: for `rehearse`, the recorder that
 * writes the timings file (`--timings FILE`, else the one beside the deck);
 * for both `rehearse` and presenting with `--timings`, the last rehearsal's
 * time of each section, for the presenter view.
 */
import type { Deck } from '../deck/types.js';
import { readTimings, timingsPathFor, writeTimings } from '../io/timings.js';
import { matchSections } from '../state/rehearsal.js';
import { RehearsalRecorder } from '../ui/rehearsal.js';
import { UsageError, type CliOptions } from './args.js';

export interface RehearsalSetup {
  recorder?: RehearsalRecorder;
  /** Each section's time in the last rehearsal (ms). */
  rehearsed?: (number | undefined)[];
}

/**
 * Read before presenting: a timings file named but unreadable or not timings
 * is a LoadError (exit 2) before the terminal is taken. `deckPath` is
 * undefined for a deck from standard input.
 */
export function rehearsalFor(opts: CliOptions, deck: Deck, deckPath: string | undefined): RehearsalSetup {
  const named = opts.values.timings;
  if (opts.command !== 'rehearse') {
    const previous = named === undefined ? undefined : readTimings(named);
    return { rehearsed: previous && matchSections(deck.sections.map((s) => s.title), previous.sections) };
  }
  if (named === undefined && deckPath === undefined) {
    throw new UsageError('rehearse: a deck from standard input needs --timings FILE to write its timings to');
  }
  // The bundled briefing's timings go to the current folder, not into the installed package.
  const path = named ?? timingsPathFor(opts.deck === undefined ? 'slides' : deckPath!);
  // The file of an earlier rehearsal, if any: shown while rehearsing, replaced at the end.
  const previous = readTimings(path, true);
  const recorder = new RehearsalRecorder(deck, {
    path,
    now: Date.now,
    write: writeTimings,
    out: (text) => quietly(() => process.stdout.write(text)),
    err: (text) => quietly(() => process.stderr.write(text)),
  });
  return { recorder, rehearsed: previous && matchSections(deck.sections.map((s) => s.title), previous.sections) };
}

/** Write, unless the terminal has gone (a hangup): the file is written already. */
function quietly(write: () => void): void {
  try {
    write();
  } catch {
    // nowhere left to print
  }
}
