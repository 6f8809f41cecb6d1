/**
 * Where a deck's rehearsal timings live, and reading and writing them: the
 * file beside the deck (`talk.md` → `talk.timings.json`; a folder deck
 * `slides/` → `slides.timings.json` next to the folder, so the folder holds
 * only the deck), written whole or not at all.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MARKDOWN_FILE } from '../deck/meta.js';
import { parseTimings, TimingsError, timingsText, type Timings } from '../deck/timings.js';
import { errno, errnoWords } from './errno.js';
import { LoadError } from './load.js';
import { writeFileAtomic } from './write.js';

/** The timings file of the deck at `deckPath`. */
export function timingsPathFor(deckPath: string): string {
  const trimmed = deckPath.replace(/[\\/]+$/, '') || deckPath;
  const stem = basename(trimmed).replace(MARKDOWN_FILE, '');
  return join(dirname(trimmed), `${stem}.timings.json`);
}

/**
 * The timings at `path`; undefined when `optional` and there is no such file.
 * A file that cannot be read or is not timings is a LoadError (one line).
 */
export function readTimings(path: string, optional = false): Timings | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (optional && errno(err) === 'ENOENT') return undefined;
    throw new LoadError(`${path}: cannot read timings: ${errnoWords(err, 'read')}`);
  }
  try {
    return parseTimings(text, path);
  } catch (err) {
    if (err instanceof TimingsError) throw new LoadError(err.message);
    throw err;
  }
}

/** Write the timings to `path`, replacing an earlier rehearsal's; errors say why in words. */
export function writeTimings(path: string, timings: Timings): void {
  try {
    writeFileAtomic(path, timingsText(timings), { replace: true });
  } catch (err) {
    throw new Error(`${path}: cannot write timings: ${errnoWords(err, 'write')}`);
  }
}
