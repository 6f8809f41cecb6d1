/**
 * Writing a file whole or not at all: the text goes to a new file beside the
 * target, is flushed to the disk, and only then takes the target's name. A
 * full disk, a file size limit or a crash leaves the target as it was (or
 * absent) and no temporary file behind, as far as the process lives to
 * remove it.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errno } from './errno.js';

export interface AtomicWriteOptions {
  /** Replace a file of that name (else fail with EEXIST when there is one). */
  replace: boolean;
  /** The new file's permissions, exactly (a replaced file's); else 0644 less the umask. */
  mode?: number;
}

/** Errors of link(2) that mean this file system has no hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function exists(path: string): Error {
  return Object.assign(new Error(`${path}: file exists`), { code: 'EEXIST' });
}

/** A new, exclusively created temporary file beside `path`: its name and descriptor. */
function createTemp(path: string, mode: number): { temp: string; fd: number } {
  // A dot file not ending in .md: never taken for a slide file of a folder deck.
  const stem = `.${basename(path).slice(0, 100)}.${process.pid}`;
  for (let attempt = 0; ; attempt++) {
    const temp = join(dirname(path), `${stem}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      return { temp, fd: openSync(temp, 'wx', mode) };
    } catch (err) {
      if (errno(err) !== 'EEXIST' || attempt >= 9) throw err;
    }
  }
}

/** Flush a folder's entries (a rename) to the disk, where the system allows it. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not every system opens or syncs folders; the rename is done all the same.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write `text` to `path` whole or not at all; errors are Node's (with their `code`). */
export function writeFileAtomic(path: string, text: string | Uint8Array, options: AtomicWriteOptions): void {
  const { temp, fd } = createTemp(path, options.mode ?? 0o644);
  let open = true;
  let placed = false;
  try {
    if (options.mode !== undefined) fchmodSync(fd, options.mode);
    writeFileSync(fd, text);
    fsyncSync(fd);
    open = false;
    closeSync(fd);
    if (options.replace) {
      renameSync(temp, path);
      placed = true;
    } else {
      // A second name for the new file, made only if `path` is free: no race
      // with a file that appears meanwhile. Then the temporary name goes.
      try {
        linkSync(temp, path);
      } catch (err) {
        if (errno(err) === 'EEXIST') throw exists(path);
        if (!NO_LINKS.has(errno(err) ?? '')) throw err;
        let taken = true;
        try {
          lstatSync(path);
        } catch {
          taken = false;
        }
        if (taken) throw exists(path);
        renameSync(temp, path);
        placed = true;
      }
    }
  } catch (err) {
    if (open) closeSync(fd);
    if (!placed) {
      try {
        unlinkSync(temp);
      } catch {
        // Gone already, or its folder went away: nothing left to remove.
      }
    }
    throw err;
  }
  if (!placed) {
    try {
      unlinkSync(temp);
    } catch {
      // The handout is in place; a leftover second name is all that remains.
    }
  }
  syncFolder(dirname(path));
}
