import { checkDeck, DEFAULT_SIZE, formatFindings, parseSize } from '../check/check.js';
import { jsonText } from '../deck/json.js';
import type { Deck } from '../deck/types.js';
import { createMarkdownRenderer } from '../render/markdown.js';
import { makeTheme } from '../render/theme.js';
import { MIN_COLS, MIN_ROWS } from '../render/layout.js';
import { UsageError, type CliOptions } from './args.js';

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
  const result = checkDeck(deck, createMarkdownRenderer(makeTheme(0)), size, {
    requireNotes: opts.flags.has('require-notes'),
  });
  if (opts.json) {
    write(jsonText({ deck: deckPath, ...result }) + '\n');
  } else {
    write(formatFindings(result).join('\n') + '\n');
  }
  return result.errors ? 1 : 0;
}
