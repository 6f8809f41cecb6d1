/**
 * Writing a file the user named (a handout): never over an existing file
 * without --force, never over a file of the deck, never as a new slide file of
 * a folder deck, written whole or not at all.
 */
import { accessSync, constants, realpathSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isDeckFileName, LoadError, type DeckSources } from '../io/load.js';
import { writeFileAtomic } from '../io/write.js';
import { errno, errnoWords } from '../io/errno.js';

/** A handout that cannot be written where asked; the message names the path and the reason. */
export class OutputError extends LoadError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

export function reason(err: unknown): string {
  return `cannot write: ${errnoWords(err, 'write')}`;
}

/**
 * Where a handout named `path` would land (every link resolved), or an
 * OutputError saying why it may not be written there: an existing file
 * without `force`, any file the deck was read from (`sources`), under whatever
 * name, and any name in a folder deck that the next read would take for a
 * slide file.
 */
export function outputTarget(
  path: string,
  force: boolean,
  sources: DeckSources = { files: [] },
): { st?: BigIntStats; target: string } {
  let st: BigIntStats | undefined;
  try {
    st = statSync(path, { bigint: true });
  } catch (err) {
    if (errno(err) !== 'ENOENT') throw new OutputError(`${path}: ${reason(err)}`);
  }
  if (st?.isDirectory()) throw new OutputError(`${path}: is a folder`);
  if (!st && /[\\/]$/.test(path)) throw new OutputError(`${path}: cannot write: ${errnoWords({ code: 'ENOENT' }, 'write')}`);

  let target: string;
  try {
    target = st ? realpathSync(path) : join(realpathSync(dirname(path)), basename(path));
  } catch (err) {
    throw new OutputError(`${path}: ${reason(err)}`);
  }
  const isSource = st
    ? sources.files.some((f) => (f.dev === st.dev && f.ino === st.ino) || f.real === target)
    : sources.files.some((f) => f.real === target);
  if (isSource) throw new OutputError(`${path}: is a file of the deck being exported; choose another output file`);
  if (sources.folder !== undefined && dirname(target) === sources.folder && isDeckFileName(basename(target))) {
    throw new OutputError(
      `${path}: is in the folder deck, where it would be read as a slide file; ` +
        'write it outside the folder or not as .md',
    );
  }
  if (st && !force) throw new OutputError(`${path}: already exists (use --force to overwrite it)`);
  return { st, target };
}

/**
 * Write `data` to `path` where `outputTarget` allows it, whole or not at all:
 * into a new file beside the target, which then takes its name (a link is
 * written through).
 */
export function writeOutput(
  path: string,
  data: string | Uint8Array,
  force: boolean,
  sources: DeckSources = { files: [] },
): void {
  const { st, target } = outputTarget(path, force, sources);
  try {
    if (st && !st.isFile()) {
      // A device or a pipe (/dev/null, a FIFO): written to, as there is nothing to replace.
      writeFileSync(path, data);
      return;
    }
    // A file its owner made read-only stays as it is, as when it was written in place.
    if (st) accessSync(target, constants.W_OK);
    // With --force, a name taken since (or a link to nothing) is replaced too.
    writeFileAtomic(target, data, { replace: force, mode: st ? Number(st.mode & 0o777n) : undefined });
  } catch (err) {
    if (errno(err) === 'EEXIST') throw new OutputError(`${path}: already exists (use --force to overwrite it)`);
    throw new OutputError(`${path}: ${reason(err)}`);
  }
}
