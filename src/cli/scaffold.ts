/**
 * `brief-present init [FOLDER]` and `brief-present draft ARTICLE [-o FOLDER]`:
 * a new folder deck written to disk, never over an existing file (one line,
 * exit 2, and nothing written). What goes in the files is src/draft/.
 */
import { mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { draftDeck } from '../draft/draft.js';
import { STARTER_FOLDER, starterDeck, type DeckFile } from '../draft/starter.js';
import { errno, errnoWords } from '../io/errno.js';
import { readTextFile } from '../io/load.js';
import { writeFileAtomic } from '../io/write.js';
import { UsageError, type CliOptions } from './args.js';
import { OutputError } from './output.js';

/** Write `files` into `folder` (made if need be); refuse before writing anything if one exists. */
export function writeDeckFolder(folder: string, files: DeckFile[]): void {
  try {
    if (!statSync(folder).isDirectory()) throw new OutputError(`${folder}: is a file, not a folder`);
  } catch (err) {
    if (err instanceof OutputError) throw err;
    if (errno(err) !== 'ENOENT') throw new OutputError(`${folder}: cannot write: ${errnoWords(err, 'write')}`);
  }
  for (const f of files) {
    const path = join(folder, f.name);
    let taken = true;
    try {
      statSync(path);
    } catch {
      taken = false;
    }
    if (taken) throw new OutputError(`${path}: already exists; nothing was written (choose a new folder)`);
  }
  try {
    mkdirSync(folder, { recursive: true });
    for (const f of files) writeFileAtomic(join(folder, f.name), f.text, { replace: false });
  } catch (err) {
    if (errno(err) === 'EEXIST') throw new OutputError(`${folder}: a file appeared while writing; choose a new folder`);
    throw new OutputError(`${folder}: cannot write: ${errnoWords(err, 'write')}`);
  }
}

function done(folder: string, files: DeckFile[], what: string): void {
  const shown = /\s/.test(folder) ? JSON.stringify(folder) : folder;
  process.stdout.write(
    `${what}: ${files.length} files in ${folder}\n` +
      `Present it: brief-present ${shown}    Check it: brief-present check ${shown}\n`,
  );
}

/** `init [FOLDER]`. */
export function initCommand(opts: CliOptions): void {
  const folder = opts.deck ?? STARTER_FOLDER;
  const files = starterDeck();
  writeDeckFolder(folder, files);
  done(folder, files, 'Starter deck');
}

/** `draft ARTICLE [-o FOLDER]`. */
export function draftCommand(opts: CliOptions): void {
  const article = opts.deck;
  if (article === undefined || article === '-') throw new UsageError('draft needs an ARTICLE file: brief-present draft ARTICLE [-o FOLDER]');
  if (opts.values.output === '') throw new UsageError('option --output needs a FOLDER');
  const text = readTextFile(article);
  let draft;
  try {
    draft = draftDeck(text, article);
  } catch {
    throw new OutputError(`${article}: no article text found to draft from`);
  }
  const folder = opts.values.output ?? `${basename(article).replace(/\.[^.]*$/, '') || 'article'}-draft`;
  writeDeckFolder(folder, draft.files);
  done(folder, draft.files, `Draft deck (${draft.sections.length - 1} sections from ${basename(article)})`);
}
