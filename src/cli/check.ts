import { checkDeck, DEFAULT_SIZE, formatFindings, parseSize, withFindings, type Finding } from '../check/check.js';
import { plainInline } from '../deck/titles.js';
import { readTimings } from '../io/timings.js';
import { clock } from '../state/pacing.js';
import { matchSections, overBudget } from '../state/rehearsal.js';
import { jsonText } from '../deck/json.js';
import type { Deck } from '../deck/types.js';
import { createMarkdownRenderer } from '../render/markdown.js';
import { makeTheme } from '../render/theme.js';
import { MIN_COLS, MIN_ROWS } from '../render/layout.js';
import { UsageError, type CliOptions } from './args.js';
import { imageFindings } from './images.js';

/**
 * `brief-present check [DECK] [--size COLSxROWS] [--require-notes] [--json]`: print the findings
 * (or JSON for CI) and return the exit status: 1 when any is an error, else 0.
 * A bad --size is a UsageError (before the deck is read); an unreadable deck
 * throws as for presenting: `load` reads it the way the CLI does.
 */
export function runCheck(
  opts: CliOptions,
  deckPath: string,
  load: () => Deck,
  write: (s: string) => void = (s) => process.stdout.write(s),
): number {
  const sizeText = opts.values.size;
  const size = sizeText === undefined ? DEFAULT_SIZE : parseSize(sizeText);
  if (!size) {
    throw new UsageError(
      `option --size takes COLSxROWS of at least ${MIN_COLS}x${MIN_ROWS} (e.g. 80x24), not ${JSON.stringify(sizeText)}`,
    );
  }
  const deck = load();
  const checked = checkDeck(deck, createMarkdownRenderer(makeTheme(0)), size, {
    requireNotes: opts.flags.has('require-notes'),
  });
  const timings = opts.values.timings;
  const withImages = withFindings(checked, imageFindings(deck));
  const result = timings === undefined ? withImages : withFindings(withImages, timingFindings(deck, timings));
  if (opts.json) {
    write(jsonText({ deck: deckPath, ...result }) + '\n');
  } else {
    write(formatFindings(result).join('\n') + '\n');
  }
  return result.errors ? 1 : 0;
}

/**
 * `--timings FILE`: one error for each section whose time in that rehearsal
 * was over its budget, at the section's first slide. An unreadable file, or
 * one that is not timings, is a LoadError (exit 2).
 */
export function timingFindings(deck: Deck, path: string): Finding[] {
  const timings = readTimings(path)!;
  const recorded = matchSections(
    deck.sections.map((s) => s.title),
    timings.sections,
  );
  return overBudget({ minutes: deck.meta.duration, sections: deck.sections }, recorded).map((o) => {
    const first = deck.slides[deck.sections[o.section].first];
    const name = plainInline(o.title) || '(start)';
    return {
      ...first.source,
      severity: 'error',
      code: 'over-budget',
      message:
        `section "${name}" took ${clock(o.spent)} in the rehearsal of ${timings.date.slice(0, 10)}, ` +
        `over its budget of ${clock(o.budget)} by ${clock(Math.round(o.spent / 1000) * 1000 - Math.round(o.budget / 1000) * 1000)}`,
      slide: first.index + 1,
    };
  });
}
